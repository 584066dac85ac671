// The Ink root: draws the controller's current frame and feeds it raw terminal input.
import chalk from 'chalk';
import {Text, useStdin, useStdout} from 'ink';
import {useEffect, useSyncExternalStore} from 'react';
import type {UiController} from './state.js';
import type {Rad} from './text.js';
import {skarm} from './views/screen.js';

/** One row as styled text. The frame is one Text node: a node per segment cost Ink's layout
 * and output ~150 ms on the first frame. */
function ansi(rad: Rad): string {
	let out = '';
	// Runs of one style become one escape sequence: Ink's cost per frame grows with them.
	for (let i = 0; i < rad.length; ) {
		const s = rad[i]!;
		let text = s.t;
		for (i++; i < rad.length && rad[i]!.c === s.c && !rad[i]!.bold === !s.bold && !rad[i]!.dim === !s.dim && !rad[i]!.inv === !s.inv; i++) text += rad[i]!.t;
		let c = s.c ? chalk[s.c] : chalk;
		if (s.bold) c = c.bold;
		if (s.dim) c = c.dim;
		if (s.inv) c = c.inverse;
		out += c === chalk ? text : c(text);
	}
	return out;
}

export function App({ui}: {ui: UiController}) {
	useSyncExternalStore(ui.subscribe, ui.getVersion);
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
	return <Text>{skarm(ui).map(ansi).join('\n')}</Text>;
}
