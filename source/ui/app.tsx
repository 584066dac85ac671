// The Ink root: draws the controller's current frame and feeds it raw terminal input.
import {Chalk} from 'chalk';
import {Text, Transform, useIsScreenReaderEnabled, useStdin, useStdout} from 'ink';
import {useEffect, useSyncExternalStore} from 'react';
import {visibleLine} from '../report/visible.js';
import type {Controller} from './controller.js';
import type {Rad, Seg} from './text.js';
import {skarm} from './views/screen.js';

function samma(a: Seg, b: Seg): boolean {
	return a.c === b.c && !a.bold === !b.bold && !a.dim === !b.dim && !a.inv === !b.inv;
}

// The TUI runs on a terminal: styles always, colour unless the chef turned it off (run.tsx), so
// chalk's own guess from the environment (which ignores NO_COLOR) is not asked.
const chalk = new Chalk({level: 1});

type Stil = Controller['stil'];

function farga(s: Seg, text: string, stil: Stil): string {
	if (!stil) return text;
	let c = s.c && stil === 'farg' ? chalk[s.c] : chalk;
	if (s.bold) c = c.bold;
	if (s.dim) c = c.dim;
	if (s.inv) c = c.inverse;
	return c === chalk ? text : c(text);
}

/** One row as styled text. The frame is one Text node: a node per segment cost Ink's layout
 * and output ~150 ms on the first frame. Ink parses every escape code of every row per frame, so
 * runs of one style become one sequence, and spaces (which look alike in any style but inverse)
 * join the run beside them. */
function ansi(rad: Rad, form: Stil): string {
	// The views show stored text with visible(); this is the last guard for any they missed.
	let out = '';
	let stil: Seg | undefined;
	let text = '';
	for (const s of rad) {
		if (!s.inv && /^ *$/.test(s.t)) {
			text += s.t;
			continue;
		}
		if (stil && !samma(stil, s)) {
			out += farga(stil, text, form);
			text = '';
			stil = s;
		}
		stil ??= s;
		text += visibleLine(s.t);
	}
	return out + (stil ? farga(stil, text, form) : text);
}

// Ink measures a Text's lines twice per frame (layout, then the wrap check) with string-width,
// which segments every line holding non-ASCII: a third of a keypress. So Ink measures one dot
// per row, the same string every frame (its measure cache hits), and the rows replace the dots
// as Ink writes them.
function Ram({rader}: {rader: string[]}) {
	return <Transform transform={(_, i) => rader[i] ?? ''}>{'.\n'.repeat(rader.length - 1)}.</Transform>;
}

export function App({ui}: {ui: Controller}) {
	useSyncExternalStore(ui.subscribe, ui.getVersion);
	const skarmlasare = useIsScreenReaderEnabled();
	const {internal_eventEmitter: input, setRawMode, isRawModeSupported} = useStdin();
	const {stdout} = useStdout();
	useEffect(() => {
		if (isRawModeSupported) setRawMode(true);
		// Raw events, not useInput: the router parses bursts of typed text itself, key by key.
		const onInput = (raw: string) => ui.input(raw);
		input.on('input', onInput);
		return () => {
			input.off('input', onInput);
			if (isRawModeSupported) setRawMode(false);
		};
	}, [ui, input, setRawMode, isRawModeSupported]);
	useEffect(() => ui.bevaka(), [ui]);
	useEffect(() => {
		const onResize = () => ui.resize(stdout.columns, stdout.rows);
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [ui, stdout]);
	const rader = skarm(ui).map(r => ansi(r, ui.stil));
	return skarmlasare ? <Text>{rader.join('\n')}</Text> : <Ram rader={rader} />;
}
