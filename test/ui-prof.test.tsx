import {test} from 'vitest';
import {render} from 'ink-testing-library';
import {loadStore} from '../source/store/index.js';
import {UiController} from '../source/ui/state.js';
import {App} from '../source/ui/app.js';
import {skarm} from '../source/ui/views/screen.js';
test('prof', async () => {
	process.env.FORCE_COLOR = '3';
	const data = await loadStore('bench/out/stor.json');
	const ui = new UiController({store: {apply: async () => ({data, changes: []}), reload: async () => data}, data, path: '/tmp/none.json', cols: 100, rows: 40});
	const r = render(<App ui={ui} />);
	r.stdin.write('O');
	await new Promise(res => setTimeout(res, 50));
	const all: number[] = []; const own: number[] = [];
	for (let i = 0; i < 100; i++) {
		let t = performance.now();
		r.stdin.write('j');
		all.push(performance.now() - t);
		t = performance.now(); skarm(ui); own.push(performance.now() - t);
		await new Promise(res => setTimeout(res, 5));
	}
	all.sort((a, b) => a - b); own.sort((a, b) => a - b);
	console.log('ink+ui median', all[50]!.toFixed(2), 'p95', all[95]!.toFixed(2), 'skarm only', own[50]!.toFixed(2));
});
