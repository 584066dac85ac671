// What a person reads on a real terminal (tmux, its own server "-L malkoll-text"): paragraphs as
// paragraphs in `show`, the fields' Swedish labels in the TUI's undo message and in the history.
import {execFileSync, spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {ROOT, privateCli, tmpStore} from '../helpers.js';
import {vantaPa} from './tmux.js';

const SOCKET = ['-L', `malkoll-text-${process.pid}`];
const harTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', [...SOCKET, ...args], {encoding: 'utf8'});
// With the scrollback: show's output is longer than the pane.
const skarm = (s: string) => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', s);

function vanta(s: string, ok: (f: string) => boolean, vad: string, ms = 8000): Promise<string> {
	return vantaPa(() => skarm(s), ok, vad, ms);
}

let n = 0;
function starta(cols: number, rows: number, cmd: string): string {
	const s = `text-${++n}`;
	tmux('new-session', '-d', '-s', s, '-x', String(cols), '-y', String(rows), `cd ${ROOT} && TERM=xterm-256color ${cmd}; echo SLUT=$?; sleep 30`);
	return s;
}

describe.skipIf(!harTmux)('text on screen (tmux)', () => {
	beforeAll(() => void privateCli());
	afterAll(() => void spawnSync('tmux', [...SOCKET, 'kill-server']));

	test('show 3.4.1.1: Förväntat resultat 3 runs over two paragraphs, no "↵" on screen', async () => {
		const s = starta(100, 60, `NO_COLOR=1 node ${privateCli()} show 3.4.1.1 --data ${tmpStore()}`);
		const f = await vanta(s, x => x.includes('SLUT=0'), 'show');
		expect(f).not.toContain('↵');
		expect(f).toMatch(/\n {2}3\. Samtliga medarbetare involveras i hälsoaktiviteter\.\n\n {5}Enligt en mätning år 2024/);
	});

	test('the TUI says "Ångrade 1.4.1:a1 tillstånd", and history names Tillstånd and Utfall män', async () => {
		const file = tmpStore();
		const s = starta(100, 30, `node ${privateCli()} --data ${file} --author e2e`);
		await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
		tmux('send-keys', '-t', s, 'Tab');
		tmux('send-keys', '-t', s, 'Enter');
		await vanta(s, f => f.includes('Aktivitet 1.4.1:a1 (VB)'), 'aktivitetens formulär');
		tmux('send-keys', '-t', s, 'Right', 'Right', 'Enter');
		await vanta(s, f => f.includes('Sparat'), 'tillståndet sparat');
		tmux('send-keys', '-t', s, 'u');
		const f = await vanta(s, x => x.includes('Ångrade'), 'ångrat');
		expect(f).toContain('Ångrade 1.4.1:a1 tillstånd');
		expect(f).not.toMatch(/tillstand/);
		tmux('send-keys', '-t', s, 'q');
		await vanta(s, x => x.includes('SLUT=0'), 'avslutat');

		const h = starta(120, 20, `NO_COLOR=1 node ${privateCli()} set 3.4:i2 --man "6,1 %" --data ${file} >/dev/null && NO_COLOR=1 node ${privateCli()} history --data ${file}`);
		const historik = await vanta(h, x => x.includes('SLUT=0'), 'history');
		expect(historik).toMatch(/1\.4\.1:a1 Tillstånd \(VB\): – → Pågår/);
		expect(historik).toMatch(/3\.4:i2 Utfall män \(VB\): "5,2 %" → "6,1 %"/);
		expect(historik).not.toMatch(/ man \(VB\)| tillstand /);
	});
});
