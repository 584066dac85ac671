import {readFileSync} from 'node:fs';
import {it} from 'vitest';
import {parseStore} from '../../source/store/parse.js';
import {buildSummary} from '../../source/domain/summary.js';
it('prof', () => {
	const text = readFileSync('/work/main/bench/out/stor.json', 'utf8');
	for (let i = 0; i < 4; i++) {
		const t0 = performance.now();
		const data = parseStore(text, 'x');
		const t1 = performance.now();
		const s = buildSummary(data);
		const t2 = performance.now();
		const j = JSON.stringify(s, null, 2);
		const t3 = performance.now();
		console.log(`parse+validate ${(t1 - t0).toFixed(0)} summary ${(t2 - t1).toFixed(0)} stringify ${(t3 - t2).toFixed(0)} (${j.length} B, ${s.warnings.length} warnings)`);
	}
});
