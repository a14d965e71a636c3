/**
 * Which local agencies had contact with the victim or perpetrator, and so receive single-agency
 * recommendations. Police and GPs are involved in most reviews; others when the case calls for them
 * (mental health services after a suicide, Adult Social Care for an older victim, Children's
 * Services when children lived there, the recovery service where alcohol or drugs were a factor).
 * The weights are assumptions.
 */
import { COUNTY_AGENCIES, housingAgency, type Agency } from './agencies';
import { hasFactor, type ReviewCase } from './cases';
import type { Place } from './marlshire';
import type { Rng } from './random';

function involvementWeights(c: ReviewCase, place: Place): (readonly [Agency, number])[] {
	const a = COUNTY_AGENCIES;
	const suicide = c.deathType === 'suicide following domestic abuse';
	const older = c.victimAge >= 65 || c.deathType === 'adult family homicide';
	const substances = hasFactor(c, 'alcohol') || hasFactor(c, 'substance_misuse');
	return [
		[a.police, hasFactor(c, 'stalking') ? 13 : 10],
		[a.gp, 9],
		[a.mental_health, suicide || hasFactor(c, 'mental_health') ? 10 : 3],
		[a.hospital, 4],
		[a.ambulance, 2],
		[a.adult_social_care, older || hasFactor(c, 'disability') ? 8 : 2],
		[a.childrens_services, c.childrenPresent ? 8 : 1],
		[a.idva, 4],
		[a.probation, 2.5],
		[housingAgency(place), hasFactor(c, 'housing') ? 7 : 2.5],
		[a.recovery, substances ? 5 : 0.8],
		[a.college, c.victimAge < 25 ? 2 : 0.1],
		[a.fire, c.victimAge >= 65 ? 1 : 0.2],
		[a.employer, 0.3]
	];
}

/** 3-6 distinct agencies, in draw order (most "central" first, as weights favour them). */
export function drawInvolvedAgencies(c: ReviewCase, place: Place, rng: Rng): Agency[] {
	const pairs = involvementWeights(c, place);
	const k = rng.int(3, 6);
	return rng.weightedDistinct(pairs.map((p) => p[1]), k).map((i) => pairs[i][0]);
}
