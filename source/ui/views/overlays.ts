// What replaces the panes while something is open: the analysis editor, a form, help, the
// summary, the period list and the questions (conflict, draft).
import {Chalk} from 'chalk';
import {buildSummary} from '../../domain/summary.js';
import {type Entity, findEntity} from '../../domain/ops.js';
import {harUppfoljning} from '../../domain/plan.js';
import {PERIODER, PERIOD_NAMN} from '../../domain/types.js';
import {describeValue} from '../../report/describe.js';
import {renderSummaryText} from '../../report/summary-text.js';
import {editorRader, editorText} from '../editor.js';
import {KOMMANDON, type Lage} from '../keys.js';
import {NY_NAMN, typNamn} from '../plan.js';
import type {FormLage, Overlay, UiController} from '../state.js';
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

const RUBRIK: Record<Entity, string> = {goal: 'Mål', indicator: 'Indikator', activity: 'Aktivitet'};

/** Rows a multi-line field shows: a window around the cursor when active, the start otherwise. */
const FLERRAD_AKTIV = 6;
const FLERRAD_VILAR = 2;

function formRubrik(ui: UiController, lage: FormLage, w: number): Rad[] {
	const item = findEntity(ui.data, lage.entity, lage.id);
	const namn = item ? ('titel' in item ? item.titel : 'namn' in item ? item.namn : item.text) : '';
	if (lage.slag === 'ny') {
		const parent = ui.idx.goals.get(lage.id);
		return [
			[{t: klipp(`${lage.entity === 'goal' ? 'Nytt' : 'Ny'} ${typNamn(lage.entity, parent).toLowerCase()} under ${lage.id}`, w), bold: true, c: 'cyan'}],
			[{t: klipp(visible(parent?.titel ?? ''), w), dim: true}],
		];
	}
	const out: Rad[] = [[{t: klipp(`${lage.slag === 'andra' ? 'Ändra ' : ''}${RUBRIK[lage.entity]} ${lage.id}${lage.slag === 'uppfoljning' ? ` (${lage.period})` : ''}`, w), bold: true, c: 'cyan'}]];
	if (lage.slag === 'andra') return out;
	for (const r of radbryt(namn, w).slice(0, 3)) out.push([{t: r}]);
	if (item && 'riktning' in item) out.push([{t: klipp(`Årsmål ${item.arsmal?.raw ?? '–'} · KF:s årsmål ${item.kfArsmal?.raw ?? '–'}`, w), dim: true}]);
	if (item && 'malId' in item && !('riktning' in item)) out.push([{t: klipp(`Slutdatum ${item.slut ?? '–'}`, w), dim: true}]);
	return out;
}

export function formVy(ui: UiController, lage: FormLage, w: number): Rad[] {
	const out: Rad[] = [...formRubrik(ui, lage, w), []];
	const etikettW = Math.max(...lage.falt.filter(f => !f.flerrad).map(f => bredd(f.etikett)), 0) + 2;
	lage.falt.forEach((f, i) => {
		const aktiv = i === lage.aktiv;
		const etikett: Rad[number] = {t: `${aktiv ? '▶' : ' '}${f.etikett.padEnd(etikettW - 1)}`, bold: aktiv};
		const faltW = Math.max(4, w - etikettW);
		const text = editorText(f.ed);
		if (f.val) {
			out.push([etikett, {t: klipp(`‹ ${f.valNamn?.[text] ?? text} ›`, faltW), inv: aktiv}]);
			return;
		}
		if (f.flerrad) {
			// The label on its own row, the text below it across the pane.
			out.push([{t: klipp(`${aktiv ? '▶' : ' '}${f.etikett}`, w), bold: aktiv}]);
			const textW = Math.max(4, w - 3);
			const {rader, cursorRad, cursorKol} = editorRader(f.ed, textW);
			const h = aktiv ? FLERRAD_AKTIV : FLERRAD_VILAR;
			const topp = aktiv ? Math.max(0, Math.min(cursorRad - h + 1, rader.length - h)) : 0;
			for (let r = topp; r < Math.min(rader.length, topp + h); r++) {
				const rad = visible(rader[r]!);
				const sista = !aktiv && r === topp + h - 1 && rader.length > topp + h;
				out.push(aktiv && r === cursorRad ? [{t: '  '}, ...medCursor(rad, Math.min(cursorKol, textW - 1))] : [{t: `  ${sista ? klipp(`${rad}…`, textW) : rad}`, dim: !aktiv}]);
			}
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
		const hjalp =
			lage.slag !== 'uppfoljning'
				? `${lage.falt.some(f => f.val) ? 'Val: ←/→ · ' : ''}${lage.entity === 'activity' ? 'datum ÅÅÅÅ-MM-DD · ' : ''}C-s sparar`
				: lage.entity === 'indicator'
					? 'Svenska tal: 8,2 % · 12 st · tomt rensar'
					: 'Tillstånd: ←/→ · datum ÅÅÅÅ-MM-DD';
		out.push([{t: klipp(hjalp, w), dim: true}]);
	}
	return out;
}

const LAGE_NAMN: Partial<Record<Lage, string>> = {
	tree: 'Trädet',
	lista: 'Indikatorer och aktiviteter',
	editor: 'Analysfältet',
	form: 'Formulär',
	formText: 'Formulär, fält med flera rader',
	fraga: 'Frågor (j/n)',
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
		const inl = ui.data.inlamnad?.[p];
		const tillstand = inl ? `inlämnad ${inl.at.slice(0, 10)}` : harUppfoljning(ui.data, p) ? 'påbörjad' : 'ej påbörjad';
		const text = `${i === lage.index ? '▶' : ' '} ${p}  ${PERIOD_NAMN[p]} · ${tillstand}${p === ui.data.period ? ' (filens)' : ''}`;
		out.push([{t: klipp(text, w), inv: i === lage.index}]);
	});
	return out;
}

export function fragaVy(lage: Extract<Overlay, {typ: 'konflikt' | 'utkast' | 'fraga'}>, w: number): Rad[] {
	const out: Rad[] = [];
	const text = (t: string, extra: Omit<Rad[number], 't'> = {}) => {
		for (const r of radbryt(t, w)) out.push([{t: r, ...extra}]);
	};
	if (lage.typ === 'fraga') {
		text(lage.text, {c: 'yellow', bold: true});
		out.push([]);
		text(lage.nej ? 'j = ja, n = nej, Esc = avbryt' : 'j = ja, n/Esc = nej', {dim: true});
	} else if (lage.typ === 'konflikt') {
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
		const vad = u.form ? `formuläret ${u.form.slag === 'ny' ? `${NY_NAMN[u.form.entity].toLowerCase()} under` : 'för'} ${u.form.id}` : `analysen för ${u.goalId}`;
		text(`Ett osparat utkast till ${vad} (${u.period}) finns kvar${u.at ? ` från ${u.at.slice(0, 16).replace('T', ' ')}` : ''}:`, {c: 'yellow', bold: true});
		out.push([]);
		for (const r of radbryt(u.text, w).slice(0, 6)) out.push([{t: r, dim: true}]);
		out.push([]);
		text('Med Esc finns utkastet kvar till nästa start.', {dim: true});
	}
	return out;
}
