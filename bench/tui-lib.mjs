// Shared by the TUI benchmarks: runs the built malkoll in a pseudo-terminal (util-linux script)
// and reports when frames arrive. Not a benchmark itself (run.mjs skips it by name).
import {spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

// Receipts and code caches of the TUI benchmarks go to a fresh cache folder of their own.
process.env.MALKOLL_CACHE = mkdtempSync(join(tmpdir(), 'malkoll-bench-cache-'));

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const cli = join(root, 'dist', 'cli.js');

/** Starts `malkoll --data file` on a cols×rows terminal; `out` collects everything it prints. */
export function startTui(file, cols, rows) {
	const cmd = `stty cols ${cols} rows ${rows}; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} --data ${JSON.stringify(file)}`;
	const child = spawn('script', ['-qfec', cmd, '/dev/null'], {env: {...process.env, TERM: 'xterm-256color', MALKOLL_DATA: ''}, stdio: ['pipe', 'pipe', 'inherit']});
	const t = {child, out: '', waiters: []};
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', d => {
		t.out += d;
		t.waiters = t.waiters.filter(w => !w());
	});
	return t;
}

/** Resolves with the time (ms, hrtime) when `text` shows up in the output after `from`. */
export function waitText(t, text, from, timeoutMs = 5000) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`väntade på "${text}" i ${timeoutMs} ms`)), timeoutMs);
		const check = () => {
			if (!t.out.slice(from).replace(ANSI, '').includes(text)) return false;
			clearTimeout(timer);
			resolve(Number(process.hrtime.bigint()) / 1e6);
			return true;
		};
		if (!check()) t.waiters.push(check);
	});
}

export function stopTui(t) {
	t.child.stdin.write('q');
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
	const ok = ms < limit;
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(46)} ${ms.toFixed(1).padStart(6)} ms  (mål < ${limit} ms${note ? `, ${note}` : ''})`);
	return ok;
}
