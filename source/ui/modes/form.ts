// A form over the right pane: the period's values of an indicator or activity (set ops), a new item
// under a goal (add), or the definition of an item (def ops).
import {ENTITY_NAMN, type Entity, findEntity, namedOp, same} from '../../domain/ops.js';
import type {Period} from '../../domain/types.js';
import {MalkollError} from '../../errors.js';
import {editorRader, editorTangent, editorText, markera, nyEditor} from '../editor.js';
import {arText, kommandoFor} from '../keys.js';
import {type FormFalt, type Slag, NY_NAMN, formFalt, nyOp, nyaTyper, typNamn, varde} from '../plan.js';
import {type Rad, bredd, klipp, medCursor, radbryt, visible} from '../text.js';
import type {FormUtkast, Utkast} from '../utkast.js';
import {tradBredd} from '../views/tree.js';
import type {Ctx, Mode} from './mode.js';

/** Rows a multi-line field shows: a window around the cursor when active, the start otherwise. */
const FLERRAD_AKTIV = 6;
const FLERRAD_VILAR = 2;

/** The kinds of field that open selected. */
const ERSATTS = new Set(['varde', 'andel', 'datum']);

export class FormMode implements Mode {
	aktiv = 0;
	fel?: string;

	constructor(
		private readonly ctx: Ctx,
		readonly slag: Slag,
		public entity: Entity,
		/** The item; for a new one the goal it goes under. */
		readonly id: string,
		readonly period: Period,
		public falt: FormFalt[],
		/** The chef agreed to change a period marked inlämnad. */
		readonly force = false,
	) {
		if (falt[0]?.field === 'typ') this.aktiv = 1;
		this.ga(this.aktiv);
	}

	/** Enters field `i`: a number or date is selected, so typing replaces it and a move keeps it;
	 * a text is edited where it ends (a title is corrected more often than retyped). */
	private ga(i: number): void {
		this.aktiv = i;
		const f = this.falt[i]!;
		if (f.rad && ERSATTS.has(f.rad.kind) && !f.flerrad) f.ed = markera(f.ed);
	}

	get lage() {
		return this.falt[this.aktiv]!.flerrad ? ('formText' as const) : ('form' as const);
	}

	key(t: string): void {
		const f = this.falt[this.aktiv]!;
		const id = kommandoFor(this.lage, t);
		if (id === 'tillbaka') {
			this.ctx.open();
			this.ctx.dropDraft();
			return this.ctx.say('Formuläret stängdes utan att spara');
		}
		if (id === 'spara') return this.spara();
		if (id === 'nastaFalt' || id === 'forraFalt') {
			this.ga((this.aktiv + (id === 'nastaFalt' ? 1 : this.falt.length - 1)) % this.falt.length);
			return;
		}
		if (f.val) {
			// A choice steps with ←/→ or space; typing its first letter picks it.
			const i = f.val.indexOf(editorText(f.ed));
			let j = i;
			if (t === 'right' || t === ' ') j = (i + 1) % f.val.length;
			else if (t === 'left') j = (i + f.val.length - 1) % f.val.length;
			else if (arText(t)) j = f.val.findIndex(v => (f.valNamn?.[v] ?? v).toLowerCase().startsWith(t.toLowerCase()));
			if (j >= 0 && j !== i) {
				f.ed = nyEditor(f.val[j]!);
				// Another kind on a new item's form: its own fields, the title typed so far kept.
				if (f.field === 'typ') {
					this.entity = f.val[j] as Entity;
					const falt = formFalt(this.ctx.data, 'ny', this.entity, this.id, this.period);
					falt[0]!.ed = this.falt[1]!.ed;
					this.falt = [f, ...falt];
				}
			}
			return;
		}
		// The text's width as view() draws it: the pane beside the tree, less the indent.
		const w = Math.max(20, this.ctx.cols);
		const ed = editorTangent(f.ed, t, {w: Math.max(4, w - tradBredd(w) - 1 - 3), h: FLERRAD_AKTIV});
		if (ed === f.ed) return;
		f.ed = ed;
		this.fel = undefined;
		if (id === 'tomText') this.ctx.say(`${f.etikett} tömdes: C-z ångrar`);
		else if (id === 'angraText') this.ctx.say(`Ångrat i ${f.etikett}`);
		this.ctx.draftChanged();
	}

