// malkoll import REPORT.txt [--out FILE] [--into FILE] [--strict]
import {readFile} from 'node:fs/promises';
import {MalkollError} from '../errors.js';
import {readDocument} from '../import/document.js';
import {importReport} from '../import/index.js';
import {planMerge} from '../import/merge.js';
import {applyChanges, serializeStore, writeStore} from '../store/index.js';

export async function importCommand(o: {
	file: string;
	out?: string;
	into?: string;
	strict?: boolean;
	author?: string;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
}): Promise<number> {
	if (o.out && o.into) throw new MalkollError('ange antingen --out eller --into, inte båda');
	let bytes: Buffer;
	try {
		bytes = await readFile(o.file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new MalkollError(`${o.file}: ${code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'är en katalog' : 'kan inte läsas'}`);
	}
	const text = await readDocument(o.file, bytes);
	const {data, warnings} = importReport(text, o.file);
	for (const w of warnings) o.stderr.write(`${o.file}:${w.line}: ${w.message}\n`);
	if (o.strict && warnings.length > 0) {
		o.stderr.write(`malkoll: ${warnings.length} varningar; inget skrevs (--strict)\n`);
		return 1;
	}
	if (o.into) {
		// Planned from the store as read under the lock, so that no change made meanwhile is missed.
		const notes: string[] = [];
		const {changes} = await applyChanges(
			o.into,
			current => {
				const plan = planMerge(current, data);
				notes.push(...plan.notes);
				return plan.ops;
			},
			{author: o.author ?? 'import'},
		);
		for (const n of notes) o.stderr.write(`${o.file}: ${n}\n`);
		o.stderr.write(`${o.into}: ${changes.length} ändringar från ${data.kalla?.rapport ?? data.period} ${data.year}\n`);
		return 0;
	}
	if (o.out) {
		await writeStore(o.out, data);
		o.stderr.write(`${o.out}: ${data.goals.length} mål, ${data.indicators.length} indikatorer, ${data.activities.length} aktiviteter\n`);
		return 0;
	}
	o.stdout.write(serializeStore(data));
	return 0;
}
