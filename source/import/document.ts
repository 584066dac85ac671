// A report file's bytes → its text in the seed layout (one line per line, table cells separated by tabs).
// The kind of file is told by its content, never by its name.
import {MalkollError} from '../errors.js';

/** `file` names the file in messages. */
export async function readDocument(file: string, bytes: Buffer): Promise<string> {
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		throw new MalkollError(`${file}: filen är inte UTF-8-text; spara rapporten som text (UTF-8) och försök igen`);
	}
}
