/**
 * The controlled vocabularies of the data model. Values stored in the tables are the `code`s
 * (plain lower-case words); labels are what the screen shows. Sources: the Home Office DHR
 * library's filters and the DHR statutory guidance, as summarised in ../shared/docs/DOMAIN.md.
 */

export interface Term<C extends string = string> {
	code: C;
	label: string;
}

export const REVIEW_TYPES = [
	{ code: 'DHR', label: 'Domestic Homicide Review' },
	{ code: 'DARDR', label: 'Domestic Abuse Related Death Review' }
] as const satisfies readonly Term[];

export const DEATH_TYPES = [
	{ code: 'intimate partner homicide', label: 'Intimate partner homicide' },
	{ code: 'adult family homicide', label: 'Adult family homicide' },
	{ code: 'suicide following domestic abuse', label: 'Suicide following domestic abuse' },
	{ code: 'homicide-suicide', label: 'Homicide-suicide' },
	{ code: 'other', label: 'Other' }
] as const satisfies readonly Term[];

export const SEXES = [
	{ code: 'female', label: 'Female' },
	{ code: 'male', label: 'Male' },
	{ code: 'unknown', label: 'Unknown' }
] as const satisfies readonly Term[];

/** Age bands used by the Home Office library and the DHRD. */
export const AGE_BANDS = ['16-19', '20-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

export const RELATIONSHIPS = [
	{ code: 'current partner', label: 'Current partner' },
	{ code: 'former partner', label: 'Former partner' },
	{ code: 'parent', label: 'Parent (victim was the parent)' },
	{ code: 'child', label: 'Child (victim was the adult child)' },
	{ code: 'sibling', label: 'Sibling' },
	{ code: 'other family', label: 'Other family member' },
	{ code: 'other', label: 'Other household member or acquaintance' }
] as const satisfies readonly Term[];

export const REGIONS = [
	'North East',
	'North West',
	'Yorkshire and The Humber',
	'East Midlands',
	'West Midlands',
	'East of England',
	'London',
	'South East',
	'South West',
	'Wales'
] as const;

export const SCOPES = [
	{ code: 'single-agency', label: 'Single-agency' },
	{ code: 'multi-agency', label: 'Multi-agency' },
	{ code: 'national', label: 'National' }
] as const satisfies readonly Term[];

export const STATUSES = [
	{ code: 'not started', label: 'Not started' },
	{ code: 'in progress', label: 'In progress' },
	{ code: 'completed', label: 'Completed' },
	{ code: 'not accepted', label: 'Not accepted' }
] as const satisfies readonly Term[];
export type Status = (typeof STATUSES)[number]['code'];

/** Sectors of the agencies that receive recommendations (Home Office DHR library). */
export const AGENCY_SECTORS = [
	{ code: 'police', label: 'Police' },
	{ code: 'adult social care', label: 'Adult social care' },
	{ code: "children's social care", label: "Children's social care" },
	{ code: 'health', label: 'Health services' },
	{ code: 'specialist domestic abuse service', label: 'IDVA / specialist domestic abuse service' },
	{ code: 'probation', label: 'Probation' },
	{ code: 'housing', label: 'Housing' },
	{ code: 'education', label: 'School / education' },
	{ code: 'employer', label: 'Employer' },
	{ code: 'religious institution', label: 'Religious institution' },
	{ code: 'military', label: 'Military' },
	{ code: 'community safety partnership', label: 'Community Safety Partnership' },
	{ code: 'national body', label: 'National body' },
	{ code: 'other', label: 'Other' }
] as const satisfies readonly Term[];

export const FACTOR_SUBJECTS = ['incident', 'victim', 'perpetrator'] as const;
export type FactorSubject = (typeof FACTOR_SUBJECTS)[number];

/**
 * Case factors (aggravating factors and vulnerabilities), stored long-form in `review_factors`.
 * `subjects` says to whom a factor can apply.
 */
export const FACTORS = [
	{ code: 'separation', label: 'Separation', subjects: ['incident'] },
	{ code: 'coercive_control', label: 'Coercive control', subjects: ['incident'] },
	{ code: 'stalking', label: 'Stalking', subjects: ['incident'] },
	{ code: 'forced_marriage', label: 'Forced marriage', subjects: ['incident'] },
	{ code: 'honour_based_abuse', label: 'Honour-based abuse', subjects: ['incident'] },
	{ code: 'sexual_abuse', label: 'Sexual abuse', subjects: ['incident'] },
	{ code: 'physical_abuse', label: 'Physical abuse', subjects: ['incident'] },
	{ code: 'emotional_abuse', label: 'Emotional / psychological abuse', subjects: ['incident'] },
	{ code: 'economic_abuse', label: 'Economic abuse', subjects: ['incident'] },
	{ code: 'children_present', label: 'Children in the household', subjects: ['incident'] },
	{ code: 'mental_health', label: 'Mental health', subjects: ['victim', 'perpetrator'] },
	{ code: 'alcohol', label: 'Alcohol', subjects: ['victim', 'perpetrator'] },
	{ code: 'substance_misuse', label: 'Substance misuse', subjects: ['victim', 'perpetrator'] },
	{ code: 'housing', label: 'Housing problems', subjects: ['victim', 'perpetrator'] },
	{ code: 'disability', label: 'Disability', subjects: ['victim', 'perpetrator'] },
	{ code: 'pregnancy', label: 'Pregnancy', subjects: ['victim'] }
] as const satisfies readonly (Term & { subjects: readonly FactorSubject[] })[];

/** Home Office DHR library recommendation categories; every theme belongs to one. */
export const THEME_CATEGORIES = [
	{ code: 'technology systems', label: 'Technology systems' },
	{ code: 'identification of risk', label: 'Identification of risk' },
	{ code: 'training', label: 'Training' },
	{ code: 'policy', label: 'Policy' },
	{ code: 'multi-agency working', label: 'Multi-agency working' },
	{ code: 'record keeping', label: 'Record keeping' },
	{ code: 'awareness raising', label: 'Awareness raising' },
	{ code: 'other', label: 'Other' }
] as const satisfies readonly Term[];

export function labelOf(terms: readonly Term[], code: string | null | undefined): string {
	if (code == null) return 'Not recorded';
	return terms.find((t) => t.code === code)?.label ?? code;
}