	private spara(): void {
		const ctx = this.ctx;
		ctx.sparaUtkastNu();
		const {slag, entity, id, period} = this;
		let varden: Array<{f: FormFalt; value: unknown}>;
		try {
			varden = this.falt.filter(f => f.field !== 'typ').map(f => ({f, value: varde(f, slag === 'ny' ? NY_NAMN[entity] : id)}));
		} catch (error) {
			if (!(error instanceof MalkollError)) throw error;
			this.fel = error.message;
			return;
		}
		ctx.open();
		const ok = (text: string) => () => {
			ctx.dropDraft();
			ctx.say(text);
		};
		if (slag === 'ny') {
			const v = Object.fromEntries(varden.filter(x => x.value !== undefined).map(x => [x.f.field, x.value]));
			return ctx.write(data => [nyOp(data, entity, id, v)], {
				ok: changes => {
					ctx.tree.visaNy(entity, id, changes[0]!.id);
					ok(`Lade till ${changes[0]!.id} under ${id} (u ångrar)`)();
				},
			});
		}
		const ops = varden
			.filter(x => !same(x.value, x.f.original))
			.map(({f, value}) => namedOp(slag === 'andra' ? {op: 'def', entity, id, field: f.field, value, expect: f.original} : {op: 'set', period, entity, id, field: f.field, value, expect: f.original}));
		if (ops.length === 0) return ctx.say('Inget ändrat');
		if (slag === 'andra') ctx.write(ops, {ok: ok(`${id}: ändrat (u ångrar)`)});
		else ctx.save(ops, ok(`${id}: sparat (${period})`), this.force);
	}

	utkast(): Utkast | undefined {
		const falt = this.falt.map(f => ({field: f.field, text: editorText(f.ed), original: f.original}));
		if (this.falt.every(f => editorText(f.ed) === f.start)) return undefined;
		const item = findEntity(this.ctx.data, this.entity, this.id);
		const goalId = this.slag === 'ny' || !item ? this.id : 'malId' in item ? item.malId : item.id;
		const text = this.falt
			.filter(f => f.field !== 'typ' && editorText(f.ed) !== '')
			.map(f => `${f.etikett}: ${editorText(f.ed)}`)
			.join('\n');
		return {goalId, period: this.period, original: '', text, at: new Date().toISOString(), form: {slag: this.slag, entity: this.entity, id: this.id, falt}};
	}

	private rubrik(w: number): Rad[] {
		const item = findEntity(this.ctx.data, this.entity, this.id);
		const namn = item ? ('titel' in item ? item.titel : 'namn' in item ? item.namn : item.text) : '';
		if (this.slag === 'ny') {
			const parent = this.ctx.idx.goals.get(this.id);
			return [
				[{t: klipp(`${this.entity === 'goal' ? 'Nytt' : 'Ny'} ${typNamn(this.entity, parent).toLowerCase()} under ${this.id}`, w), bold: true, c: 'cyan'}],
				[{t: klipp(visible(parent?.titel ?? ''), w), dim: true}],
			];
		}
		const out: Rad[] = [[{t: klipp(`${this.slag === 'andra' ? 'Ändra ' : ''}${ENTITY_NAMN[this.entity].replace(/^./, x => x.toUpperCase())} ${this.id}${this.slag === 'uppfoljning' ? ` (${this.period})` : ''}`, w), bold: true, c: 'cyan'}]];
		if (this.slag === 'andra') return out;
		for (const r of radbryt(namn, w).slice(0, 3)) out.push([{t: r}]);
		if (item && 'riktning' in item) out.push([{t: klipp(`Årsmål ${item.arsmal?.raw ?? '–'} · KF:s årsmål ${item.kfArsmal?.raw ?? '–'}`, w), dim: true}]);
		if (item && 'malId' in item && !('riktning' in item)) out.push([{t: klipp(`Slutdatum ${item.slut ?? '–'}`, w), dim: true}]);
		return out;
	}

