// The TUI bundle in a real terminal: its V8 code cache is written once the first frame is drawn
// and written anew when V8 refuses it, and the bundle still knows where malkoll's data/ is (the
// example stores there are never written, also not from the TUI).
import {execFileSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {BUNDLED, ROOT, bytes, tmpStore} from '../helpers.js';
import {bygg, harTmux, stangAlla, starta, tmux, vanta} from './tmux.js';

const forstaBilden = (f: string) => f.includes('Beställarenhet 2 · 2025 · VB') && f.includes('a analys');

async function vantaPa(ok: () => boolean, vad: string, ms = 5000): Promise<void> {
	const slut = Date.now() + ms;
	while (!ok()) {
		if (Date.now() > slut) throw new Error(`väntade på ${vad}`);
		await new Promise(r => setTimeout(r, 25));
	}
}

describe.skipIf(!harTmux)('TUI-bundlen i tmux', () => {
	beforeAll(bygg);
	afterAll(stangAlla);

	test('koden cachas efter första bilden och skrivs om när V8 vägrar cachen', async () => {
		const mapp = mkdtempSync(join(tmpdir(), 'malkoll-e2e-v8-'));
		const v8 = join(mapp, 'v8');
		const alla = () => (existsSync(v8) ? readdirSync(v8).filter(f => f.endsWith('.bin')) : []);
		const filer = () => alla().filter(f => f.startsWith('tui-'));
		const file = tmpStore();

		const s = starta('cache1', 80, 24, file, `MALKOLL_CACHE=${mapp}`);
		await vanta(s, forstaBilden, 'första bilden');
		await vantaPa(() => filer().length === 1, 'koden i cachen');
		tmux('send-keys', '-t', s, 'q');
		await vanta(s, f => f.includes('SLUT=0'), 'avslut');
		const [namn] = filer();
		expect(readFileSync(join(v8, namn!)).length).toBeGreaterThan(1000);
		// A plain `malkoll` goes straight to the TUI's bundle: the commands' bundle is never loaded.
		expect(alla().filter(f => f.startsWith('app-'))).toHaveLength(0);

		// A cache V8 refuses (another V8, torn, overwritten) only costs a compile.
		writeFileSync(join(v8, namn!), 'trasig');
		const s2 = starta('cache2', 80, 24, file, `MALKOLL_CACHE=${mapp}`);
		await vanta(s2, forstaBilden, 'första bilden med trasig cache');
		await vantaPa(() => readFileSync(join(v8, namn!), 'utf8') !== 'trasig', 'ny cache');
		tmux('send-keys', '-t', s2, 'q');
		await vanta(s2, f => f.includes('SLUT=0'), 'avslut');
		expect(filer()).toEqual([namn]);
	});

	test('exempelfilerna i data/ ändras inte från TUI:n heller', async () => {
		// A malkoll of its own (package.json, data/, dist/), so that no test can touch the real data/.
		const projekt = mkdtempSync(join(tmpdir(), 'malkoll-e2e-projekt-'));
		writeFileSync(join(projekt, 'package.json'), '{}\n');
		mkdirSync(join(projekt, 'data'));
		const exempel = join(projekt, 'data', 'exempel.json');
		copyFileSync(BUNDLED, exempel);
		execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), join(projekt, 'dist')], {stdio: 'inherit'});
		const fore = bytes(exempel);
		const s = `malkoll-e2e-${process.pid}-exempel`;
		tmux('new-session', '-d', '-s', s, '-x', '120', '-y', '40', `TERM=xterm-256color node ${join(projekt, 'dist', 'cli.js')} --data ${exempel}; echo "SLUT=$?"; sleep 30`);
		try {
			await vanta(s, forstaBilden, 'första bilden');
			tmux('send-keys', '-t', s, '2');
			await vanta(s, f => f.includes('exempelfilerna'), 'vägran att ändra exemplet');
			tmux('send-keys', '-t', s, 'q');
			await vanta(s, f => f.includes('SLUT=0'), 'avslut');
		} finally {
			tmux('kill-session', '-t', s);
		}
		expect(bytes(exempel).equals(fore)).toBe(true);
		expect(readdirSync(join(projekt, 'data'))).toEqual(['exempel.json']);
	});
});
