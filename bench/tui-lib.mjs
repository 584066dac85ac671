// Shared by the TUI benchmarks: runs a command in a pseudo-terminal (util-linux script) and reports
// when text arrives. Not a benchmark itself (run.mjs skips it by name).
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

// Receipts and code caches of the TUI benchmarks go to a fresh cache folder of their own, the
// recent stores (o) to a state folder of their own.
process.env.MALKOLL_CACHE = mkdtempSync(join(tmpdir(), 'malkoll-bench-cache-'));
process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'malkoll-bench-state-'));

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
// MALKOLL_BENCH_CLI: another build's cli.js, to compare two builds on the same machine.
export const cli = process.env.MALKOLL_BENCH_CLI || join(root, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});

export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Starts `args` (run by this node) on a cols×rows terminal. `length` counts the characters it has
 * printed; `parts` keeps them in the chunks they came in, each with its offset, so that a wait
 * reads only what came after its start: one string of everything, appended to and sliced at each
 * chunk, is copied whole each time (V8 flattens it), which at 200×60 cost the bench ~3 ms a key. */
export function startPty(args, cols, rows) {
	const cmd = `stty cols ${cols} rows ${rows}; exec ${[process.execPath, ...args].map(a => JSON.stringify(a)).join(' ')}`;
	const child = spawn('script', ['-qfec', cmd, '/dev/null'], {env: {...process.env, TERM: 'xterm-256color', MALKOLL_DATA: ''}, stdio: ['pipe', 'pipe', 'inherit']});
	const t = {child, length: 0, parts: [], waiters: [], last: 0};
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', d => {
		t.parts.push({at: t.length, text: d});
		t.length += d.length;
		t.last = now();
		t.waiters = t.waiters.filter(w => !w());
	});
	return t;
}

/** What `t` printed from character `from` on. */
export function since(t, from) {
	let i = t.parts.length;
	while (i > 0 && t.parts[i - 1].at + t.parts[i - 1].text.length > from) i--;
	const rest = t.parts.slice(i).map(p => p.text).join('');
	return i < t.parts.length ? rest.slice(from - t.parts[i].at) : '';
}

/** Starts `malkoll --data file` on a cols×rows terminal. */
export const startTui = (file, cols, rows) => startPty([cli, '--data', file], cols, rows);

/** Resolves with the time (ms, hrtime) when `text` shows up in the output after character `from`. */
export function waitText(t, text, from, timeoutMs = 5000) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`väntade på "${text}" i ${timeoutMs} ms`)), timeoutMs);
		const check = () => {
			if (!since(t, from).replace(ANSI, '').includes(text)) return false;
			clearTimeout(timer);
			resolve(now());
			return true;
		};
		if (!check()) t.waiters.push(check);
	});
}

/** Resolves when the process has ended; `quit` is written to it first, SIGKILL after 3 s. */
/** CPU time (ms, user + system) the program in the pseudo-terminal has used so far (Linux /proc). */
export function cpuMs(t) {
	const pid = readFileSync(`/proc/${t.child.pid}/task/${t.child.pid}/children`, 'utf8').trim().split(' ')[0];
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resolves once `quietMs` have passed without output: the app has drawn all it will for now. */
export function settle(t, quietMs = 50) {
	return new Promise(resolve => {
		const poll = () => (now() - t.last >= quietMs ? resolve() : setTimeout(poll, 5));
		poll();
	});
}

export function stopPty(t, quit = 'q') {
	if (t.child.exitCode !== null) return Promise.resolve();
	if (quit) t.child.stdin.write(quit);
	return new Promise(resolve => {
		const timer = setTimeout(() => t.child.kill('SIGKILL'), 3000);
		t.child.on('exit', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

export const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

export function report(name, ms, limit, note = '') {
	const ok = ms <= limit;
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(46)} ${ms.toFixed(1).padStart(6)} ms  (mål ≤ ${limit.toFixed(1)} ms${note ? `, ${note}` : ''})`);
	return ok;
}
