// s : the summary as `malkoll summary` prints it, built once per change of the data (or the width);
// y copies it as the brief.
import {Chalk} from 'chalk';
import {type Summary, buildSummary} from '../../domain/summary.js';
import type {Period, StoreData} from '../../domain/types.js';
import {renderSummaryText} from '../../report/summary-text.js';
import type {KommandoId} from '../keys.js';
import {type Rad, radbryt} from '../text.js';
import {ScrollMode} from './help.js';

const utanFarg = new Chalk({level: 0});

/** The width of the brief as copied, as `malkoll summary` prints it in a narrow terminal. */
const KOPIA_BREDD = 80;

export class SummaryMode extends ScrollMode {
	readonly lage = 'summary';
	private senast?: {data: StoreData; period: Period; asOf: string; w: number; rader: Rad[]; s: Summary};

	private summary(): Summary {
		const {data, period, asOf} = this.ctx;
		const s = this.senast;
		if (s?.data === data && s.period === period && s.asOf === asOf) return s.s;
		return buildSummary(data, {period, asOf});
	}

	protected rader(w: number): Rad[] {
		const {data, period, asOf} = this.ctx;
		const s = this.senast;
		if (s?.data === data && s.period === period && s.asOf === asOf && s.w === w) return s.rader;
		const summary = this.summary();
		const text = renderSummaryText(summary, utanFarg, w);
		const rader = text.split('\n').flatMap(rad => radbryt(rad, w).map(r => [{t: r}]));
		this.senast = {data, period, asOf, w, rader, s: summary};
		return rader;
	}

	protected kommando(id: KommandoId): void {
		if (id === 'kopiera') this.ctx.kopiera(renderSummaryText(this.summary(), utanFarg, KOPIA_BREDD), 'briefen');
	}
}
