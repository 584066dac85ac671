// A store reached through a symlink is locked, backed up, written and renamed beside the real file,
// so writers through the link and through the real path take one lock and the link stays a link.
import {readlinkSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {errorCode} from './atomic.js';

/** The real path of the store; `file` itself when no link is involved. A dangling link gives its
 * target, so that a store created through it is created where it points. */
export function realStore(file: string): string {
	let real: string;
	try {
		real = realpathSync(file);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') return file;
		let p = path.resolve(file);
		for (let hops = 0; hops < 40; hops++) {
			let target: string;
			try {
				target = readlinkSync(p);
			} catch {
				break;
			}
			p = path.resolve(path.dirname(p), target);
		}
		try {
			real = path.join(realpathSync(path.dirname(p)), path.basename(p));
		} catch {
			real = p;
		}
	}
	return real === path.resolve(file) ? file : real;
}
