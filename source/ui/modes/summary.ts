// s : the summary as `malkoll summary` prints it, built once per change of the data (or the width).
import {Chalk} from 'chalk';
import {buildSummary} from '../../domain/summary.js';
import type {Period, StoreData} from '../../domain/types.js';
import {renderSummaryText} from '../../report/summary-text.js';
import {type Rad, radbryt} from '../text.js';
import {ScrollMode} from './help.js';

const utanFarg = new Chalk({level: 0});

export class SummaryMode extends ScrollMode {
	readonly lage = 'summary';
	private senast?: {data: StoreData; period: Period; asOf: string; w: number; rader: Rad[]};

	protected rader(w: number): Rad[] {
		const {data, period, asOf} = this.ctx;
		const s = this.senast;
		if (s?.data === data && s.period === period && s.asOf === asOf && s.w === w) return s.rader;
		const text = renderSummaryText(buildSummary(data, {period, asOf}), utanFarg, w);
		const rader = text.split('\n').flatMap(rad => radbryt(rad, w).map(r => [{t: r}]));
		this.senast = {data, period, asOf, w, rader};
		return rader;
	}
}