	view(w: number): Rad[] {
		const out: Rad[] = [...this.rubrik(w), []];
		const etikettW = Math.max(...this.falt.filter(f => !f.flerrad).map(f => bredd(f.etikett)), 0) + 2;
		this.falt.forEach((f, i) => {
			const aktiv = i === this.aktiv;
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
			// A selected value is drawn inverse as a whole: the next character typed replaces it.
			if (aktiv && f.ed.markerad) out.push([etikett, {t: klipp(synlig, faltW - 1), inv: true}]);
			else out.push([etikett, ...(aktiv ? medCursor(synlig, kol - start) : [{t: klipp(synlig, faltW), dim: synlig === ''}])]);
		});
		out.push([]);
		if (this.fel) for (const r of radbryt(this.fel, w)) out.push([{t: r, c: 'red', bold: true}]);
		else {
			const f = this.falt[this.aktiv]!;
			// Whether typing replaces or appends, said where the chef types.
			if (!f.val) out.push([{t: klipp(f.ed.markerad ? 'Markerat: skriv ersätter, →/End lägger till' : 'Skriv lägger till vid markören · C-x tömmer', w), c: 'cyan'}]);
			const hjalp =
				this.slag !== 'uppfoljning'
					? `${this.falt.some(f => f.val) ? 'Val: ←/→ · ' : ''}${this.entity === 'activity' ? 'datum ÅÅÅÅ-MM-DD · ' : ''}C-s sparar`
					: this.entity === 'indicator'
						? 'Svenska tal: 8,2 % · 12 st · tomt rensar'
						: 'Tillstånd: ←/→ · datum ÅÅÅÅ-MM-DD';
			out.push([{t: klipp(hjalp, w), dim: true}]);
		}
		return out;
	}
}

/** Enter in a list: the period's values of the selected indicator or activity. */
export function oppnaUppfoljning(ctx: Ctx): void {
	const rad = ctx.tree.valdRad();
	if (!rad) return;
	const period = ctx.period;
	ctx.unlessInlamnad(period, force => ctx.open(new FormMode(ctx, 'uppfoljning', rad.entity, rad.id, period, formFalt(ctx.data, 'uppfoljning', rad.entity, rad.id, period), force)));
}

/** + : a new enhetsmål under the selected nämndmål, or an activity or indicator under the selected goal. */
export function oppnaNy(ctx: Ctx): void {
	const goal = ctx.tree.valtMal;
	if (!goal) return;
	const typer = nyaTyper(ctx.data, goal, ctx.tree.fokus);
	ctx.open(new FormMode(ctx, 'ny', typer[0]!, goal.id, ctx.period, formFalt(ctx.data, 'ny', typer[0]!, goal.id, ctx.period, undefined, typer)));
}

/** r : the title and texts of the selected goal, or the dates or target of the selected row. */
export function oppnaAndra(ctx: Ctx): void {
	const rad = ctx.tree.valdRad() ?? (ctx.tree.valtMal && {entity: 'goal' as const, id: ctx.tree.valtMal.id});
	const item = rad && findEntity(ctx.data, rad.entity, rad.id);
	if (rad && item) ctx.open(new FormMode(ctx, 'andra', rad.entity, rad.id, ctx.period, formFalt(ctx.data, 'andra', rad.entity, rad.id, ctx.period, item)));
}

/** The form again with the text typed before; the stored values it opened with stay the expected ones. */
export function formFranUtkast(ctx: Ctx, u: FormUtkast, period: Period): void {
	const typ = u.falt.find(f => f.field === 'typ')?.text as Entity | undefined;
	const entity = u.slag === 'ny' && typ ? typ : u.entity;
	const item = u.slag === 'ny' ? undefined : findEntity(ctx.data, entity, u.id);
	if (u.slag !== 'ny' && !item) return ctx.say(`${u.id} finns inte längre; utkastet sparas inte`, true);
	const parent = ctx.idx.goals.get(u.id);
	const typer = u.slag === 'ny' && parent ? nyaTyper(ctx.data, parent, 'tree') : [entity];
	const falt = formFalt(ctx.data, u.slag, entity, u.id, period, item, typer).map(f => {
		const d = u.falt.find(x => x.field === f.field);
		return d ? {...f, ed: nyEditor(d.text), original: u.slag === 'ny' ? f.original : d.original} : f;
	});
	ctx.open(new FormMode(ctx, u.slag, entity, u.id, period, falt));
}
