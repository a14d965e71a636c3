/**
 * One review's case: who died, how, who caused the harm, and the case factors. Drawn from the
 * published shares in distributions.ts, with each later draw conditioned on the earlier ones so
 * the combinations stay plausible (a familial victim is older, a partner homicide has a partner).
 */
import {
	CHILDREN_PRESENT_SHARE,
	DEATH_TYPE_WEIGHTS,
	FAMILY_PERPETRATOR_MALE_SHARE,
	FAMILY_VICTIM_AGE,
	FEMALE_VICTIM_SHARE,
	MAX_AGE,
	MIN_AGE,
	MULTIPLE_VICTIMS_OTHER_SHARE,
	RELATIONSHIP_WEIGHTS,
	SAME_SEX_PARTNER_SHARE,
	SUICIDE_NO_PERPETRATOR_SHARE,
	UNKNOWN_SEX_SHARE,
	VICTIM_AGE,
	type DeathType,
	type Relationship,
	type Sex
} from './distributions';
import { drawFactors, type Factor, type FactorCode } from './factors';
import type { Rng } from './random';

export interface ReviewCase {
	deathType: DeathType;
	relationship: Relationship;
	victimSex: Sex;
	victimAge: number;
	/** Null for a suicide with no perpetrator named. */
	perpetratorSex: Sex | null;
	perpetratorAge: number | null;
	childrenPresent: boolean;
	multipleVictims: boolean;
	factors: Factor[];
}

const clampAge = (a: number) => Math.max(MIN_AGE, Math.min(MAX_AGE, Math.round(a)));
const other = (s: Sex): Sex => (s === 'female' ? 'male' : s === 'male' ? 'female' : 'male');
const isPartner = (r: Relationship) => r === 'current partner' || r === 'former partner';

function drawSex(pFemale: number, rng: Rng): Sex {
	if (rng.chance(UNKNOWN_SEX_SHARE)) return 'unknown';
	return rng.chance(pFemale) ? 'female' : 'male';
}

function drawVictimAge(deathType: DeathType, relationship: Relationship, rng: Rng): number {
	const [mean, sd] = FAMILY_VICTIM_AGE[relationship] ?? VICTIM_AGE[deathType];
	return clampAge(rng.normal(mean, sd));
}

/** The perpetrator's age follows from the relationship: a son is about a generation younger. */
function drawPerpetratorAge(relationship: Relationship, victimAge: number, rng: Rng): number {
	switch (relationship) {
		case 'parent':
			return clampAge(Math.min(victimAge - 18, rng.normal(victimAge - 29, 5)));
		case 'child':
			return clampAge(Math.max(victimAge + 18, rng.normal(victimAge + 29, 5)));
		case 'sibling':
			return clampAge(rng.normal(victimAge, 6));
		case 'current partner':
		case 'former partner':
			return clampAge(rng.normal(victimAge + 2, 6));
		default:
			return clampAge(rng.normal(38, 14));
	}
}

function drawPerpetratorSex(relationship: Relationship, victimSex: Sex, rng: Rng): Sex {
	if (rng.chance(UNKNOWN_SEX_SHARE)) return 'unknown';
	if (isPartner(relationship)) return rng.chance(SAME_SEX_PARTNER_SHARE[victimSex]) ? victimSex : other(victimSex);
	return rng.chance(FAMILY_PERPETRATOR_MALE_SHARE) ? 'male' : 'female';
}

export function drawCase(deathYear: number, rng: Rng): ReviewCase {
	const deathType = rng.weighted(DEATH_TYPE_WEIGHTS);
	const relationship = rng.weighted(RELATIONSHIP_WEIGHTS[deathType]);
	const victimSex = drawSex(FEMALE_VICTIM_SHARE[deathType], rng);
	const victimAge = drawVictimAge(deathType, relationship, rng);

	const named = !(deathType === 'suicide following domestic abuse' && rng.chance(SUICIDE_NO_PERPETRATOR_SHARE));
	const perpetratorSex = named ? drawPerpetratorSex(relationship, victimSex, rng) : null;
	const perpetratorAge = named ? drawPerpetratorAge(relationship, victimAge, rng) : null;

	let pChildren = CHILDREN_PRESENT_SHARE[deathType];
	if (victimAge >= 60) pChildren *= 0.2;
	const childrenPresent = rng.chance(pChildren);
	const multipleVictims = deathType === 'homicide-suicide' || rng.chance(MULTIPLE_VICTIMS_OTHER_SHARE);

	const factors = drawFactors(
		{ deathType, relationship, victimSex, victimAge, childrenPresent, deathYear, perpetratorKnown: named },
		rng
	);
	return { deathType, relationship, victimSex, victimAge, perpetratorSex, perpetratorAge, childrenPresent, multipleVictims, factors };
}

/** True when the case has the factor for any subject (or for the given one). */
export function hasFactor(c: ReviewCase, factor: FactorCode, subject?: Factor['subject']): boolean {
	return c.factors.some((f) => f.factor === factor && (subject === undefined || f.subject === subject));
}
