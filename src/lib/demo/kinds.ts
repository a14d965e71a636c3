/**
 * The kind of change each ask of the generator's phrasebook (wording-themes.ts) asks for: the
 * generator's own record of what it wrote, so the demo's recommendations carry coded kinds of
 * change (recommendation_categories, source 'coded') without the tagger reading them back.
 *
 * The Home Office DHR Library's eight categories, as defined in ../shared/data/recs-dev/README.md:
 * what kind of change, not what about. Each rule reads the ask's own verbs and objects, written for
 * these templates (they are the generator's sentences, not real text): "train {staff} to recognise
 * coercive control" is training; "review its information sharing arrangements with partner agencies"
 * is multi-agency working; "audit its recording" is record keeping. An ask none of the rules names
 * is `other` (audit, assurance, monitoring of the plan), which is never combined. A unit test
 * (tests/unit/demo-kinds.test.ts) checks that every ask of the phrasebook gets at least one kind,
 * and a few by hand.
 */
import { CATEGORY_IDS } from '../model/categories';
import { THEME_WORDING } from './wording-themes';

/** Each category with the wording of the generator's asks that says it (lower case). */
const RULES: readonly [category: string, re: RegExp][] = [
	['technology_systems', /\b(see at once|it system|case management system|electronic record|system (carries|shows|links)|on the system|database|alerts? (is|are|on)|markers?\b|flags? (follow|is|when))/],
	['identification_of_risk', /\b(risk assess|dash|risk checklist|risk level|risk identification|screening tool|assessed as high risk|high[- ]risk behaviour|escalation of risk|reassessed|recogni[sz]e|identif|asked about|ask about|selective enquiry|routine enquiry|signs of|sign of serious danger|at risk\b|risk factor|risk of abuse|risk to the partner|carer stress|professional curiosity|look beyond|curious|respectful uncertainty|ask further questions|explored|assess(es)? the risk|how dangerous|fresh look|safe opportunity|consider(s|ed)?\b|assessments? (consider|of families)|assessed in their own right|suicidal thoughts)/],
	['training', /\b(train|training|e-learning|briefing|learning from this review|workforce development|know how to|understand|know the legal|know what to do|understood and met)/],
	['policy', /\b(polic(y|ies)|procedure|protocol|guidance|pathway|strategy|standards?\b|statutory|code of guidance|commission|accreditation|allocations|minimum standards|fund\b|funds?\b|require|bail conditions|legal gateways|prevention plan|offered|priority for accommodation|part of (every|standard)|mandatory|managed through|used proactively|behaviour change programme|notification scheme|split payments|benefits system|repository|interpreters? is used|accessib|investigat|response to|responded to|sole tenancy|helped to find|not excluded|not treated as)/],
	['multi_agency_working', /\b(marac|multi-agency|mappa|partner agencies|with partners|refer(red|ral|rals|s)? |refer to|referral route|share information|information sharing|sharing of information|data sharing|information-sharing|consent to share|shared without consent|reaches the other agencies|joint (approach|protocol)|work with (specialist|private|local|employers)|together|children's services|school is told|notification to schools|share domestic abuse markers)/],
	['record_keeping', /\b(record(s|ed|ing)?\b|case notes|documented|documentation|written down|record keeping)/],
	['awareness_raising', /\b(awareness|campaign|friends, family|where to get help|know what to do|victims are told|in the community|workplace|employers)/]
];

/** The kinds of change of one ask of the phrasebook (placeholders unfilled), in the Library's order. */
export function askKinds(ask: string): string[] {
	const lower = ask.toLowerCase();
	const found = new Set(RULES.filter(([, re]) => re.test(lower)).map(([c]) => c));
	return found.size ? CATEGORY_IDS.filter((c) => found.has(c)) : ['other'];
}

/** The kinds of change of a recommendation made of these asks: every ask's, in the Library's order; `other` only alone. */
export function recommendationKinds(asks: readonly string[]): string[] {
	const all = new Set(asks.flatMap(askKinds));
	if (all.size > 1) all.delete('other');
	return CATEGORY_IDS.filter((c) => all.has(c));
}

/** Every ask of the phrasebook with its theme: for the test that each gets a kind. */
export function phrasebookAsks(): { theme: string; ask: string }[] {
	return Object.entries(THEME_WORDING).flatMap(([theme, w]) =>
		[...w.that, ...w.verb, ...(w.national ?? [])].map((p) => ({ theme, ask: typeof p === 'string' ? p : p.text }))
	);
}
