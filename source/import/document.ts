// A report file's bytes → its text in the seed layout; the kind of file is told by its content, never by its name.
import {MalkollError} from '../errors.js';
import {MAX_INPUT, readInput} from '../input.js';

const CP1252 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

const SAVE = 'spara rapporten som Word (.docx), PDF eller text och försök igen';

export async function readBytes(file: string): Promise<Buffer> {
	try {
		return readInput(file, MAX_INPUT);
	} catch (error) {
		if (error instanceof MalkollError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new MalkollError(`${file}: ${code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'är en mapp, inte en fil' : 'kan inte läsas'}`);
	}
}

/** A report's text from its bytes: Word, PDF or text, told by the content; `file` names the file in messages. */
export async function readDocument(file: string, bytes: Buffer): Promise<string> {
	const fail = (why: string) => new MalkollError(`${file}: ${why}`);
	const head = bytes.subarray(0, 8);
	if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
		if (!bytes.includes('word/document.xml')) throw fail(`filen är en zip-fil men inget Word-dokument; ${SAVE}`);
		return (await import('./docx.js')).readDocx(file, bytes);
	}
	if (bytes.subarray(0, 1024).includes('%PDF-')) return (await import('./pdf.js')).readPdf(file, bytes);
	if (head.equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) throw fail('filen är ett äldre Word-dokument (.doc); öppna den i Word och spara som .docx eller PDF');
	// UTF-16 text, which has NUL bytes, starts with its byte-order mark.
	const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
	if (!utf16 && bytes.subarray(0, 65536).includes(0)) throw fail(`filen är varken text, Word eller PDF; ${SAVE}`);
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
			// Not UTF-8: Windows-1252, whose 0x80–0x9F Node 20's TextDecoder('windows-1252') leaves as control characters.
			text = Buffer.from(bytes).toString('latin1').replace(/[\x80-\x9f]/g, c => CP1252[c.charCodeAt(0) - 0x80]!);
		}
	}
	if (text.includes('\u0000')) throw new MalkollError(`${file}: filen är inte text (binära tecken); spara rapporten som text och försök igen`);
	return text;
}
