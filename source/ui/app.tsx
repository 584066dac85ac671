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
	for (const s of rad) {
		let c = s.c ? chalk[s.c] : chalk;
		if (s.bold) c = c.bold;
		if (s.dim) c = c.dim;
		if (s.inv) c = c.inverse;
		out += c === chalk ? s.t : c(s.t);
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
