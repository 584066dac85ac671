// Types of scripts/build.mjs for the tests.
export interface Patch {
	file: string;
	prefix?: string;
	edits: Array<[from: string, to: string, all?: 'all']>;
}
export const PATCHES: Patch[];
export function patch(p: Patch, text: string): string;
