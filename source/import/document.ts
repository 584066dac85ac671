// A report file's bytes → its text in the seed layout (one line per line, table cells separated by tabs).
// The kind of file is told by its content, never by its name.
import {MalkollError} from '../errors.js';

/** `file` names the file in messages. */
export async function readDocument(file: string, bytes: Buffer): Promise<string> {
	return decodeText(file, bytes);
}

/** Text as Word and Notepad save it: UTF-8 with or without BOM, UTF-16 with a BOM, else Windows-1252. */
export function decodeText(file: string, bytes: Uint8Array): string {
	const bom = (a: number, b: number) => bytes[0] === a && bytes[1] === b;
	let text: string;
	if (bom(0xff, 0xfe)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
	else if (bom(0xfe, 0xff)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
	else {
		try {
			// TextDecoder drops a UTF-8 BOM itself.
			text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
		} catch {
			// Not UTF-8: the one-byte code page Swedish Windows saves text in (å = E5, ä = E4, ö = F6).
			text = new TextDecoder('windows-1252').decode(bytes);
		}
	}
	if (text.includes('\u0000')) throw new MalkollError(`${file}: filen är inte text (binära tecken); spara rapporten som text och försök igen`);
	return text;
}
