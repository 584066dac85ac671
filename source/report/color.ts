import {Chalk, type ChalkInstance} from 'chalk';

/** Colour only on a terminal, never with NO_COLOR (chalk alone does not honour it); FORCE_COLOR wins. */
export function colorFor(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv): ChalkInstance {
	const force = env.FORCE_COLOR;
	let level: 0 | 1 | 2 | 3 = 0;
	if (force !== undefined && force !== '') level = force === '0' || force === 'false' ? 0 : (Math.min(3, Number(force) || 1) as 1 | 2 | 3);
	else if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') level = 0;
	else if (stream.isTTY) level = env.COLORTERM === 'truecolor' ? 3 : 2;
	return new Chalk({level});
}
