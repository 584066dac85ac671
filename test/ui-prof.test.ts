import {test} from 'vitest';
import {loadStore} from '../source/store/index.js';
import {UiController} from '../source/ui/state.js';
import {tradRader} from '../source/ui/views/tree.js';
import {detaljRader} from '../source/ui/views/detail.js';
test('prof', async () => {
	const data = await loadStore('bench/out/stor.json');
	const ui = new UiController({store: {apply: async () => ({data, changes: []}), reload: async () => data}, data, path: '/tmp/none.json', cols: 120, rows: 40});
	ui.input('O');
	const m = (f: () => void) => { const ts: number[] = []; for (let i = 0; i < 60; i++) { ui.input('j'); const t = performance.now(); f(); ts.push(performance.now() - t); } ts.sort((a, b) => a - b); return ts[30]!.toFixed(2); };
	console.log('input', m(() => ui.input('j')));
	console.log('tree', m(() => tradRader(ui, 48, 36)));
	console.log('detail', m(() => detaljRader(ui, 71)));
});
