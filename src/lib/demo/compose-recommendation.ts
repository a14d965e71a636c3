/**
 * Composes the text of a recommendation from an opener, one or two theme bodies and sometimes a
 * closing sentence, so the same agency and theme read differently across reviews:
 * "Marlshire Police should ensure that officers attending domestic abuse incidents complete a DASH
 * risk assessment with the victim seen alone, and that the supervisor reviews the risk level before
 * the end of the shift."
 */
import type { Agency, AgencyKind } from './agencies';
import { capitalise, fill } from './fill';
import type { Rng } from './random';
import { THEME_WORDING, type Phrase } from './wording-themes';

const THAT_OPENERS = [
	'{Subject} should ensure that',
	'{Subject} should take steps to ensure that',
	'{Subject} should satisfy itself that',
	'{Subject} should review its practice so that',
	'{Subject} should be able to demonstrate that',
	'{Subject} must make sure that',
	'{Subject} should strengthen its arrangements so that'
];
const VERB_OPENERS = ['{Subject} should', '{Subject} is recommended to', 'Within twelve months, {subject} should'];

/** Closing sentences: generic ones, and ones only some kinds of agency would get. */
const CLOSERS: readonly Phrase[] = [
	'Progress should be reported to the DHR steering group within six months.',
	'Compliance should be audited after twelve months.',
	'This should be in place within six months of the report being published.',
	'The change should be tested through a multi-agency audit.',
	{ text: 'A supervisor should check the risk level before the end of the shift.', kinds: ['police'] },
	{ text: 'The practice safeguarding lead should review such cases at the monthly safeguarding meeting.', kinds: ['gp'] },
	{ text: "Compliance should be reported through the Trust's safeguarding committee.", kinds: ['mental_health', 'hospital'] },
	{ text: 'Managers should check this in supervision.', kinds: ['adult_social_care', 'childrens_services', 'probation', 'housing'] },
	{ text: 'The service should report on this to its trustees each quarter.', kinds: ['idva'] },
	{ text: 'The Partnership should receive a report on progress within six months.', kinds: ['partnership'] }
];

const text = (p: Phrase) => (typeof p === 'string' ? p : p.text);
const fits = (kind: AgencyKind) => (p: Phrase) => typeof p === 'string' || p.kinds.includes(kind);

/** Phrases that fit the agency; falls back to all when none fits (never returns an empty list). */
export function fitting(phrases: readonly Phrase[], kind: AgencyKind): string[] {
	const ok = phrases.filter(fits(kind));
	return (ok.length > 0 ? ok : phrases).map(text);
}

function values(agency: Agency, county: string): Record<string, string> {
	return {
		Subject: agency.subject,
		subject: agency.subject.replace(/^The /, 'the '),
		staff: agency.staff,
		short: agency.short,
		county
	};
}

/** A composed recommendation: its text and the phrasebook asks it is made of (the templates, unfilled). */
export interface Composed {
	text: string;
	/** Each theme body used, as written in wording-themes.ts (placeholders unfilled), first ask first. */
	asks: string[];
}

function nationalText(agency: Agency, themes: readonly string[], county: string, rng: Rng): Composed {
	const [first, second] = themes.map((t) => THEME_WORDING[t]?.national).filter((x): x is readonly string[] => !!x);
	if (!first) throw new Error(`No national wording for ${themes.join(', ')}`);
	const asks = [rng.pick(first)];
	// Only the Home Office gets a second, possibly unrelated, ask: other departments stay in their remit.
	if (second && agency.name === 'Home Office' && rng.chance(0.5)) asks.push(rng.pick(second));
	return { text: fill(`{Subject} should ${asks.join(', and ')}.`, values(agency, county)), asks };
}

/** The text of a recommendation and the asks it was made of (the generator's own record of what it wrote). */
export function composeRecommendationParts(agency: Agency, themes: readonly string[], county: string, rng: Rng): Composed {
	if (agency.kind === 'national') return nationalText(agency, themes, county, rng);
	const [primary, secondary] = themes.map((t) => THEME_WORDING[t]);
	const v = values(agency, county);
	let sentence: string;
	const asks: string[] = [];
	if (rng.chance(0.6)) {
		const body = rng.pick(fitting(primary.that, agency.kind));
		asks.push(body);
		sentence = `${rng.pick(THAT_OPENERS)} ${body}`;
		// A second theme's clause, unless the first already has an "and that" of its own.
		if (secondary && rng.chance(0.55) && !body.includes(' and that ')) {
			const second = rng.pick(fitting(secondary.that, agency.kind));
			asks.push(second);
			sentence += `, and that ${second}`;
		}
	} else {
		const body = rng.pick(fitting(primary.verb, agency.kind));
		asks.push(body);
		sentence = `${rng.pick(VERB_OPENERS)} ${body}`;
		if (secondary && rng.chance(0.55) && !body.includes(', and ')) {
			const second = rng.pick(fitting(secondary.verb, agency.kind));
			asks.push(second);
			sentence += `, and ${second}`;
		}
	}
	sentence += '.';
	if (rng.chance(0.4)) sentence += ` ${rng.pick(fitting(CLOSERS, agency.kind))}`;
	return { text: capitalise(fill(sentence, v)), asks };
}
