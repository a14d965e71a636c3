/**
 * Composes an action of an action plan (description, owner role) and its evidence. The
 * description comes from the recommendation's themes, or now and then from the generic actions
 * every plan has (report to the board, audit, share the learning); the owner is a role of the
 * lead agency, never a person.
 */
import type { Agency } from './agencies';
import { capitalise, fill } from './fill';
import type { Rng } from './random';
import { COMPLETED_EVIDENCE, NOT_ACCEPTED_REASONS, NOT_STARTED_NOTES, PROGRESS_NOTES } from './wording-evidence';
import { THEME_WORDING, type ActionKind, type ActionPhrase } from './wording-themes';
import type { Status } from '../model/vocab';
import { monthYear, type Day } from './days';

const GENERIC_ACTIONS: readonly ActionPhrase[] = [
	{ text: 'Report progress against this recommendation to the DHR steering group', kind: 'report' },
	{ text: 'Audit a sample of {n} cases to check that the change is embedded in practice', kind: 'audit' },
	{ text: 'Share the learning from this review with {staff} through a seven-minute briefing', kind: 'briefing' },
	{ text: 'Review the single-agency domestic abuse policy in the light of this review', kind: 'policy' }
];

/** Actions a government department takes on a national recommendation, whatever the theme. */
const NATIONAL_ACTIONS: readonly ActionPhrase[] = [
	{ text: 'Respond to the partnership setting out the position of {short}', kind: 'report' },
	{ text: 'Consider the recommendation in the next revision of the statutory guidance', kind: 'policy' },
	{ text: 'Take the recommendation to the cross-government domestic abuse policy board and report the outcome', kind: 'report' },
	{ text: 'Include the learning in the next national analysis of domestic homicide reviews', kind: 'briefing' }
];

const SAMPLE_SIZES = [10, 20, 25, 30, 40, 50, 60, 100];

export interface ComposedAction {
	description: string;
	kind: ActionKind;
	ownerRole: string;
	/** The sample size named in the description, reused by the evidence so the two agree. */
	n: number;
}

function candidates(theme: string | null, agency: Agency): readonly ActionPhrase[] {
	if (agency.kind === 'national') return NATIONAL_ACTIONS;
	const all = theme ? THEME_WORDING[theme].actions : GENERIC_ACTIONS;
	const ok = all.filter((a) => !a.kinds || a.kinds.includes(agency.kind));
	return ok.length > 0 ? ok : GENERIC_ACTIONS;
}

/**
 * One action. `avoid` holds the descriptions already used in the same recommendation: a plan does
 * not list the same action twice, so a repeat is redrawn (a few tries, then the generic list).
 */
export function composeAction(theme: string | null, agency: Agency, avoid: ReadonlySet<string>, rng: Rng): ComposedAction {
	const vals = { staff: agency.staff, short: agency.short, n: rng.pick(SAMPLE_SIZES) };
	let phrase = rng.pick(candidates(theme, agency));
	let description = capitalise(fill(phrase.text, vals));
	for (let tries = 0; avoid.has(description) && tries < 6; tries++) {
		phrase = rng.pick(tries < 3 || agency.kind === 'national' ? candidates(theme, agency) : GENERIC_ACTIONS);
		description = capitalise(fill(phrase.text, vals));
	}
	return { description, kind: phrase.kind, ownerRole: rng.pick(agency.roles), n: vals.n };
}

/** Evidence or note for an action in a given state; null when the tracker has nothing. */
export function composeEvidence(action: ComposedAction, status: Status, completed: Day | null, agency: Agency, rng: Rng): string | null {
	const pct = rng.int(70, 99);
	switch (status) {
		case 'completed':
			if (completed === null || !rng.chance(0.9)) return null;
			return fill(rng.pick(COMPLETED_EVIDENCE[action.kind]), {
				pct,
				n: action.n,
				sessions: rng.int(4, 30),
				month: monthYear(completed),
				staff: agency.staff
			});
		case 'in progress':
			return rng.chance(0.35) ? fill(rng.pick(PROGRESS_NOTES), { pct: rng.int(20, 80) }) : null;
		case 'not started':
			return rng.chance(0.08) ? rng.pick(NOT_STARTED_NOTES) : null;
		case 'not accepted':
			return rng.chance(0.7) ? rng.pick(NOT_ACCEPTED_REASONS) : null;
	}
}
