/**
 * The agencies that receive recommendations and lead actions in Marlshire. All names are fictional
 * (national departments excepted: national recommendations go to them). Each agency has a sector
 * code from vocab AGENCY_SECTORS, the words its recommendations use for its staff, the roles that
 * own its actions, and a speed factor: boards chasing action plans see some agencies close actions
 * much more slowly than others, and the dashboard's "by agency" views need that to show.
 */
import type { AGENCY_SECTORS } from '../model/vocab';
import { COUNTY, partnershipName, type Place } from './marlshire';

export type AgencySector = (typeof AGENCY_SECTORS)[number]['code'];

/** What kind of service an agency is; wording and theme affinities are keyed by it. */
export type AgencyKind =
	| 'police'
	| 'gp'
	| 'mental_health'
	| 'hospital'
	| 'ambulance'
	| 'adult_social_care'
	| 'childrens_services'
	| 'idva'
	| 'probation'
	| 'housing'
	| 'recovery'
	| 'college'
	| 'fire'
	| 'employer'
	| 'partnership'
	| 'national';

export interface Agency {
	name: string;
	/** The name as the subject of a sentence: 'The Home Office', 'Marlshire Police'. */
	subject: string;
	/** How text refers to it after first mention, e.g. 'the Trust'. */
	short: string;
	sector: AgencySector;
	kind: AgencyKind;
	/** Its front-line staff, as the subject of a sentence: 'officers', 'GPs and practice nurses'. */
	staff: string;
	/** Roles that own its actions (never a person's name). */
	roles: readonly string[];
	/** Multiplier on the time it takes to complete an action: 1 average, > 1 slower. */
	speed: number;
}

const county = (kind: AgencyKind, a: Omit<Agency, 'kind' | 'subject'> & { subject?: string }): Agency => ({
	kind,
	...a,
	subject: a.subject ?? a.name
});

/** County-wide agencies, one each. */
export const COUNTY_AGENCIES: Record<Exclude<AgencyKind, 'housing' | 'partnership' | 'national'>, Agency> = {
	police: county('police', {
		name: `${COUNTY} Police`,
		short: 'the force',
		sector: 'police',
		staff: 'officers and staff',
		roles: ['Head of Public Protection', 'Detective Chief Inspector, Safeguarding', 'Domestic Abuse Lead, Public Protection Unit', 'Head of Learning and Development', 'Force Control Room Manager'],
		speed: 0.9
	}),
	gp: county('gp', {
		name: `${COUNTY} Integrated Care Board (GP practices)`,
		subject: `${COUNTY} Integrated Care Board`,
		short: 'the ICB',
		sector: 'health',
		staff: 'GPs and practice nurses',
		roles: ['Named GP for Safeguarding', 'Designated Nurse for Safeguarding Adults', 'Head of Safeguarding, ICB', 'Primary Care Safeguarding Lead'],
		speed: 1.15
	}),
	mental_health: county('mental_health', {
		name: `${COUNTY} Partnership NHS Foundation Trust (mental health)`,
		subject: `${COUNTY} Partnership NHS Foundation Trust`,
		short: 'the Trust',
		sector: 'health',
		staff: 'mental health clinicians',
		roles: ['Associate Director of Safeguarding', 'Named Nurse for Safeguarding Adults', 'Clinical Director, Community Mental Health', 'Crisis Team Manager'],
		speed: 1.35
	}),
	hospital: county('hospital', {
		name: `${COUNTY} Hospitals NHS Trust`,
		short: 'the Trust',
		sector: 'health',
		staff: 'emergency department and ward staff',
		roles: ['Head of Safeguarding', 'Named Nurse for Safeguarding Adults', 'Emergency Department Matron', 'Hospital IDVA Lead'],
		speed: 1.1
	}),
	ambulance: county('ambulance', {
		name: 'Shire Ambulance Service NHS Trust',
		short: 'the ambulance service',
		sector: 'health',
		staff: 'ambulance crews and call handlers',
		roles: ['Head of Safeguarding', 'Safeguarding Practitioner Lead', 'Clinical Education Manager'],
		speed: 0.95
	}),
	adult_social_care: county('adult_social_care', {
		name: `${COUNTY} County Council Adult Social Care`,
		short: 'Adult Social Care',
		sector: 'adult social care',
		staff: 'social workers and care assessors',
		roles: ['Principal Social Worker (Adults)', 'Head of Adult Safeguarding', 'Service Manager, Adult Social Care', 'Safeguarding Adults Board Business Manager'],
		speed: 1.25
	}),
	childrens_services: county('childrens_services', {
		name: `${COUNTY} County Council Children's Services`,
		short: "Children's Services",
		sector: "children's social care",
		staff: "children's social workers",
		roles: ['Principal Social Worker (Children)', 'Head of Service, Safeguarding and Quality Assurance', 'MASH Team Manager', 'Designated Safeguarding Lead for Education'],
		speed: 1.0
	}),
	idva: county('idva', {
		name: `${COUNTY} Women's Aid (IDVA service)`,
		subject: `${COUNTY} Women's Aid`,
		short: 'the IDVA service',
		sector: 'specialist domestic abuse service',
		staff: 'IDVAs and outreach workers',
		roles: ['IDVA Service Manager', 'Chief Executive', 'Head of Services'],
		speed: 0.8
	}),
	probation: county('probation', {
		name: `Probation Service (${COUNTY})`,
		subject: `The Probation Service in ${COUNTY}`,
		short: 'the Probation Service',
		sector: 'probation',
		staff: 'probation practitioners',
		roles: ['Head of Probation Delivery Unit', 'Senior Probation Officer', 'Head of Public Protection (Probation)'],
		speed: 1.45
	}),
	recovery: county('recovery', {
		name: `${COUNTY} Recovery Partnership (drug and alcohol)`,
		subject: `${COUNTY} Recovery Partnership`,
		short: 'the recovery service',
		sector: 'health',
		staff: 'recovery workers',
		roles: ['Service Manager', 'Clinical Lead', 'Safeguarding Lead, Recovery Partnership'],
		speed: 1.1
	}),
	college: county('college', {
		name: `${COUNTY} College`,
		short: 'the College',
		sector: 'education',
		staff: 'tutors and student support staff',
		roles: ['Designated Safeguarding Lead', 'Head of Student Services'],
		speed: 0.9
	}),
	fire: county('fire', {
		name: `${COUNTY} Fire and Rescue Service`,
		short: 'the fire service',
		sector: 'other',
		staff: 'fire safety officers',
		roles: ['Head of Prevention', 'Safeguarding Lead, Fire and Rescue'],
		speed: 0.85
	}),
	employer: county('employer', {
		name: `${COUNTY} County Council (as employer)`,
		subject: `${COUNTY} County Council, as an employer,`,
		short: 'the Council',
		sector: 'employer',
		staff: 'line managers',
		roles: ['Head of Human Resources', 'Employee Wellbeing Manager'],
		speed: 1.0
	})
};

