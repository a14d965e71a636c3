/**
 * How likely each theme is for a recommendation, given who it is addressed to, the case and the
 * year. Three multipliers on a base prevalence:
 *  - agency affinity: police recommendations are about risk assessment and MARAC, GP ones about
 *    routine enquiry and records, and so on;
 *  - case factors: a stalking case produces stalking recommendations, a suicide mental-health ones,
 *    an adult family homicide ones about older victims and carers;
 *  - year: practice and law changed over the period, so trend views have something real to show
 *    (coercive control became an offence in December 2015; "professional curiosity" became a stock
 *    finding of reviews; recommendations about IT systems and flags became rarer as systems improved;
 *    economic abuse entered the statutory definition in the Domestic Abuse Act 2021; the Stalking
 *    Protection Act 2019 brought stalking protection orders). Trend sizes are assumptions.
 */
import type { AgencyKind } from './agencies';
import { hasFactor, type ReviewCase } from './cases';
import { THEME_IDS } from './theme-list';
import { THEME_WORDING } from './wording-themes';

/** Base prevalence of each theme among recommendations (assumption, shaped on DOMAIN.md's list). */
const BASE: Record<string, number> = {
	risk_assessment: 10,
	marac: 6,
	information_sharing: 10,
	professional_curiosity: 7,
	coercive_control: 6,
	routine_enquiry: 6,
	mental_health: 6,
	substance_misuse: 4,
	record_keeping: 7,
	case_systems: 5,
	housing: 4,
	children_safeguarding: 4,
	older_carers: 3,
	stalking: 2.5,
	economic_abuse: 2.5,
	perpetrator_management: 4,
	equality_diversity: 3,
	workforce_training: 8,
	public_awareness: 4,
	review_governance: 5
};

/** Agency affinity; themes not listed get the kind's default (1, or less for minor agencies). */
const AFFINITY: Record<AgencyKind, { default: number } & Record<string, number>> = {
	police: { default: 1, risk_assessment: 3, marac: 2, stalking: 2, perpetrator_management: 2.5, coercive_control: 1.8, case_systems: 1.3, record_keeping: 1.3, routine_enquiry: 0.3, mental_health: 0.5, older_carers: 0.5, housing: 0.2, economic_abuse: 0.6, children_safeguarding: 0.8, review_governance: 0.2, public_awareness: 0.3 },
	gp: { default: 1, routine_enquiry: 3, professional_curiosity: 2, mental_health: 2.2, record_keeping: 2, case_systems: 1.5, substance_misuse: 1.2, older_carers: 1.3, information_sharing: 1.3, marac: 1.2, risk_assessment: 1.2, perpetrator_management: 0.4, housing: 0.3, stalking: 0.4, review_governance: 0.2, public_awareness: 0.2 },
	mental_health: { default: 1, mental_health: 3.5, routine_enquiry: 2, risk_assessment: 1.5, professional_curiosity: 1.5, substance_misuse: 1.5, information_sharing: 1.3, record_keeping: 1.2, housing: 0.3, review_governance: 0.2, public_awareness: 0.2, stalking: 0.4 },
	hospital: { default: 1, routine_enquiry: 2.5, risk_assessment: 1.5, marac: 1.3, case_systems: 1.5, record_keeping: 1.3, older_carers: 1, housing: 0.2, perpetrator_management: 0.3, review_governance: 0.2, public_awareness: 0.2 },
	ambulance: { default: 1, information_sharing: 2, routine_enquiry: 1.5, record_keeping: 1.5, case_systems: 1.5, older_carers: 1.3, housing: 0.2, perpetrator_management: 0.2, economic_abuse: 0.3, review_governance: 0.2, public_awareness: 0.2 },
	adult_social_care: { default: 1, older_carers: 3.5, professional_curiosity: 2, economic_abuse: 1.5, equality_diversity: 1.5, information_sharing: 1.3, risk_assessment: 1.2, mental_health: 1.2, perpetrator_management: 0.4, stalking: 0.4, review_governance: 0.2, public_awareness: 0.3 },
	childrens_services: { default: 1, children_safeguarding: 4, professional_curiosity: 2, information_sharing: 1.5, coercive_control: 1.3, risk_assessment: 1.3, perpetrator_management: 1.2, older_carers: 0.1, review_governance: 0.2, public_awareness: 0.3 },
	idva: { default: 1, risk_assessment: 2.5, marac: 2.5, stalking: 1.5, economic_abuse: 1.5, coercive_control: 1.3, equality_diversity: 1.5, case_systems: 0.6, workforce_training: 0.7, review_governance: 0.3 },
	probation: { default: 1, perpetrator_management: 4, risk_assessment: 2, information_sharing: 1.5, marac: 1.2, record_keeping: 1.2, case_systems: 1.2, routine_enquiry: 0.2, older_carers: 0.3, public_awareness: 0.2, review_governance: 0.2 },
	housing: { default: 1, housing: 5, risk_assessment: 1.2, information_sharing: 1.2, equality_diversity: 1.2, routine_enquiry: 1.2, mental_health: 0.4, perpetrator_management: 0.5, review_governance: 0.2 },
	recovery: { default: 1, substance_misuse: 5, mental_health: 1.5, routine_enquiry: 1.5, risk_assessment: 1.2, housing: 0.5, review_governance: 0.2 },
	college: { default: 0.4, children_safeguarding: 1.5, public_awareness: 2, workforce_training: 1.5, routine_enquiry: 1.2, mental_health: 1.2 },
	fire: { default: 0.4, information_sharing: 2, older_carers: 2, public_awareness: 1.5, routine_enquiry: 1 },
	employer: { default: 0.3, public_awareness: 4, workforce_training: 2, economic_abuse: 1.2 },
	partnership: { default: 1, review_governance: 3, information_sharing: 2, marac: 1.5, public_awareness: 2, workforce_training: 1.5, equality_diversity: 1.3, coercive_control: 1.2, perpetrator_management: 1.2, routine_enquiry: 0.5, record_keeping: 0.5, case_systems: 0.6 },
	national: { default: 1, review_governance: 3, public_awareness: 1.5, perpetrator_management: 1.5, economic_abuse: 1.5, information_sharing: 1.5, stalking: 1.2, marac: 1.2, case_systems: 1.2, older_carers: 0.8, housing: 0.8 }
};

