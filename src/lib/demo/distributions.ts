/**
 * Shares and parameters the demo cases are drawn from, each tied to a published figure in
 * ../shared/docs/DOMAIN.md ("Published figures"). Where DOMAIN.md gives no number, the value is a
 * stated assumption, marked as such.
 */
import type { AGE_BANDS, DEATH_TYPES, RELATIONSHIPS, SEXES } from '../model/vocab';

export type DeathType = (typeof DEATH_TYPES)[number]['code'];
export type Sex = (typeof SEXES)[number]['code'];
export type Relationship = (typeof RELATIONSHIPS)[number]['code'];
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Deaths in 2022-23 reviews: 51% intimate partner homicide, 31% suicide, 18% adult family homicide
 * (Home Office, DOMAIN.md). Homicide-suicide and 'other' are not in that split; they take ~4% and
 * ~2% from the three (the VKPP count of 723 deaths has 18 'other').
 */
export const DEATH_TYPE_WEIGHTS: readonly (readonly [DeathType, number])[] = [
	['intimate partner homicide', 48],
	['suicide following domestic abuse', 29],
	['adult family homicide', 17],
	['homicide-suicide', 4],
	['other', 2]
];

/**
 * Share of female victims by death type. Overall target about 80% female (DOMAIN.md; the DHRD has
 * 469 F / 145 M / 5 unknown of 619 = 76%). Familial victims are more evenly split (mothers and
 * fathers killed by adult sons), which is why the IPH and suicide shares sit above 80%.
 */
export const FEMALE_VICTIM_SHARE: Record<DeathType, number> = {
	'intimate partner homicide': 0.87,
	'suicide following domestic abuse': 0.88,
	'adult family homicide': 0.56,
	'homicide-suicide': 0.92,
	other: 0.6
};
/** DHRD: 5 of 619 victims and 6 of 619 perpetrators of unknown sex (~1%). */
export const UNKNOWN_SEX_SHARE = 0.008;
/**
 * Perpetrators mostly male (DHRD 534 M / 79 F / 6 unknown = 86% male). In intimate partner cases a
 * woman's abuser is nearly always a man; a man's is more often another man than the bare sex split
 * suggests (assumed shares of same-sex partners, by victim sex).
 */
export const SAME_SEX_PARTNER_SHARE: Record<Sex, number> = { female: 0.02, male: 0.3, unknown: 0 };
/** Adult family homicide: perpetrators are mostly sons (assumption consistent with DHRD 86% male). */
export const FAMILY_PERPETRATOR_MALE_SHARE = 0.85;
/** Suicide reviews where no perpetrator is named: perpetrator sex and age left empty (assumption). */
export const SUICIDE_NO_PERPETRATOR_SHARE = 0.1;

/** Relationship of victim to perpetrator, consistent with the death type. */
export const RELATIONSHIP_WEIGHTS: Record<DeathType, readonly (readonly [Relationship, number])[]> = {
	'intimate partner homicide': [['current partner', 55], ['former partner', 45]],
	'suicide following domestic abuse': [['current partner', 40], ['former partner', 45], ['parent', 5], ['child', 5], ['other family', 5]],
	'adult family homicide': [['parent', 55], ['child', 15], ['sibling', 12], ['other family', 18]],
	'homicide-suicide': [['current partner', 72], ['former partner', 23], ['other family', 5]],
	other: [['other', 75], ['other family', 25]]
};

/**
 * Victim age (mean, sd) by relationship, then by death type. Mean victim age is about 41-45 and
 * familial victims older, mean 55-56 (DOMAIN.md): parents killed by adult children pull the familial
 * mean up (0.55 x 65 + 0.15 x 35 + 0.12 x 45 + 0.18 x 50 = 55.4). Suicide victims are assumed
 * younger than homicide victims.
 */
export const FAMILY_VICTIM_AGE: Partial<Record<Relationship, readonly [number, number]>> = {
	parent: [65, 13],
	child: [35, 12],
	sibling: [45, 14],
	'other family': [50, 18]
};
export const VICTIM_AGE: Record<DeathType, readonly [number, number]> = {
	'intimate partner homicide': [41, 13],
	'suicide following domestic abuse': [36, 12],
	'adult family homicide': [55, 18],
	'homicide-suicide': [52, 16],
	other: [40, 15]
};
/** Reviews cover deaths of people aged 16 and over (DOMAIN.md: "a person aged 16+"). */
export const MIN_AGE = 16;
export const MAX_AGE = 95;

/**
 * Children lived in the household: about 35-45% of cases (assumption, brief). Older victims rarely
 * have children at home, so the share falls with age.
 */
export const CHILDREN_PRESENT_SHARE: Record<DeathType, number> = {
	'intimate partner homicide': 0.55,
	'suicide following domestic abuse': 0.55,
	'adult family homicide': 0.15,
	'homicide-suicide': 0.55,
	other: 0.2
};

/**
 * More than one person died: DHRD 28 of 647 incidents had several victims (4.3%). Every
 * homicide-suicide has two deaths (4% of reviews), so other types get only a small share.
 */
export const MULTIPLE_VICTIMS_OTHER_SHARE = 0.005;

export function ageBand(age: number): AgeBand {
	if (age < 20) return '16-19';
	if (age < 25) return '20-24';
	if (age < 35) return '25-34';
	if (age < 45) return '35-44';
	if (age < 55) return '45-54';
	if (age < 65) return '55-64';
	return '65+';
}
