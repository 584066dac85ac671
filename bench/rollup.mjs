// Roll-up of 2,000 unit stores, each the size of the bundled Beställarenhet 2, against the 2 s target:
// `malkoll summary DIR` as a process, median of 3; PASS/FAIL, exit 1 on FAIL.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// The compiled code goes to a cache folder of the bench's own, not the user's.
const cache = mkdtempSync(join(tmpdir(), 'malkoll-bench-cache-'));
process.env.MALKOLL_CACHE = cache;
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
const UNITS = 2000;
const LIMIT = 2000;
const dir = mkdtempSync(join(tmpdir(), 'malkoll-bench-rollup-'));

// A deterministic spread of statuses, outcomes and states, so every run measures the same stores.
let seed = 7;
const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = xs => xs[Math.floor(rnd() * xs.length)];
const template = readFileSync(join(root, 'data', 'bestallarenhet-2-2025.json'), 'utf8');
try {
	for (let n = 1; n <= UNITS; n++) {
		const data = JSON.parse(template);
		data.organisation.namn = `Enhet ${String(n).padStart(3, '0')}`;
		const vb = data.followUp.VB;
		for (const g of data.goals) if (g.niva === 'enhetsmal') vb.goals[g.id].status = pick(['helt', 'helt', 'delvis', 'inte']);
		for (const i of data.indicators) {
			const value = Math.round(vb.indicators[i.id].utfall.value * (0.8 + rnd() * 0.4) * 10) / 10;
			vb.indicators[i.id].utfall = {...vb.indicators[i.id].utfall, raw: String(value).replace('.', ','), value};
		}
		for (const a of data.activities) {
			const tillstand = pick(['genomford', 'pagar', undefined]);
			if (tillstand) vb.activities[a.id] = {...vb.activities[a.id], tillstand, ...(rnd() < 0.2 ? {nyttSlut: '2025-10-31'} : {})};
		}
		writeFileSync(join(dir, `enhet-${String(n).padStart(3, '0')}.json`), `${JSON.stringify(data, null, '\t')}\n`);
	}
	const times = [];
	let lines = 0;
	for (let i = 0; i < 3; i++) {
		const t0 = process.hrtime.bigint();
		const r = spawnSync(process.execPath, [cli, 'summary', dir], {env: {...process.env, NO_COLOR: '1', MALKOLL_DATA: ''}, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
		times.push(Number(process.hrtime.bigint() - t0) / 1e6);
		if (r.status !== 0) throw new Error(`summary ${dir} avslutades med ${r.status}: ${r.stderr}`);
		lines = r.stdout.split('\n').length;
	}
	times.sort((a, b) => a - b);
	const ms = times[1];
	const ok = ms < LIMIT;
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${`summary, ${UNITS} enheters stores`.padEnd(46)} ${ms.toFixed(0).padStart(5)} ms  (mål < ${LIMIT} ms, ${lines} rader)`);
	if (!ok) process.exitCode = 1;
} finally {
	rmSync(dir, {recursive: true, force: true});
	rmSync(cache, {recursive: true, force: true});
}