/** Year trend multiplier (year the review was completed). */
export function trend(theme: string, year: number): number {
	const t = year - 2011;
	switch (theme) {
		case 'coercive_control':
			return year < 2016 ? 0.35 : Math.min(1.6, 0.8 + 0.15 * (year - 2016));
		case 'professional_curiosity':
			return 0.4 + 0.08 * t;
		case 'case_systems':
			return Math.max(0.45, 1.6 - 0.075 * t);
		case 'record_keeping':
			return 1.3 - 0.035 * t;
		case 'stalking':
			return year >= 2019 ? 1.5 : 0.8;
		case 'economic_abuse':
			return year >= 2021 ? 1.8 : 0.6;
		case 'mental_health':
			return 0.7 + 0.04 * t;
		case 'marac':
			return 1.2 - 0.02 * t;
		default:
			return 1;
	}
}

/** Case-factor multiplier. */
function caseBoost(theme: string, c: ReviewCase): number {
	const iph = c.deathType === 'intimate partner homicide' || c.deathType === 'homicide-suicide';
	switch (theme) {
		case 'mental_health':
			return c.deathType === 'suicide following domestic abuse' ? 2.5 : hasFactor(c, 'mental_health') ? 1.3 : 0.5;
		case 'substance_misuse':
			return hasFactor(c, 'alcohol') || hasFactor(c, 'substance_misuse') ? 1.8 : 0.3;
		case 'stalking':
			return hasFactor(c, 'stalking') ? 5 : 0.15;
		case 'economic_abuse':
			return hasFactor(c, 'economic_abuse') ? 5 : 0.25;
		case 'older_carers':
			return c.deathType === 'adult family homicide' || c.victimAge >= 65 ? 4 : 0.3;
		case 'children_safeguarding':
			return c.childrenPresent ? 3 : 0.3;
		case 'housing':
			return hasFactor(c, 'housing') ? 3 : 0.6;
		case 'equality_diversity':
			return hasFactor(c, 'disability') || hasFactor(c, 'honour_based_abuse') || hasFactor(c, 'forced_marriage') ? 3 : 1;
		case 'coercive_control':
			return hasFactor(c, 'coercive_control') ? 1.5 : 0.5;
		case 'marac':
		case 'risk_assessment':
			return iph ? 1.3 : 1;
		default:
			return 1;
	}
}

/** Weights aligned with THEME_IDS. National recommendations only take themes with national wording. */
export function themeWeights(kind: AgencyKind, c: ReviewCase, year: number): number[] {
	const aff = AFFINITY[kind];
	return THEME_IDS.map((id) => {
		if (kind === 'national' && !THEME_WORDING[id]?.national) return 0;
		return (BASE[id] ?? 1) * (aff[id] ?? aff.default) * caseBoost(id, c) * trend(id, year);
	});
}
