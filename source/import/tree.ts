// The goal tree read from a report, as the builder collects it, and how it becomes a store.
import path from 'node:path';
import {arGiltigtDatum} from '../domain/datum.js';
import {parseVarde} from '../domain/tal.js';
import {
	type Activity,
	type ActivityFollowUp,
	type ForvantatResultat,
	type Goal,
	type Indicator,
	type IndicatorFollowUp,
	type Niva,
	type Period,
	type Riktning,
	type Status,
	type StoreData,
	type Varde,
	SCHEMA_VERSION,
} from '../domain/types.js';

export const LEVELS = ['im', 'vo', 'namndmal', 'enhetsmal', 'indikator', 'aktivitet', 'ovrigt'] as const;
export type Level = (typeof LEVELS)[number];

/** Something the report holds that did not get into the store: a goal, a row or a piece of text. */
export interface Warning {
	line: number;
	level: Level;
	message: string;
}

/** Per level: what the reader recognised and what got into the store. */
export type Accounting = Record<Level, {found: number; placed: number}>;
export interface RawIndicator {
	line: number;
	namn: string;
	cells: Record<string, string>;
	analys: string[];
	kommentar: string[];
}
export interface RawActivity {
	line: number;
	text: string;
	/** Startdatum, slutdatum and avvikelse by their column keys. */
	cells: Record<string, string>;
	analys: string[];
}
export interface RawGoal {
	line: number;
	niva: Niva;
	num?: string;
	titel: string;
	parent?: RawGoal;
	children: RawGoal[];
	status?: Status;
	beskrivning: string[];
	fr: string[];
	analys: string[];
	indicators: RawIndicator[];
	activities: RawActivity[];
	id?: string;
	bidrarTill?: string[];
}

export type Warn = (line: number, message: string, level?: Level) => void;

