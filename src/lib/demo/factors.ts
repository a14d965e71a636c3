/**
 * Case factors of a review (the long-form review_factors table). Codes and the subjects each may
 * apply to come from vocab FACTORS; `checkFactor` enforces that so the generator can never write a
 * factor for a subject the vocabulary does not allow.
 */
import { FACTORS, type FactorSubject } from '../model/vocab';
import type { DeathType, Relationship, Sex } from './distributions';
import type { Rng } from './random';

export type FactorCode = (typeof FACTORS)[number]['code'];
export interface Factor {
	subject: FactorSubject;
	factor: FactorCode;
}

/** What the factor draw needs to know about the case. */
export interface FactorContext {
	deathType: DeathType;
	relationship: Relationship;
	victimSex: Sex;
	victimAge: number;
	childrenPresent: boolean;
	/** Year of the death: coercive control was recorded less before it became an offence. */
	deathYear: number;
	/** False for a suicide with no perpetrator named: no perpetrator factors then. */
	perpetratorKnown: boolean;
}

const ALLOWED = new Map<string, readonly string[]>(FACTORS.map((f) => [f.code, f.subjects]));

function checkFactor(f: Factor): Factor {
	if (!ALLOWED.get(f.factor)?.includes(f.subject)) throw new Error(`Factor ${f.factor} not allowed for ${f.subject}`);
	return f;
}

const IPH_LIKE = (t: DeathType) => t === 'intimate partner homicide' || t === 'homicide-suicide' || t === 'suicide following domestic abuse';

/**
 * Incident factors. Coercive control is the most common aggravating factor (DOMAIN.md, Oct 2019 -
 * Sep 2020 reviews); controlling or coercive behaviour became an offence on 29 December 2015, and
 * reviews of earlier deaths name it less often (assumption: 0.8x). Separation is common in intimate
 * partner cases and nearly universal with former partners; stalking is more common with former
 * partners (assumed 40% vs 8%).
 */
function incidentFactors(c: FactorContext, rng: Rng): Factor[] {
	const out: FactorCode[] = [];
	const partner = c.relationship === 'current partner' || c.relationship === 'former partner';
	const former = c.relationship === 'former partner';
	const family = c.deathType === 'adult family homicide';

	let coercive = family ? 0.35 : c.deathType === 'other' ? 0.3 : c.deathType === 'suicide following domestic abuse' ? 0.85 : 0.75;
	if (c.deathYear < 2016) coercive *= 0.8;
	if (rng.chance(coercive)) out.push('coercive_control');
	if (partner && rng.chance(former ? 0.9 : 0.3)) out.push('separation');
	if (rng.chance(former ? 0.4 : partner ? 0.08 : 0.03)) out.push('stalking');
	if (c.victimSex === 'female' && c.victimAge < 35 && rng.chance(family ? 0.08 : 0.015)) out.push('forced_marriage');
	if (rng.chance(family ? 0.05 : 0.015)) out.push('honour_based_abuse');
	if (rng.chance(IPH_LIKE(c.deathType) ? (c.deathType === 'suicide following domestic abuse' ? 0.3 : 0.25) : 0.05)) out.push('sexual_abuse');
	if (rng.chance(c.deathType === 'suicide following domestic abuse' ? 0.45 : c.deathType === 'other' ? 0.4 : 0.55)) out.push('physical_abuse');
	if (rng.chance(family ? 0.45 : 0.6)) out.push('emotional_abuse');
	if (rng.chance(family ? 0.35 : c.deathType === 'homicide-suicide' ? 0.15 : 0.25)) out.push('economic_abuse');
	// Must agree with reviews.children_present: the factor is the same fact in long form.
	if (c.childrenPresent) out.push('children_present');
	return out.map((factor) => checkFactor({ subject: 'incident', factor }));
}

/**
 * Victim vulnerabilities: 61% of victims had one; of recorded vulnerabilities 34% mental health,
 * 28% alcohol, 22% illicit drugs (DOMAIN.md, Oct 2019 - Sep 2020 reviews). The remaining 16% is
 * split between housing, disability and pregnancy (assumption). Suicide victims are assumed more
 * often vulnerable (0.75 vs 0.55, which averages to ~0.61) and more often with mental ill health.
 */
const VICTIM_VULNERABILITY_WEIGHTS: readonly (readonly [FactorCode, number])[] = [
	['mental_health', 34],
	['alcohol', 28],
	['substance_misuse', 22],
	['housing', 8],
	['disability', 6],
	['pregnancy', 2]
];

function victimFactors(c: FactorContext, rng: Rng): Factor[] {
	const suicide = c.deathType === 'suicide following domestic abuse';
	if (!rng.chance(suicide ? 0.75 : 0.55)) return [];
	const weights = VICTIM_VULNERABILITY_WEIGHTS.map(([code, w]) => {
		if (code === 'pregnancy' && (c.victimSex !== 'female' || c.victimAge > 44)) return 0;
		if (code === 'mental_health' && suicide) return w * 1.8;
		if (code === 'disability' && c.victimAge >= 65) return w * 3;
		return w;
	});
	const n = rng.weighted([[1, 60], [2, 30], [3, 10]] as const);
	return rng
		.weightedDistinct(weights, n)
		.sort((a, b) => a - b)
		.map((i) => checkFactor({ subject: 'victim', factor: VICTIM_VULNERABILITY_WEIGHTS[i][0] }));
}

/** Perpetrator factors (assumed shares; mental ill health and drugs more common in familial cases). */
function perpetratorFactors(c: FactorContext, rng: Rng): Factor[] {
	if (!c.perpetratorKnown) return [];
	const family = c.deathType === 'adult family homicide';
	const shares: readonly (readonly [FactorCode, number])[] = [
		['mental_health', family ? 0.6 : 0.35],
		['alcohol', 0.35],
		['substance_misuse', family ? 0.4 : 0.28],
		['housing', 0.1],
		['disability', 0.03]
	];
	return shares.filter(([, p]) => rng.chance(p)).map(([factor]) => checkFactor({ subject: 'perpetrator', factor }));
}

export function drawFactors(c: FactorContext, rng: Rng): Factor[] {
	return [...incidentFactors(c, rng), ...victimFactors(c, rng), ...perpetratorFactors(c, rng)];
}
