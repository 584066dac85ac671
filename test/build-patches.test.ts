// Every rewrite scripts/build.mjs makes of a dependency's text (PATCHES) still finds its text in
// node_modules, the dependency is pinned to the exact version installed, and a missing text fails
// the patch (and so the build) instead of leaving the dependency as it was.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {PATCHES, patch} from '../scripts/build.mjs';
import {ROOT} from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The exact version package.json pins for the package at `dir` (under node_modules), or undefined. */
function pin(dir: string): string | undefined {
	const parts = dir.split('/node_modules/');
	if (parts.length === 1) return pkg.devDependencies[dir];
	// A copy nested under another package: pinned by an override scoped to that package.
	return pkg.overrides?.[parts[0]!]?.[parts[1]!];
}

describe.each(PATCHES)('node_modules/$file', p => {
	const file = join(ROOT, 'node_modules', p.file);
	const text = readFileSync(file, 'utf8');

	it('holds every text the build replaces', () => {
		for (const [from] of p.edits) expect(text, from).toContain(from);
		const patched = patch(p, text);
		for (const [from, to, all] of p.edits) {
			expect(patched).toContain(to);
			if (all) expect(patched).not.toContain(from);
		}
	});

	it('comes from a dependency pinned to the version installed', () => {
		const segs = p.file.split('/');
		const i = segs.lastIndexOf('node_modules') + 1;
		const dir = segs.slice(0, i + (segs[i]!.startsWith('@') ? 2 : 1)).join('/');
		const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', dir, 'package.json'), 'utf8')).version;
		expect(pin(dir), dir).toBe(installed);
	});

	it('fails with the file named when a text is gone', () => {
		const [from] = p.edits.at(-1)!;
		expect(() => patch(p, text.replaceAll(from, ''))).toThrow(`node_modules/${p.file} har ändrats`);
	});
});