/** The district council's housing service for a place. */
export function housingAgency(place: Place): Agency {
	return {
		kind: 'housing',
		name: `${place.name} District Council Housing`,
		subject: `${place.name} District Council Housing`,
		short: 'the housing service',
		sector: 'housing',
		staff: 'housing officers',
		roles: ['Housing Options Manager', 'Tenancy Services Manager', 'Head of Housing'],
		speed: place.housingSpeed
	};
}

/** The partnership itself, addressee of multi-agency recommendations. Partnerships are slow owners. */
export function partnershipAgency(place: Place): Agency {
	return {
		kind: 'partnership',
		name: partnershipName(place),
		subject: `The ${partnershipName(place)}`,
		short: 'the Partnership',
		sector: 'community safety partnership',
		staff: 'partner agencies',
		roles: ['Community Safety Partnership Manager', 'Chair of the DHR Standing Panel', 'Domestic Abuse Partnership Manager'],
		speed: 1.3
	};
}

/**
 * National bodies. National recommendations are the slowest to close: of 110 national
 * recommendations from 2019-2021 reviews only 25% were fully implemented when assessed in 2025
 * (DOMAIN.md), hence the large speed factors. Most go to the Home Office (DOMAIN.md); the others
 * get the themes in their remit (nationalAgencyFor).
 */
const NATIONAL_AGENCIES: readonly Agency[] = [
	{ kind: 'national', name: 'Home Office', subject: 'The Home Office', short: 'the Home Office', sector: 'national body', staff: 'policy officials', roles: ['Policy Lead, Domestic Homicide Reviews', 'Head of Domestic Abuse Policy'], speed: 1.8 },
	{ kind: 'national', name: 'Department of Health and Social Care', subject: 'The Department of Health and Social Care', short: 'the Department', sector: 'national body', staff: 'policy officials', roles: ['Policy Lead, Safeguarding'], speed: 1.8 },
	{ kind: 'national', name: 'Ministry of Justice', subject: 'The Ministry of Justice', short: 'the Ministry', sector: 'national body', staff: 'policy officials', roles: ['Policy Lead, Victims'], speed: 1.9 },
	{ kind: 'national', name: 'Department for Work and Pensions', subject: 'The Department for Work and Pensions', short: 'the Department', sector: 'national body', staff: 'work coaches', roles: ['Policy Lead, Vulnerable Claimants'], speed: 2.0 },
	{ kind: 'national', name: 'Ministry of Housing, Communities and Local Government', subject: 'The Ministry of Housing, Communities and Local Government', short: 'the Ministry', sector: 'national body', staff: 'policy officials', roles: ['Policy Lead, Homelessness'], speed: 1.9 }
];

function national(name: string): Agency {
	const a = NATIONAL_AGENCIES.find((x) => x.name === name);
	if (!a) throw new Error(`Unknown national body ${name}`);
	return a;
}

/** Which department a national recommendation on a theme goes to: its remit, or the Home Office. */
const NATIONAL_REMIT: Record<string, readonly string[]> = {
	mental_health: ['Department of Health and Social Care'],
	substance_misuse: ['Department of Health and Social Care'],
	older_carers: ['Department of Health and Social Care', 'Home Office'],
	economic_abuse: ['Department for Work and Pensions', 'Home Office'],
	perpetrator_management: ['Ministry of Justice', 'Home Office'],
	stalking: ['Home Office', 'Ministry of Justice'],
	housing: ['Ministry of Housing, Communities and Local Government'],
	workforce_training: ['Home Office', 'Department of Health and Social Care']
};

export function nationalAgencyFor(theme: string, pick: <T>(xs: readonly T[]) => T): Agency {
	return national(pick(NATIONAL_REMIT[theme] ?? ['Home Office']));
}
