// The brief as one string for stdout; the layout is in brief.ts, shared with the TUI.
import type {ChalkInstance} from 'chalk';
import type {Summary} from '../domain/summary.js';
import {renderBriefLines} from './brief.js';

export function renderSummaryText(s: Summary, color: ChalkInstance, width = 80): string {
	return `${renderBriefLines(s, {width, color}).join('\n')}\n`;
}