/** Normalises text for matching: lower case, dashes and quotes unified, punctuation dropped. */
export function norm(s: string): string {
	return s
		.toLowerCase()
		.replace(/[–—‑]/g, '-')
		.replace(/[”“"'’]/g, '')
		.replace(/[^a-zåäöé0-9\- ]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function tokens(s: string): string[] {
	return norm(s)
		.split(' ')
		.filter(w => w.length > 2);
}

/** Share of `a`'s words found in `b` (prefix-tolerant for inflections such as giva/givna). */
export function likhet(a: string, b: string): number {
	const ta = tokens(a);
	const tb = tokens(b);
	if (ta.length === 0) return 0;
	let hit = 0;
	for (const w of ta) if (tb.some(x => x === w || (w.length > 4 && x.length > 4 && x.slice(0, 4) === w.slice(0, 4)))) hit++;
	return hit / ta.length;
}

/** Direction from the indicator's name (domain.md §4.2); the reports never state it. */
export function riktningAv(namn: string): Riktning {
	const n = norm(namn);
	if (n.startsWith('sjukfrånvaro')) return 'lagre';
	if (n.includes('budgetföljsamhet')) return 'max';
	if (n.includes('prognossäkerhet')) return 'band';
	return 'hogre';
}

/** HTML list markup in an analysis becomes one "• " line per item. */
export function rensaAnalys(text: string): string {
	if (!/<\/?(ul|li|ol)\b/i.test(text)) return text.trim();
	const items = text.replace(/<\/?(?:ul|ol|li|p|br)\b[^>]*>/gi, ' ').split('•').map(p => p.replace(/\s+/g, ' ').trim());
	return items.flatMap((p, i) => (p === '' ? [] : i === 0 ? [p] : [`• ${p}`])).join('\n');
}

/** Dotted ids: from the heading, else (nämndmål) from the VO analysis's subheadings ("3.4.1 …"), else by order. */
export function assignIds(goals: RawGoal[], warn: Warn): void {
	const used = new Set<string>();
	const take = (g: RawGoal, id: string) => {
		if (used.has(id)) {
			warn(g.line, `id ${id} förekommer två gånger; målet "${g.titel.slice(0, 50)}" hoppas över`, g.niva);
			return;
		}
		used.add(id);
		g.id = id;
	};
	goals.filter(g => g.niva === 'im').forEach((im, k) => take(im, im.num?.split('.')[0] ?? String(k + 1)));
	for (const im of goals.filter(g => g.niva === 'im' && g.id)) {
		im.children.forEach((vo, j) => {
			if (vo.num && !vo.num.startsWith(im.id + '.')) warn(vo.line, `mål ${vo.num} står under inriktningsmål ${im.id}`);
			take(vo, vo.num ?? `${im.id}.${j + 1}`);
		});
	}
	for (const vo of goals.filter(g => g.niva === 'vo' && g.id)) {
		// The numbered subheadings of the VO's analysis ("3.4.1 …").
		const sub = vo.analys.flatMap(p => {
			const m = /^(\d+\.\d+\.\d+)\.?\s+(\S.*)$/.exec(p);
			return m && m[1]!.startsWith(vo.id + '.') && p.length < 400 ? [{num: m[1]!, titel: m[2]!}] : [];
		});
		const fria = new Set(sub.map(s => s.num));
		const nms = vo.children;
		for (const nm of nms) if (nm.num) fria.delete(nm.num);
		const ordnade = new Map<RawGoal, string>();
		for (const nm of nms) {
			if (nm.num) continue;
			let best: {num: string; score: number} | undefined;
			for (const s of sub) {
				if (!fria.has(s.num)) continue;
				const score = likhet(nm.titel, s.titel);
				if (score >= 0.6 && (!best || score > best.score)) best = {num: s.num, score};
			}
			if (best) {
				fria.delete(best.num);
				ordnade.set(nm, best.num);
			}
		}
		const reserved = new Set(ordnade.values());
		for (const nm of nms) {
			let n = 1;
			while (used.has(`${vo.id}.${n}`) || reserved.has(`${vo.id}.${n}`)) n++;
			take(nm, nm.num ?? ordnade.get(nm) ?? `${vo.id}.${n}`);
		}
	}
	for (const nm of goals.filter(g => g.niva === 'namndmal' && g.id)) nm.children.forEach((em, j) => take(em, `${nm.id}.${j + 1}`));
}

/** Förväntat resultat: numbered, bulleted or plain; unmarked paragraphs continue a marked item. */
export function parseForvantat(paras: string[]): ForvantatResultat[] {
	const items: ForvantatResultat[] = [];
	const marked = paras.some(p => /^(\d+[.)]\s|[-•\uF0B7–]\s?)/.test(p));
	for (const p of paras) {
		const num = /^(\d+)[.)]\s+(.*)$/.exec(p);
		const bullet = /^[-•\uF0B7–]\s*(.*)$/.exec(p);
		if (num) items.push({nr: Number(num[1]), text: num[2]!.trim()});
		else if (bullet) items.push({nr: items.length + 1, text: bullet[1]!.trim()});
		else if (marked && items.length > 0) items[items.length - 1]!.text += '\n\n' + p;
		else items.push({nr: items.length + 1, text: p});
	}
	return items;
}

export function toStore(
	raw: RawGoal[],
	meta: {period: Period; year: number; enhet: boolean; namn: string; namnd?: string; dnr?: string; datum?: string; fil: string},
	warn: Warn,
): StoreData {
	const goals: Goal[] = [];
	const indicators: Indicator[] = [];
	const activities: Activity[] = [];
	const fuGoals: Record<string, {status?: Status; analys?: string}> = {};
	const fuInd: Record<string, IndicatorFollowUp> = {};
	const fuAkt: Record<string, ActivityFollowUp> = {};
	for (const g of raw) {
		if (!g.id) {
			for (const r of [...g.indicators, ...g.activities]) {
				warn(r.line, `${'namn' in r ? 'indikatorn' : 'aktiviteten'} hör till målet på rad ${g.line}, som inte fick plats`, 'namn' in r ? 'indikator' : 'aktivitet');
			}
			continue;
		}
		const goal: Goal = {id: g.id, niva: g.niva, titel: g.titel, forvantatResultat: parseForvantat(g.fr)};
		if (g.parent?.id) goal.parentId = g.parent.id;
		if (g.beskrivning.length > 0) goal.beskrivning = g.beskrivning.join('\n\n');
		if (g.bidrarTill) goal.bidrarTill = g.bidrarTill;
		goals.push(goal);
		const fu: {status?: Status; analys?: string} = {};
		if (g.status && meta.period !== 'VP') fu.status = g.status;
		else if (g.status) warn(g.line, `en verksamhetsplan har ingen status; "${g.status}" ignoreras`);
		if (g.analys.length > 0) fu.analys = g.analys.join('\n\n');
		if (Object.keys(fu).length > 0) fuGoals[g.id] = fu;

		g.indicators.forEach((ri, j) => {
			const id = `${g.id}:i${j + 1}`;
			const c = ri.cells;
			const varden: Partial<Record<string, Varde>> = {};
			for (const k of ['utfall', 'man', 'kvinnor', 'foregaendeVB', 'prognos', 'arsmal', 'kfArsmal']) if (c[k] !== undefined) varden[k] = parseVarde(c[k]!);
			const units = Object.values(varden).map(v => v!.unit);
			const enhet = /medskapande ?index/i.test(ri.namn) ? 'index' : (['%', 'st'] as const).find(u => units.includes(u));
			// A bare "60" among percentages is a percentage: normalise by the indicator's unit.
			if (enhet === '%' || enhet === 'st') for (const v of Object.values(varden)) if (v && v.value !== undefined && !v.unit) v.unit = enhet;
			const ind: Indicator = {id, malId: g.id!, namn: ri.namn, riktning: riktningAv(ri.namn)};
			if (enhet) ind.enhet = enhet;
			const per = c.periodicitet ? norm(c.periodicitet) : undefined;
			if (per === 'år' || per === 'tertial') ind.periodicitet = per;
			for (const k of ['arsmal', 'kfArsmal'] as const) if (varden[k]) ind[k] = varden[k];
			const kommentar = [...(c.kommentar ? [c.kommentar] : []), ...ri.kommentar];
			if (kommentar.length > 0) ind.kommentar = kommentar.join('\n\n');
			indicators.push(ind);
			const f: IndicatorFollowUp = {};
			for (const k of ['utfall', 'man', 'kvinnor', 'prognos', 'foregaendeVB'] as const) if (varden[k]) f[k] = varden[k];
			if (c.matperiod) f.matperiod = c.matperiod;
			if (ri.analys.length > 0) f.analys = ri.analys.map(rensaAnalys).join('\n\n');
			if (Object.keys(f).length > 0) fuInd[id] = f;
		});

		g.activities.forEach((ra, j) => {
			const id = `${g.id}:a${j + 1}`;
			const akt: Activity = {id, malId: g.id!, text: ra.text};
			for (const k of ['start', 'slut'] as const) {
				const datum = ra.cells[k];
				if (datum && arGiltigtDatum(datum)) akt[k] = datum;
				else if (datum) warn(ra.line, `${k === 'start' ? 'Startdatum' : 'Slutdatum'} "${datum}" är inget giltigt datum`);
			}
			akt.ursprung = g.niva === 'vo' || g.niva === 'im' ? 'kf-uppdrag' : g.niva === 'enhetsmal' ? 'enhet' : meta.enhet ? 'sdn' : 'namnd';
			activities.push(akt);
			const f: ActivityFollowUp = {};
			if (ra.cells.avvikelse) f.avvikelse = ra.cells.avvikelse;
			if (ra.analys.length > 0) f.analys = ra.analys.map(rensaAnalys).join('\n\n');
			if (Object.keys(f).length > 0) fuAkt[id] = f;
		});
	}
	return {
		schemaVersion: SCHEMA_VERSION,
		organisation: {namn: meta.namn, niva: meta.enhet ? 'enhet' : 'namnd', ...(meta.namnd && {namnd: meta.namnd}), ...(meta.dnr && {dnr: meta.dnr})},
		year: meta.year,
		bedomdaNivaer: meta.enhet ? ['enhetsmal'] : ['im', 'vo', 'namndmal'],
		period: meta.period,
		goals,
		indicators,
		activities,
		followUp: {[meta.period]: {goals: fuGoals, indicators: fuInd, activities: fuAkt}},
		// The store records the report's file name; messages name the file as it was given.
		kalla: {fil: path.basename(meta.fil), rapport: meta.period, ...(meta.datum && {datum: meta.datum})},
	};
}
