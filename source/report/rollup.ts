// The nämnd view over many unit stores of one year (a förvaltning keeps one store per unit): a row
// per unit, a nämndmål × unit matrix of enhetsmål statuses, then the combined lists.
import path from 'node:path';
import type {ChalkInstance} from 'chalk';
import {buildSummary, type Summary} from '../domain/summary.js';
import {visaTal} from '../domain/tal.js';
import {type Period, PERIOD_NAMN, type Status, type StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {statusBar} from './brief.js';
import {STATUS_BOKSTAV, compareIds, cut, fit, pad} from './layout.js';
import {mdCell, mdTable} from './summary-markdown.js';
import {visibleLine} from './visible.js';

type Raknare = Summary['goalsByStatus'];
type Enhetens<T> = T & {enhet: string; fil: string};

export interface RollupUnit {
	fil: string;
	namn: string;
	namnd?: string;
	period: Period;
	asOf: string;
	goalsByStatus: Raknare;
	unmetIndicators: number;
	overdueActivities: number;
	unreportedActivities: number;
	warnings: number;
	/** Klart för inlämning: every checklist item met. */
	klar: boolean;
}

export interface Rollup {
	year: number;
	namnder: string[];
	units: RollupUnit[];
	goalsByStatus: Raknare;
	/** Every nämndmål that has an enhetsmål in some unit, in id order. */
	namndmal: Array<{id: string; titel: string}>;
	/** Per unit, in the order of `units`: nämndmål id → its enhetsmål with their status. */
	matrix: Array<Record<string, Array<{id: string; status?: Status}>>>;
	unmetIndicators: Array<Enhetens<Summary['unmetIndicators'][number]>>;
	missingOutcomes: Array<Enhetens<Summary['missingOutcomes'][number]>>;
	overdueActivities: Array<Enhetens<Summary['overdueActivities'][number]>>;
	dueSoonActivities: Array<Enhetens<Summary['dueSoonActivities'][number]>>;
	unreportedActivities: Array<Enhetens<Summary['unreportedActivities'][number]>>;
	warnings: Array<Enhetens<Summary['warnings'][number]>>;
	goalTitles: Summary['goalTitles'];
}

/** The lists of each unit's summary the roll-up joins, each item tagged with its unit. */
const LISTOR = ['unmetIndicators', 'missingOutcomes', 'overdueActivities', 'dueSoonActivities', 'unreportedActivities', 'warnings'] as const;

const TOM: Raknare = {helt: 0, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 0};

/** What the roll-up keeps of one unit store: its summary and its column of the matrix. */
export interface RollupPart {
	fil: string;
	year: number;
	namn: string;
	namnd?: string;
	s: Summary;
	rad: Rollup['matrix'][number];
	namndmal: Array<[string, string]>;
}

/** `period`, `asOf` apply to every store (by default each store's own period and its end). */
export function rollupPart(fil: string, data: StoreData, opts: {period?: Period; asOf?: string}): RollupPart {
	const s = buildSummary(data, opts);
	const parents = new Map(data.goals.map(g => [g.id, g]));
	const rad: RollupPart['rad'] = {};
	const namndmal: RollupPart['namndmal'] = [];
	const fu = data.followUp[s.period];
	for (const g of data.goals) {
		const parent = g.niva === 'enhetsmal' && g.parentId ? parents.get(g.parentId) : undefined;
		if (parent?.niva !== 'namndmal') continue;
		namndmal.push([parent.id, parent.titel]);
		(rad[parent.id] ??= []).push({id: g.id, ...(fu?.goals[g.id]?.status ? {status: fu.goals[g.id]!.status} : {})});
	}
	const {namn, namnd} = data.organisation;
	return {fil, year: data.year, namn, ...(namnd ? {namnd} : {}), s, rad, namndmal};
}

/** Folds unit stores into the roll-up one at a time, in file order, so that only their summaries stay in memory. */
/** A number as typed, the Swedish way ("7,9 %"). */
const tal = (raw: string | undefined) => (raw?.trim() ? visaTal(raw) : '–');

export class RollupBuilder {
	private r: Rollup | undefined;
	private forsta = '';
	private readonly namndmal = new Map<string, string>();
	private readonly antalNamn = new Map<string, number>();

	add({fil, year, namn, namnd, s, rad, namndmal}: RollupPart): void {
		this.forsta ||= fil;
		const r = (this.r ??= {...TOM_ROLLUP(), year});
		if (year !== r.year) throw new MalkollError(`${fil}: gäller ${year}, men ${this.forsta} gäller ${r.year}; sammanställ stores från ett år i taget`);
		this.antalNamn.set(namn, (this.antalNamn.get(namn) ?? 0) + 1);
		if (namnd && !r.namnder.includes(namnd)) r.namnder.push(namnd);
		r.units.push({
			fil,
			namn,
			...(namnd ? {namnd} : {}),
			period: s.period,
			asOf: s.asOf,
			goalsByStatus: s.goalsByStatus,
			unmetIndicators: s.unmetIndicators.length,
			overdueActivities: s.overdueActivities.length,
			unreportedActivities: s.unreportedActivities.length,
			warnings: s.warnings.length,
			klar: s.checklist.klar,
		});
		for (const k of Object.keys(TOM) as Array<keyof Raknare>) r.goalsByStatus[k] += s.goalsByStatus[k];
		// Object.assign, not a spread: over six kinds of item a spread took 190 ms of a 2,000-store roll-up, this 15 ms.
		for (const k of LISTOR) for (const x of s[k]) (r[k] as unknown[]).push(Object.assign({enhet: namn, fil}, x));
		for (const [id, t] of Object.entries(s.goalTitles)) r.goalTitles[id] ??= t;
		for (const [id, titel] of namndmal) if (!this.namndmal.has(id)) this.namndmal.set(id, titel);
		r.matrix.push(rad);
	}

	finish(): Rollup {
		const r = this.r;
		if (!r) throw new MalkollError('summary: inga stores att sammanställa');
		// Two stores of one name (copies, a unit split in two) are told apart by their file.
		const skiljd = (x: {fil: string}, namn: string) => (this.antalNamn.get(namn)! > 1 ? `${namn} (${path.basename(x.fil)})` : namn);
		for (const u of r.units) u.namn = skiljd(u, u.namn);
		for (const k of LISTOR) for (const x of r[k]) x.enhet = skiljd(x, x.enhet);
		r.namndmal = [...this.namndmal].map(([id, titel]) => ({id, titel})).sort((a, b) => compareIds(a.id, b.id));
		r.overdueActivities.sort((x, y) => y.dagarSen - x.dagarSen);
		r.dueSoonActivities.sort((x, y) => x.dagarKvar - y.dagarKvar);
		return r;
	}
}

const TOM_ROLLUP = (): Omit<Rollup, 'year'> => ({
	namnder: [],
	units: [],
	goalsByStatus: {...TOM},
	namndmal: [],
	matrix: [],
	unmetIndicators: [],
	missingOutcomes: [],
	overdueActivities: [],
	dueSoonActivities: [],
	unreportedActivities: [],
	warnings: [],
	goalTitles: {},
});

function cellBokstaver(mal: Array<{status?: Status}> | undefined): string {
	return mal?.map(m => STATUS_BOKSTAV[m.status ?? 'ej']).join('') ?? '';
}

function periodRad(r: Rollup): string {
	const perioder = new Map<string, number>();
	for (const u of r.units) perioder.set(`${u.period} per ${u.asOf}`, (perioder.get(`${u.period} per ${u.asOf}`) ?? 0) + 1);
	if (perioder.size === 1) {
		const u = r.units[0]!;
		return `${PERIOD_NAMN[u.period]} (${u.period}), per ${u.asOf}`;
	}
	return `Perioder: ${[...perioder].map(([p, n]) => `${p} (${n})`).join(', ')}`;
}

function rubrik(r: Rollup): string {
	const vem = r.namnder.length === 1 ? r.namnder[0] : r.namnder.length > 1 ? `${r.namnder.length} nämnder` : 'Sammanställning';
	return `${vem} ${r.year}: ${r.units.length} ${r.units.length === 1 ? 'enhet' : 'enheter'}`;
}

export function renderRollupLines(r: Rollup, o: {width: number; color: ChalkInstance}): string[] {
	const c = o.color;
	const w = Math.max(40, o.width);
	const out: string[] = [];
	const head = (text: string) => out.push('', c.bold(text));
	const namnW = Math.max(12, Math.min(30, w - 58));
	const enhet = (namn: string) => pad(cut(namn, namnW), namnW);
	/** Lines of all units under a line per goal, each line naming the unit and the id. */
	function perMal<T extends {goalId: string; enhet: string; id?: string}>(items: T[], rad: (x: T) => string): void {
		const grupper = new Map<string, T[]>();
		for (const x of items) grupper.set(x.goalId, [...(grupper.get(x.goalId) ?? []), x]);
		for (const goalId of [...grupper.keys()].sort(compareIds)) {
			const g = r.goalTitles[goalId];
			out.push(`  ${c.bold(goalId)} ${c.dim(cut(g?.titel ?? '', w - goalId.length - 3))}`);
			for (const x of grupper.get(goalId)!) out.push(`    ${enhet(x.enhet)} ${rad(x)}`);
		}
	}

	out.push(c.bold(cut(rubrik(r), w)), cut(periodRad(r), w));
	const total = Object.values(r.goalsByStatus).reduce((a, b) => a + b, 0);
	head(`Bedömda mål, alla enheter (${total})`);
	out.push(`  ${statusBar(r.goalsByStatus, Math.min(60, w - 4), c)}`);
	const g = r.goalsByStatus;
	out.push(`  ${c.green(`helt ${g.helt}`)}  ${c.yellow(`delvis ${g.delvis}`)}  ${c.red(`inte ${g.inte}`)}  ${c.gray(`inga data ${g.ingaData}`)}  ${c.dim(`ej bedömd ${g.ejBedomd}`)}`);

	head('Enheter');
	const kol = ['Helt', 'Delv', 'Inte', 'Data', 'Ej', 'Ind', 'Sena', 'Ejrap'];
	out.push(c.dim(`  ${pad('Enhet', namnW)} ${kol.map(k => pad(k, 6, true)).join('')}  Klart`));
	for (const u of r.units) {
		const s = u.goalsByStatus;
		const tal = [s.helt, s.delvis, s.inte, s.ingaData, s.ejBedomd, u.unmetIndicators, u.overdueActivities, u.unreportedActivities];
		out.push(`  ${enhet(u.namn)} ${tal.map(n => pad(String(n), 6, true)).join('')}  ${u.klar ? c.green('ja') : c.red('nej')}`);
	}
	out.push(c.dim(cut('  Ind: indikatorer som inte nås · Sena: försenade · Ejrap: utan tillstånd', w)));

	if (r.namndmal.length > 0) {
		head('Enhetsmål per nämndmål');
		out.push(c.dim(cut('  H helt, D delvis, I inte, – inga data, ? ej bedömd', w)));
		const bredd = r.namndmal.map((n, i) => Math.max(n.id.length, ...r.matrix.map(m => cellBokstaver(m[r.namndmal[i]!.id]).length)) + 1);
		// Columns that do not fit beside the unit names go in a further block below.
		let start = 0;
		while (start < r.namndmal.length) {
			let slut = start;
			let used = namnW + 3;
			while (slut < r.namndmal.length && (slut === start || used + bredd[slut]! <= w)) used += bredd[slut++]!;
			const cols = r.namndmal.slice(start, slut);
			out.push(c.dim(`  ${pad('', namnW)} ${cols.map((n, i) => pad(n.id, bredd[start + i]!)).join('')}`.trimEnd()));
			r.units.forEach((u, k) => {
				const celler = cols.map((n, i) => pad(farga(c, r.matrix[k]![n.id]), bredd[start + i]!));
				out.push(`  ${enhet(u.namn)} ${celler.join('')}`.trimEnd());
			});
			start = slut;
			if (start < r.namndmal.length) out.push('');
		}
		out.push('');
		for (const n of r.namndmal) out.push(`  ${c.bold(n.id.padEnd(8))} ${c.dim(cut(n.titel, w - 12))}`);
	}

	head(`Indikatorer som inte nås (${r.unmetIndicators.length})`);
	if (r.unmetIndicators.length === 0) out.push(c.dim('  inga'));
	perMal(r.unmetIndicators, i => {
		const mark = i.verdict === 'ej-uppfyllt' ? c.red('✗') : c.yellow('◐');
		const varde = i.basis === 'prognos' ? `prognos ${tal(i.prognos)}` : tal(i.utfall);
		return `${i.id.padEnd(8)} ${mark} ${visibleLine(`${varde} mot ${tal(i.mal)}`)}`;
	});
	head(`Försenade aktiviteter (${r.overdueActivities.length})`);
	if (r.overdueActivities.length === 0) out.push(c.dim('  inga'));
	perMal(r.overdueActivities, a => `${a.id.padEnd(10)} ${c.red(`${a.dagarSen} d sen`)}  slut ${a.slut}`);
	const snart = r.dueSoonActivities.filter(a => a.tillstand);
	if (snart.length > 0) {
		head(`Snart slutdatum (${snart.length})`);
		perMal(snart, a => `${a.id.padEnd(10)} ${c.yellow(a.dagarKvar === 0 ? 'i dag' : `om ${a.dagarKvar} d`)}  slut ${a.slut}`);
	}
	if (r.unreportedActivities.length > 0) {
		head(`Aktiviteter utan rapporterat tillstånd (${r.unreportedActivities.length})`);
		perMal(r.unreportedActivities, a => `${a.id.padEnd(10)} slut ${a.slut ?? '–'}`);
	}
	if (r.missingOutcomes.length > 0) {
		head(`Indikatorer utan utfall eller mål (${r.missingOutcomes.length})`);
		perMal(r.missingOutcomes, i => `${i.id.padEnd(8)} ${i.verdict === 'saknar-mal' ? 'saknar mål' : 'saknar utfall'}`);
	}
	if (r.warnings.length > 0) {
		head(`Varningar (${r.warnings.length})`);
		perMal(r.warnings, v => `${v.besvarad ? c.green('✓') : c.yellow('!')} ${cut(v.text, w - namnW - 7)}`);
	}
	return out.map(l => fit(l, w));
}

function farga(c: ChalkInstance, mal: Array<{status?: Status}> | undefined): string {
	return (mal ?? [])
		.map(m => {
			const b = STATUS_BOKSTAV[m.status ?? 'ej'];
			return m.status === 'helt' ? c.green(b) : m.status === 'delvis' ? c.yellow(b) : m.status === 'inte' ? c.red(b) : c.gray(b);
		})
		.join('');
}

export function renderRollupMarkdown(r: Rollup): string {
	const out: string[] = [`# ${mdCell(rubrik(r))}`, '', `${mdCell(periodRad(r))}.`, ''];
	const section = (titel: string, rader: string[]) => out.push(`## ${titel}`, '', ...rader, '');
	section(
		'Enheter',
		mdTable(
			['Enhet', 'Helt', 'Delvis', 'Inte', 'Inga data', 'Ej bedömd', 'Indikatorer som inte nås', 'Försenade', 'Utan tillstånd', 'Klart'],
			r.units.map(u => {
				const s = u.goalsByStatus;
				return [u.namn, s.helt, s.delvis, s.inte, s.ingaData, s.ejBedomd, u.unmetIndicators, u.overdueActivities, u.unreportedActivities, u.klar ? 'ja' : 'nej'];
			}),
		),
	);
	if (r.namndmal.length > 0) {
		section('Enhetsmål per nämndmål', [
			'H helt, D delvis, I inte, – inga data, ? ej bedömd.',
			'',
			...mdTable(['Enhet', ...r.namndmal.map(n => mdCell(n.id))], r.units.map((u, k) => [u.namn, ...r.namndmal.map(n => cellBokstaver(r.matrix[k]![n.id]))])),
			'',
			...mdTable(['Nämndmål', 'Titel'], r.namndmal.map(n => [n.id, n.titel])),
		]);
	}
	const lista = <T>(titel: string, items: T[], head: string[], rad: (x: T) => Array<string | number | undefined>) => {
		if (items.length > 0) section(`${titel} (${items.length})`, mdTable(head, items.map(rad)));
	};
	lista('Indikatorer som inte nås', r.unmetIndicators, ['Enhet', 'Id', 'Indikator', 'Utfall', 'Prognos', 'Mål', 'Bedömning'], i => [
		i.enhet,
		i.id,
		i.namn,
		tal(i.utfall),
		tal(i.prognos),
		tal(i.mal),
		i.verdict === 'delvis' ? 'Delvis uppfyllt' : 'Ej uppfyllt',
	]);
	lista('Försenade aktiviteter', r.overdueActivities, ['Enhet', 'Id', 'Aktivitet', 'Slutdatum', 'Dagar sen'], a => [a.enhet, a.id, a.text, a.slut, a.dagarSen]);
	lista('Snart slutdatum', r.dueSoonActivities.filter(a => a.tillstand), ['Enhet', 'Id', 'Aktivitet', 'Slutdatum', 'Dagar kvar'], a => [a.enhet, a.id, a.text, a.slut, a.dagarKvar]);
	lista('Aktiviteter utan rapporterat tillstånd', r.unreportedActivities, ['Enhet', 'Id', 'Aktivitet', 'Slutdatum'], a => [a.enhet, a.id, a.text, a.slut]);
	lista('Indikatorer utan utfall eller mål', r.missingOutcomes, ['Enhet', 'Id', 'Indikator', 'Saknas'], i => [i.enhet, i.id, i.namn, i.verdict === 'saknar-mal' ? 'mål' : 'utfall']);
	lista('Varningar', r.warnings, ['Enhet', 'Mål', 'Varning', 'Besvarad'], v => [v.enhet, v.goalId, v.text, v.besvarad ? 'ja' : 'nej']);
	return `${out.join('\n').trimEnd()}\n`;
}
