// The Ink root: draws the controller's current frame and feeds it raw terminal input.
import {Box, Text, useStdin, useStdout} from 'ink';
import {useEffect, useSyncExternalStore} from 'react';
import type {UiController} from './state.js';
import {skarm} from './views/screen.js';

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
	return (
		<Box flexDirection="column">
			{skarm(ui).map((rad, i) => (
				<Text key={i} wrap="truncate">
					{rad.length === 0
						? ' '
						: rad.map((s, j) => (
								<Text key={j} color={s.c} dimColor={s.dim} bold={s.bold} inverse={s.inv}>
									{s.t}
								</Text>
							))}
				</Text>
			))}
		</Box>
	);
}
