/**
 * The two questions a recommendation is tagged with, defined once:
 *
 * - **categories**: what kind of change it asks for. The Home Office DHR Library's eight
 *   recommendation categories, in the Library's (and ../shared/data/recs-dev/README.md's) order;
 *   a recommendation has one to four of them, and `other` is never combined with another;
 * - **topics**: what it is about, from the fixed list the real labelled set uses (none to three).
 *
 * Ids are plain lower-case codes, as elsewhere in the data model; `name` is how the Home Office (and
 * a labelled CSV) writes a category; `label` is for screens. `themes` maps a topic or category onto
 * the theme ids of data/themes.json, for the parts of the app that still speak in themes
 * (autoThemes in src/lib/import/autotheme.ts).
 */

export interface Category {
	id: string;
	/** As the Home Office DHR Library writes it (lower case), e.g. 'multi-agency working'. */
	name: string;
	label: string;
	/** What counts, in a line (from the labelled set's definitions). */
	description: string;
	/** Theme ids of data/themes.json this category stands for, if any. */
	themes: readonly string[];
}

export interface Topic {
	id: string;
	/** As the labelled CSVs write it, e.g. 'risk assessment and MARAC'. */
	name: string;
	label: string;
	themes: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
	{ id: 'technology_systems', name: 'technology systems', label: 'Technology systems', description: 'IT systems and their functions: forms, tasks, searches, alerts, access, IT barriers to sharing.', themes: ['case_systems'] },
	{ id: 'identification_of_risk', name: 'identification of risk', label: 'Identification of risk', description: 'Recognising abuse and assessing risk: DASH, MARAC criteria, screening, routine or safe enquiry, risk factors.', themes: [] },
	{ id: 'training', name: 'training', label: 'Training', description: 'Training, e-learning, briefings, reminding staff, passing learning to staff.', themes: ['workforce_training'] },
	{ id: 'policy', name: 'policy', label: 'Policy', description: 'Policies, procedures, protocols, guidance, pathways, strategies, standards, contracts, changes to law.', themes: [] },
	{ id: 'multi_agency_working', name: 'multi-agency working', label: 'Multi-agency working', description: 'Joint working, referrals between agencies, information-sharing protocols, MARAC and MASH, partnerships.', themes: [] },
	{ id: 'record_keeping', name: 'record keeping', label: 'Record keeping', description: 'Recording, case notes, completing and checking records, flags, documenting decisions.', themes: ['record_keeping'] },
	{ id: 'awareness_raising', name: 'awareness raising', label: 'Awareness raising', description: 'Public or community campaigns, information for victims or communities, explicit awareness work for staff.', themes: ['public_awareness'] },
	{ id: 'other', name: 'other', label: 'Other', description: 'None of the above (for example audit, or assurance that actions are done); never combined.', themes: [] }
];

/** The one category that is never combined with another. */
export const OTHER_CATEGORY = 'other';

export const TOPICS: readonly Topic[] = [
	{ id: 'risk_assessment_marac', name: 'risk assessment and MARAC', label: 'Risk assessment and MARAC', themes: ['risk_assessment'] },
	{ id: 'information_sharing', name: 'information sharing', label: 'Information sharing', themes: ['information_sharing'] },
	{ id: 'children', name: 'children', label: 'Children', themes: ['children_safeguarding'] },
	{ id: 'equality_diversity', name: 'equality and diversity', label: 'Equality and diversity', themes: ['equality_diversity'] },
	{ id: 'routine_enquiry', name: 'routine enquiry', label: 'Routine enquiry', themes: ['routine_enquiry'] },
	{ id: 'workforce_supervision', name: 'workforce and supervision', label: 'Workforce and supervision', themes: ['workforce_training'] },
	{ id: 'mental_health', name: 'mental health', label: 'Mental health', themes: ['mental_health'] },
	{ id: 'housing', name: 'housing', label: 'Housing', themes: ['housing'] },
	{ id: 'perpetrator_management', name: 'perpetrator management', label: 'Perpetrator management', themes: ['perpetrator_management'] },
	{ id: 'older_carers', name: 'older people and carers', label: 'Older people and carers', themes: ['older_carers'] },
	{ id: 'professional_curiosity', name: 'professional curiosity', label: 'Professional curiosity', themes: ['professional_curiosity'] },
	{ id: 'suicide_risk', name: 'suicide risk', label: 'Suicide risk', themes: ['mental_health'] },
	{ id: 'substance_misuse', name: 'substance misuse', label: 'Substance misuse', themes: ['substance_misuse'] },
	{ id: 'coercive_control', name: 'coercive control', label: 'Coercive control', themes: ['coercive_control'] }
];

export const CATEGORY_IDS: readonly string[] = CATEGORIES.map((c) => c.id);
export const TOPIC_IDS: readonly string[] = TOPICS.map((t) => t.id);

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
/** Other ways labelled files and trackers write a category or topic (compared after `norm`). */
const ALIASES: Record<string, readonly string[]> = {
	technology_systems: ['technology and systems', 'technology', 'systems', 'it systems', 'it', 'technology/it', 'information technology', 'case management systems'],
	identification_of_risk: ['risk identification', 'identifying risk', 'identification of risks', 'risk identification and assessment'],
	training: ['staff training', 'training and development', 'learning and development'],
	policy: ['policies', 'policy and procedure', 'policy and procedures', 'policies and procedures', 'procedure', 'procedures', 'policy/procedure', 'guidance'],
	multi_agency_working: ['multi agency', 'multiagency', 'multi-agency', 'partnership working', 'joint working', 'multi agency work'],
	record_keeping: ['recording', 'records', 'record-keeping', 'records management'],
	awareness_raising: ['raising awareness', 'awareness', 'awareness-raising'],
	other: ['others'],
	risk_assessment_marac: ['risk assessment', 'marac', 'risk assessment/marac', 'risk assessment & marac'],
	children: ['children and young people', 'child safeguarding', 'safeguarding children'],
	equality_diversity: ['equality, diversity and inclusion', 'diversity', 'equality', 'edi'],
	workforce_supervision: ['workforce', 'supervision'],
	older_carers: ['older people', 'carers', 'older people & carers'],
	perpetrator_management: ['perpetrators', 'perpetrator'],
	substance_misuse: ['substance use', 'drugs and alcohol', 'alcohol and drugs'],
	suicide_risk: ['suicide']
};
const keys = (x: { id: string; name: string }) => [x.id, x.name, ...(ALIASES[x.id] ?? [])].map((k) => [norm(k), x] as const);
const categoryByKey = new Map(CATEGORIES.flatMap(keys));
const topicByKey = new Map(TOPICS.flatMap(keys));

/** A category written any usual way ('Multi-Agency Working', 'multi_agency_working') -> its id; undefined when unknown. */
export const categoryId = (name: string): string | undefined => categoryByKey.get(norm(name))?.id;
/** A topic written any usual way -> its id; undefined when unknown. */
export const topicId = (name: string): string | undefined => topicByKey.get(norm(name))?.id;

export const categoryLabel = (id: string): string => CATEGORIES.find((c) => c.id === id)?.label ?? id;
export const topicLabel = (id: string): string => TOPICS.find((t) => t.id === id)?.label ?? id;
