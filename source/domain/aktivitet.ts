// Where an activity stands on a given date: overdue, due soon or not reported (domain.md §5).
import {dagarMellan} from './datum.js';
import type {Activity, ActivityFollowUp, Tillstand} from './types.js';

export interface AktivitetBedomning {
	/** The moved Slutdatum when there is one, else the planned. */
	slut?: string;
	tillstand?: Tillstand;
	ejRapporterad: boolean;
	forsenad: boolean;
	dagarSen?: number;
	snart: boolean;
	dagarKvar?: number;
}

export const SNART_DAGAR = 30;

export function aktivitetBedomning(
	akt: Activity,
	fu: ActivityFollowUp | undefined,
	asOf: string,
	snartDagar: number = SNART_DAGAR,
): AktivitetBedomning {
	const slut = fu?.nyttSlut ?? akt.slut;
	const tillstand = fu?.tillstand;
	const ejRapporterad = tillstand === undefined;
	const klar = tillstand === 'genomford' || tillstand === 'avbruten';
	const bedomning: AktivitetBedomning = {slut, tillstand, ejRapporterad, forsenad: false, snart: false};
	if (!slut || klar) return bedomning;
	// ISO dates compare correctly as strings.
	if (slut < asOf) {
		// An unreported activity is listed apart: nobody has said it is late yet.
		if (!ejRapporterad) {
			bedomning.forsenad = true;
			bedomning.dagarSen = dagarMellan(slut, asOf);
		}
	} else {
		const dagarKvar = dagarMellan(asOf, slut);
		if (dagarKvar <= snartDagar) {
			bedomning.snart = true;
			bedomning.dagarKvar = dagarKvar;
		}
	}
	return bedomning;
}
