// What replaces the panes while something is open: the analysis editor, a form, help, the
// summary, the period list and the questions (conflict, draft).
import {Chalk} from 'chalk';
import {buildSummary} from '../../domain/summary.js';
import {PERIODER, PERIOD_NAMN, TILLSTAND_NAMN, type Tillstand} from '../../domain/types.js';
import {describeValue} from '../../report/describe.js';
import {renderSummaryText} from '../../report/summary-text.js';
import {editorRader, editorText} from '../editor.js';
import {KOMMANDON, type Lage} from '../keys.js';
import type {Overlay, UiController} from '../state.js';
import {type Rad, bredd, klipp, radbryt, visible} from '../text.js';

const utanFarg = new Chalk({level: 0});

/** Cursor shown as an inverse cell: Ink hides the terminal cursor. */
function medCursor(rad: string, kol: number): Rad {
	const ch = [...rad];
	let used = 0;
	let i = 0;
	while (i < ch.length && used < kol) used += bredd(ch[i++]!);
	return [{t: ch.slice(0, i).join('')}, {t: ch[i] ?? ' ', inv: true}, {t: ch.slice(i + 1).join('')}];
}

export function editorVy(ui: UiController, lage: Extract<Overlay, {typ: 'editor'}>, w: number, h: number): Rad[] {
	const goal = ui.idx.goals.get(lage.goalId);
	const out: Rad[] = [
		[{t: klipp(`Analys ${lage.goalId} (${lage.period}): ${visible(goal?.titel ?? '')}`, w), bold: true, c: 'cyan'}],
	];
	if (lage.fraga) {
		out.push([{t: klipp('Släng ändringarna? j = släng, n/Esc = skriv vidare, Ctrl-S = spara', w), c: 'yellow', bold: true}]);
	} else out.push([{t: klipp('Enter ny rad · Ctrl-S sparar · Esc lämnar (frågar först)', w), dim: true}]);
	const textW = Math.max(1, w - 1);
	const {rader, cursorRad, cursorKol} = editorRader(lage.ed, textW);
	const synliga = h - out.length;
	const topp = Math.max(0, Math.min(cursorRad - Math.floor(synliga / 2), rader.length - synliga));
	for (let i = topp; i < Math.min(rader.length, topp + synliga); i++) {
		const rad = visible(rader[i]!);
		out.push(i === cursorRad ? medCursor(rad, Math.min(cursorKol, textW - 1)) : [{t: rad}]);
	}
	return out;
}

function tillstandNamn(key: string): string {
	return key === '' ? 'ej rapporterad' : TILLSTAND_NAMN[key as Tillstand];
}

export function formVy(ui: UiController, lage: Extract<Overlay, {typ: 'form'}>, w: number): Rad[] {
	const item = lage.entity === 'indicator' ? ui.data.indicators.find(i => i.id === lage.id) : ui.data.activities.find(a => a.id === lage.id);
	const namn = item ? ('namn' in item ? item.namn : item.text) : lage.id;
	const out: Rad[] = [[{t: klipp(`${lage.entity === 'indicator' ? 'Indikator' : 'Aktivitet'} ${lage.id} (${lage.period})`, w), bold: true, c: 'cyan'}]];
	for (const r of radbryt(namn, w).slice(0, 3)) out.push([{t: r}]);
	if (lage.entity === 'indicator' && item && 'arsmal' in item) {
		out.push([{t: klipp(`Årsmål ${item.arsmal?.raw ?? '–'} · KF:s årsmål ${item.kfArsmal?.raw ?? '–'}`, w), dim: true}]);
	}
	if (lage.entity === 'activity' && item && 'slut' in item) out.push([{t: klipp(`Slutdatum ${item.slut ?? '–'}`, w), dim: true}]);
	out.push([]);
	const etikettW = Math.max(...lage.falt.map(f => bredd(f.etikett))) + 2;
	lage.falt.forEach((f, i) => {
		const aktiv = i === lage.aktiv;
		const etikett: Rad[number] = {t: `${aktiv ? '▶' : ' '}${f.etikett.padEnd(etikettW - 1)}`, bold: aktiv};
		const faltW = Math.max(4, w - etikettW);
		const text = editorText(f.ed);
		if (f.val) {
			out.push([etikett, {t: klipp(`‹ ${tillstandNamn(text)} ›`, faltW), inv: aktiv}]);
			return;
		}
		const vis = visible(text);
		const kol = bredd(vis.slice(0, f.ed.col));
		// A long value scrolls so the cursor stays in view.
		const start = aktiv && kol >= faltW ? kol - faltW + 1 : 0;
		const synlig = [...vis].slice(start, start + faltW).join('');
		out.push([etikett, ...(aktiv ? medCursor(synlig, kol - start) : [{t: klipp(synlig, faltW), dim: synlig === ''}])]);
	});
	out.push([]);
	if (lage.fel) for (const r of radbryt(lage.fel, w)) out.push([{t: r, c: 'red', bold: true}]);
	else {
		const hjalp = lage.entity === 'indicator' ? 'Svenska tal: 8,2 % · 12 st · tomt rensar' : 'Tillstånd: ←/→ · datum ÅÅÅÅ-MM-DD';
		out.push([{t: klipp(hjalp, w), dim: true}]);
	}
	return out;
}

const LAGE_NAMN: Partial<Record<Lage, string>> = {
	tree: 'Trädet',
	lista: 'Indikatorer och aktiviteter',
	editor: 'Analysfältet',
	form: 'Formulär',
	search: 'Sök',
	konflikt: 'Konflikt med en annan ändring',
	utkast: 'Osparat utkast vid start',
};

/** Every key of the table, per mode: the same source as the handlers. */
export function hjalpRader(w: number): Rad[] {
	const out: Rad[] = [[{t: 'Tangenter (Esc tillbaka, q avslutar)', bold: true, c: 'cyan'}]];
	for (const [lage, namn] of Object.entries(LAGE_NAMN) as Array<[Lage, string]>) {
		out.push([], [{t: namn, bold: true}]);
		for (const k of KOMMANDON.filter(k => k.lagen.includes(lage))) out.push([{t: klipp(`  ${k.visas.padEnd(9)} ${k.text}`, w)}]);
	}
	return out;
}

export function summeringRader(ui: UiController, w: number): Rad[] {
	const text = renderSummaryText(buildSummary(ui.data, {period: ui.period, asOf: ui.asOf}), utanFarg, w);
	return text.split('\n').flatMap(rad => radbryt(rad, w).map(r => [{t: r}]));
}

/** A scrolled window of long content; clamps the stored offset to the content. */
export function fonster(rader: Rad[], lage: {topp: number}, h: number): Rad[] {
	lage.topp = Math.max(0, Math.min(lage.topp, rader.length - h));
	return rader.slice(lage.topp, lage.topp + h);
}

export function periodVy(ui: UiController, lage: Extract<Overlay, {typ: 'period'}>, w: number): Rad[] {
	const out: Rad[] = [[{t: 'Välj period (Enter väljer, Esc tillbaka)', bold: true, c: 'cyan'}], []];
	PERIODER.forEach((p, i) => {
		const text = `${i === lage.index ? '▶' : ' '} ${p}  ${PERIOD_NAMN[p]}${p === ui.data.period ? ' (filens period)' : ''}`;
		out.push([{t: klipp(text, w), inv: i === lage.index}]);
	});
	return out;
}

export function fragaVy(lage: Extract<Overlay, {typ: 'konflikt' | 'utkast'}>, w: number): Rad[] {
	const out: Rad[] = [];
	const text = (t: string, extra: Omit<Rad[number], 't'> = {}) => {
		for (const r of radbryt(t, w)) out.push([{t: r, ...extra}]);
	};
	if (lage.typ === 'konflikt') {
		const op = lage.ops[lage.index]!;
		const falt = op.op === 'set' ? `${op.id} ${op.field}` : op.op;
		text(`Konflikt: ${falt} ändrades av någon annan medan du arbetade.`, {c: 'yellow', bold: true});
		out.push([]);
		text(`1  Behåll deras: ${describeValue(lage.deras, 200)}`);
		out.push([]);
		text(`2  Använd ditt: ${describeValue(op.op === 'set' ? op.value : undefined, 200)}`);
		out.push([]);
		text('Välj 1 eller 2. Inget sparas förrän du valt.', {dim: true});
	} else {
		const u = lage.utkast;
		text(`Ett osparat utkast till analysen för ${u.goalId} (${u.period}) finns kvar${u.at ? ` från ${u.at.slice(0, 16).replace('T', ' ')}` : ''}:`, {c: 'yellow', bold: true});
		out.push([]);
		for (const r of radbryt(u.text, w).slice(0, 6)) out.push([{t: r, dim: true}]);
		out.push([]);
		text('Med Esc finns utkastet kvar till nästa start.', {dim: true});
	}
	return out;
}
