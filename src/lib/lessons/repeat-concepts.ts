/**
 * What a recommendation asks for, as features that survive rewording: its content-word stems plus
 * the CONCEPTS of this field that its words name ("GP" and "primary care" and "general practice" are
 * one concept; "routine enquiry", "ask about abuse", "screening questions" another). Reworded repeats
 * share few words (most pairs of the same change share under a fifth of their content words) but
 * share their concepts. The map below is written by hand from the field's own vocabulary (the Home
 * Office categories, the DHR topics, the agencies that receive recommendations), not fitted to data.
 *
 * A recommendation is read in three parts: its words, the SUBJECTS it names (what is to change or
 * for whom: GPs, interpreters, housing) and the ACTIONS it asks for (train, write a policy, share
 * information, refer, audit, raise awareness). Each part is a TF-IDF vector (binary term frequency;
 * inverse document frequency over the recommendations being compared, so stock words of a dataset
 * weigh little); two recommendations are compared by the weighted sum of the cosines of their parts
 * (`PART_WEIGHTS`), so an ask on the same subject with another action scores low. When both are
 * addressed to known agency types that differ (police against health, say), the similarity is
 * multiplied by `OTHER_AGENCY_FACTOR`: the same change asked of another kind of agency is a weaker repeat.
 * The weights and the threshold were chosen by grouped cross-validation on real pairs
 * (`npm run eval:repeats`; data/eval/repeats-results.json).
 */
import { tokenize } from './tokens';

export interface Concept {
	id: string;
	/** How the page names it ("asking about abuse"). */
	label: string;
	/** Word sequences that name it, matched on Porter stems ("primary care" also matches "primary-care"). */
	phrases: string[];
	/**
	 * An action is the kind of change asked for (train, write a policy, share information, refer,
	 * audit, raise awareness…); the other concepts say what is to change or for whom (GPs, interpreters,
	 * housing…). The two are compared apart: two asks on one subject with different actions are
	 * different changes.
	 */
	action?: true;
}

/** The concept map. Phrases are plain words; each is matched by its stems, so "asked" finds "ask". */
export const CONCEPTS: readonly Concept[] = [
	{ id: 'gp', label: 'GP or primary care', phrases: ['gp', 'gps', 'general practice', 'general practices', 'general practitioner', 'primary care', 'practice nurse', 'iris'] },
	// Asking and recognising are one concept: the Home Office's "identification of risk" covers both (routine or
	// safe enquiry, screening, knowing the signs and risk factors); IRIS is identification and referral in general practice.
	{ id: 'identify', label: 'identifying abuse (asking, recognising)', phrases: ['routine enquiry', 'selective enquiry', 'targeted enquiry', 'enquire', 'enquiry', 'enquiries', 'ask', 'asking', 'question', 'questions', 'questioned', 'screening', 'screen', 'identification', 'recognise', 'recognising', 'identify', 'identifying', 'spot', 'signs', 'indicators', 'risk factors', 'aware of', 'iris'], action: true },
	{ id: 'alone', label: 'seeing the person alone', phrases: ['seen alone', 'on their own', 'on her own', 'on his own', 'alone', 'without the partner', 'accompanied', 'in private', 'privately'] },
	{ id: 'interpreter', label: 'interpreters and language', phrases: ['interpreter', 'interpreters', 'interpreting', 'translator', 'translators', 'translation', 'translate', 'language barrier', 'language', 'languages', 'first language'] },
	{ id: 'sharing', label: 'sharing information', phrases: ['information sharing', 'share information', 'sharing information', 'shared information', 'sharing of information', 'data sharing', 'share data', 'golden rules', 'data protection', 'share', 'sharing'], action: true },
	{ id: 'policy', label: 'a policy, procedure or protocol', phrases: ['policy', 'policies', 'procedure', 'procedures', 'protocol', 'protocols', 'guidance', 'guidelines', 'pathway', 'pathways', 'strategy', 'strategies', 'framework', 'standard operating'], action: true },
	{ id: 'training', label: 'training or briefing staff', phrases: ['training', 'train', 'trained', 'e learning', 'elearning', 'briefing', 'briefings', 'remind', 'reminded', 'refresh', 'workshop', 'workshops', 'education', 'cpd', 'upskill'], action: true },
	{ id: 'learning', label: "passing on the review's learning", phrases: ['learning', 'lessons', 'disseminate', 'disseminated', 'dissemination', 'cascade', 'cascaded'], action: true },
	{ id: 'risk', label: 'risk assessment', phrases: ['risk assessment', 'risk assessments', 'assess risk', 'assessing risk', 'dash', 'ric', 'risk identification checklist', 'risk', 'risks'] },
	{ id: 'marac', label: 'MARAC or MASH', phrases: ['marac', 'maracs', 'mash', 'multi agency risk assessment conference', 'multi agency safeguarding hub'] },
	// Referring is an action; the services referred to are a subject of their own.
	{ id: 'referral', label: 'referral to specialist support', phrases: ['refer', 'referral', 'referrals', 'referred', 'signpost', 'signposting', 'signposted'], action: true },
	{ id: 'specialist', label: 'specialist domestic abuse services', phrases: ['specialist service', 'specialist services', 'specialist domestic abuse', 'idva', 'idvas', 'advocate', 'advocacy', 'victim support', 'support service', 'support services', 'outreach'] },
	{ id: 'awareness', label: 'awareness and information for the public', phrases: ['awareness', 'campaign', 'campaigns', 'leaflet', 'leaflets', 'helpline', 'helplines', 'publicity', 'media', 'posters', 'public awareness', 'members of the public', 'general public', 'information about domestic abuse', 'routes to support', 'where to seek help', 'where to get help'], action: true },
	{ id: 'community', label: 'communities', phrases: ['community', 'communities', 'diverse', 'cultural', 'culture', 'minoritised', 'ethnic', 'faith', 'students'] },
	{ id: 'record', label: 'recording', phrases: ['record', 'records', 'recording', 'recorded', 'document', 'documented', 'documenting', 'documentation', 'case notes', 'notes', 'flag', 'flags', 'alert', 'alerts'], action: true },
	{ id: 'supervision', label: 'supervision and management oversight', phrases: ['supervision', 'supervisory', 'supervisor', 'supervisors', 'line manager', 'line managers', 'management oversight', 'oversight'], action: true },
	{ id: 'audit', label: 'audit and assurance', phrases: ['audit', 'audits', 'audited', 'dip sample', 'dip samples', 'assurance', 'assure', 'assured', 'compliance', 'monitor', 'monitors', 'monitoring'], action: true },
	{ id: 'curiosity', label: 'professional curiosity', phrases: ['professional curiosity', 'curiosity', 'curious'] },
	{ id: 'carer', label: 'carers', phrases: ['carer', 'carers', 'caring', 'carers assessment', 'carer assessment'] },
	{ id: 'older', label: 'older people', phrases: ['older people', 'older person', 'older victims', 'elderly', 'dementia'] },
	{ id: 'children', label: 'children and the whole family', phrases: ['child', 'children', 'childrens', 'young people', 'whole family', 'think family', 'family approach', 'unborn', 'pre birth', 'parents', 'parenting', 'new birth'] },
	{ id: 'mental', label: 'mental health', phrases: ['mental health', 'depression', 'psychological', 'psychiatric', 'crisis team', 'inpatient', 'talking therapies'] },
	{ id: 'suicide', label: 'suicide risk', phrases: ['suicide', 'suicidal', 'self harm', 'self-harm'] },
	{ id: 'substance', label: 'alcohol and drugs', phrases: ['alcohol', 'drug', 'drugs', 'substance', 'substances', 'substance misuse', 'intoxicated', 'under the influence'] },
	{ id: 'housing', label: 'housing', phrases: ['housing', 'landlord', 'landlords', 'tenancy', 'tenant', 'tenants', 'homeless', 'homelessness', 'accommodation', 'property'] },
	{ id: 'contact', label: 'keeping in contact with the victim', phrases: ['maintain contact', 'maintaining contact', 'follow up', 'followed up', 'call', 'telephone', 'contactable', 'contact arrangements', 'keep in contact', 'keep in touch', 'make contact'], action: true },
	{ id: 'perpetrator', label: 'the perpetrator', phrases: ['perpetrator', 'perpetrators', 'offender', 'offenders', 'bail', 'bail conditions'] },
	{ id: 'firearms', label: 'firearms licensing', phrases: ['firearm', 'firearms', 'shotgun', 'shotguns', 'certificate'] },
	{ id: 'review', label: 'the review process', phrases: ['domestic homicide review', 'domestic homicide reviews', 'dhr', 'dhrs', 'ohr', 'review process', 'review panel', 'timescales'] },
	{ id: 'law', label: 'the law or statutory definition', phrases: ['statutory definition', 'definition', 'law', 'laws', 'legislation', 'statutory guidance', 'amend'], action: true },
	{ id: 'coercive', label: 'coercive control', phrases: ['coercive control', 'coercive', 'controlling behaviour', 'coercion'] },
	{ id: 'discharge', label: 'discharge from care', phrases: ['discharge', 'discharged', 'absent without leave', 'self discharge'] },
	{ id: 'joint', label: 'working together across agencies', phrases: ['multi agency', 'multiagency', 'inter agency', 'joint', 'jointly', 'partnership working', 'working together', 'work with', 'work together'], action: true },
	{ id: 'commissioning', label: 'commissioning and resources', phrases: ['commission', 'commissioned', 'commissioning', 'commissioners', 'contract', 'contracts', 'contractual', 'funding', 'funded', 'resource', 'resources', 'resourced'], action: true }
];

/**
 * How much each part of the comparison counts (they add up to 1): the words two recommendations
 * share, the subjects they name (concepts that are not actions) and the actions they ask for.
 * Chosen with the threshold by grouped cross-validation on real pairs (data/eval/repeats-results.json):
 * the action weighs most, because two asks on one subject with different actions are different changes.
 */
export const PART_WEIGHTS: Readonly<Record<Part, number>> = { words: 0.3, subject: 0.2, action: 0.5 };
/** Similarity kept when both agencies are of known, different types. */
export const OTHER_AGENCY_FACTOR = 0.5;
/**
 * Two recommendations ask for the same change at or above this similarity (grouped cross-validation
 * figures in data/eval/repeats-results.json).
 */
export const REPEAT_THRESHOLD = 0.21;

export const conceptLabel = (id: string): string => CONCEPTS.find((c) => c.id === id)?.label ?? id;

/**
 * Words that carry no ask: articles, modals, and the boilerplate a recommendation opens with ("X should
 * ensure that", "must make sure", "it is recommended that", "should take steps to", "should be able to
 * demonstrate", "should satisfy itself that").
 */
export const STOP = new Set(
	(
		'a an the and or but of to in on for with by at from as that this these those is are was were be been being it its ' +
		'their they them there here which who whom whose what when where whether while so such than then also any all each ' +
		'every both either other into onto within without about after before over under between through should must will ' +
		'would shall can could may might ensure ensures ensuring recommend recommended recommendation recommendations ' +
		'make sure take steps able demonstrate satisfy itself strengthen has have had do does did not no if how his her he she ' +
		'there need needs there needed more most very well including include includes includ via per one two three' +
		' domestic abuse violence dva victim victims'
	).split(' ')
);

interface Phrase {
	stems: string[];
	concept: string;
}

/** Phrases indexed by their first stem, longest first (so "risk assessment" wins over "risk"). */
let phraseIndex: Map<string, Phrase[]> | null = null;
function phrases(): Map<string, Phrase[]> {
	if (phraseIndex) return phraseIndex;
	const index = new Map<string, Phrase[]>();
	for (const c of CONCEPTS) {
		for (const p of c.phrases) {
			const stems = tokenize(p).map((t) => t.stem);
			if (!stems.length) continue;
			const list = index.get(stems[0]) ?? [];
			list.push({ stems, concept: c.id });
			index.set(stems[0], list);
		}
	}
	for (const list of index.values()) list.sort((a, b) => b.stems.length - a.stems.length);
	return (phraseIndex = index);
}

export interface Features {
	/** Content-word stems (unique), without the words of the agency's own name. */
	stems: string[];
	/** Concept ids (unique) named by the text. */
	concepts: string[];
	/** A word as written for each stem, for showing why two match. */
	words: Map<string, string>;
}

const ownCache = new Map<string, Set<string>>();
function ownStems(agency: string | null): Set<string> {
	if (!agency) return new Set();
	let s = ownCache.get(agency);
	if (!s) {
		s = new Set(tokenize(agency).map((t) => t.stem));
		// The agency's name is left out of the words (its concepts still count: they are read from all the words).
		if (ownCache.size < 10_000) ownCache.set(agency, s);
	}
	return s;
}

/** The words and concepts of one recommendation. */
export function features(text: string, agency: string | null = null): Features {
	const toks = tokenize(text.replace(/[-‐–]/g, ' '));
	const own = ownStems(agency);
	const stems = new Set<string>();
	const words = new Map<string, string>();
	const concepts = new Set<string>();
	const idx = phrases();
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i];
		const list = idx.get(t.stem);
		if (list) {
			for (const p of list) {
				let ok = true;
				for (let k = 1; k < p.stems.length && ok; k++) ok = toks[i + k]?.stem === p.stems[k];
				if (ok) {
					concepts.add(p.concept);
					break;
				}
			}
		}
		if (STOP.has(t.raw) || /^\d+$/.test(t.raw) || t.raw.length < 2 || own.has(t.stem)) continue;
		stems.add(t.stem);
		if (!words.has(t.stem)) words.set(t.stem, t.raw);
	}
	return { stems: [...stems], concepts: [...concepts], words };
}

export type AgencyType = 'police' | 'health' | 'social care' | 'housing' | 'probation' | 'specialist' | 'education' | 'national' | 'any';

const AGENCY_RULES: [AgencyType, RegExp][] = [
	['any', /\b(all|multiple|multi-?)\s*agenc|\bpartners\b|community safety partnership|\bcsp\b|safeguarding (adults |children )?(board|partnership)|steering group/i],
	['national', /department (of|for) health|\bdhsc\b/i],
	// NHS England and the commissioners of health services ask health services: the same kind as a GP practice or a trust.
	['health', /\bnhs\b|health|hospital|ambulance|\bgps?\b|general practi|primary care|\bccgs?\b|clinical commissioning|integrated care|\bicb\b/i],
	['national', /home office|government|department (of|for)|\bdwp\b|ministry|mopac|police and crime commissioner|\bopcc\b|college of policing|national/i],
	['police', /police|constabulary|\bofficers?\b/i],
	['probation', /probation|\bcrc\b|youth offending/i],
	['housing', /housing|homes\b|landlord|tenancy/i],
	['specialist', /women'?s aid|refuge|\bidva|domestic abuse service|victim support|outreach/i],
	['education', /universit|school|college/i],
	['social care', /social care|social services|children'?s services|social work|council|local authority|\bla\b|homecare/i],
	['health', /\bnhs\b|trust\b|health|hospital|ambulance|\bemas\b|\bgps?\b|general practi|primary care|\bccgs?\b|clinical commissioning|integrated care|\bicb\b|mental|kmpt|lnwuht|nthft|\blft\b|\bghc\b|pharmac|midwi/i]
];

const typeCache = new Map<string, AgencyType | null>();
/** The kind of agency a recommendation is addressed to, from its agency's name; null when not known. */
export function agencyType(agency: string | null): AgencyType | null {
	if (!agency) return null;
	let t = typeCache.get(agency);
	if (t === undefined) {
		t = AGENCY_RULES.find(([, re]) => re.test(agency))?.[0] ?? null;
		if (typeCache.size < 10_000) typeCache.set(agency, t);
	}
	return t;
}

/** Whether two agency types may receive the same ask at full weight (unknown and "all agencies" fit any). */
export function sameAgencyKind(a: AgencyType | null, b: AgencyType | null): boolean {
	return a == null || b == null || a === 'any' || b === 'any' || a === b;
}

export type Part = 'words' | 'subject' | 'action';
export const PARTS: readonly Part[] = ['words', 'subject', 'action'];

export interface RepeatWeights {
	/** Weights of the three parts (PART_WEIGHTS by default). */
	parts?: Readonly<Record<Part, number>>;
	otherAgencyFactor?: number;
}

const ACTIONS = new Set(CONCEPTS.filter((c) => c.action).map((c) => c.id));
export const isAction = (concept: string): boolean => ACTIONS.has(concept);

/** Feature keys of a recommendation: stems as they are, subjects as 'c:' + id, actions as 'a:' + id. */
export function featureKeys(f: Features): string[] {
	return [...f.stems, ...f.concepts.map((c) => (ACTIONS.has(c) ? `a:${c}` : `c:${c}`))];
}

export const partOf = (key: string): Part => (key.startsWith('a:') ? 'action' : key.startsWith('c:') ? 'subject' : 'words');

/**
 * Document frequencies over a set of recommendations' features, and the IDF weight they give a key:
 * log((N + 1) / (df + 1)) + 1, so a key in every text still weighs a little, a rare one a lot.
 */
export class Idf {
	readonly df = new Map<string, number>();
	n = 0;
	add(keys: readonly string[]): void {
		this.n++;
		for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
	}
	weight(key: string): number {
		return Math.log((this.n + 1) / ((this.df.get(key) ?? 0) + 1)) + 1;
	}
}

/** A unit vector: keys ascending by number, and their weights. */
export interface Vec {
	keys: Int32Array;
	weights: Float64Array;
}

/** A recommendation for comparing: one unit vector per part (an empty one when it has none of that part). */
export type Rep = Record<Part, Vec>;

const EMPTY: Vec = { keys: new Int32Array(0), weights: new Float64Array(0) };

/** The three unit vectors of a recommendation from its numbered keys (`partOfKey` says each one's part; `weightOf` its IDF). */
export function represent(keys: Int32Array, partOfKey: (k: number) => Part, weightOf: (k: number) => number): Rep {
	const rep: Rep = { words: EMPTY, subject: EMPTY, action: EMPTY };
	for (const part of PARTS) {
		const mine = keys.filter((k) => partOfKey(k) === part);
		if (!mine.length) continue;
		const weights = Float64Array.from(mine, weightOf);
		const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) || 1;
		for (let j = 0; j < weights.length; j++) weights[j] /= norm;
		rep[part] = { keys: mine, weights };
	}
	return rep;
}

/** Cosine of two unit vectors with ascending keys (a merge). */
export function dot(a: Vec, b: Vec): number {
	let i = 0;
	let j = 0;
	let s = 0;
	const ak = a.keys;
	const bk = b.keys;
	while (i < ak.length && j < bk.length) {
		if (ak[i] === bk[j]) s += a.weights[i++] * b.weights[j++];
		else if (ak[i] < bk[j]) i++;
		else j++;
	}
	return s;
}

/**
 * Similarity in [0, 1] of two recommendations: the weighted mean of the cosines of their parts,
 * over the parts at least one of them has (two asks that name no action are compared on the rest).
 */
export function similarity(a: Rep, b: Rep, parts: Readonly<Record<Part, number>> = PART_WEIGHTS): number {
	let s = 0;
	let w = 0;
	for (const p of PARTS) {
		if (!a[p].keys.length && !b[p].keys.length) continue; // a part neither has says nothing
		s += parts[p] * dot(a[p], b[p]);
		w += parts[p];
	}
	return w ? s / w : 0;
}

/** What two recommendations share, for the page: concept labels and words as written. */
export function shared(a: Features, b: Features): { concepts: string[]; words: string[] } {
	const bc = new Set(b.concepts);
	const bs = new Set(b.stems);
	return {
		concepts: a.concepts.filter((c) => bc.has(c)).map(conceptLabel),
		words: a.stems.filter((s) => bs.has(s)).map((s) => a.words.get(s) ?? s)
	};
}

/**
 * Similarity of pairs of texts, with IDF over `corpus` (the texts being compared; by default the
 * pair's own texts). For the evaluation and for tests; the finder computes the same thing in bulk.
 */
export class PairScorer {
	private idf = new Idf();
	private cache = new Map<string, Features>();
	private ids = new Map<string, number>();
	private keyOf: string[] = [];
	constructor(
		corpus: readonly { text: string; agency?: string | null }[],
		private weights: RepeatWeights = {}
	) {
		for (const r of corpus) this.idf.add(featureKeys(this.feat(r.text, r.agency ?? null)));
	}
	private feat(text: string, agency: string | null): Features {
		const k = `${agency ?? ''}\u0000${text}`;
		let f = this.cache.get(k);
		if (!f) this.cache.set(k, (f = features(text, agency)));
		return f;
	}
	private id(key: string): number {
		let i = this.ids.get(key);
		if (i === undefined) {
			this.ids.set(key, (i = this.keyOf.length));
			this.keyOf.push(key);
		}
		return i;
	}
	rep(text: string, agency: string | null = null): Rep {
		const keys = Int32Array.from(featureKeys(this.feat(text, agency)).map((k) => this.id(k))).sort();
		return represent(keys, (k) => partOf(this.keyOf[k]), (k) => this.idf.weight(this.keyOf[k]));
	}
	/** Similarity in [0, 1] of two recommendations, the agency factor applied. */
	score(a: string, b: string, agencyA: string | null = null, agencyB: string | null = null): number {
		let s = similarity(this.rep(a, agencyA), this.rep(b, agencyB), this.weights.parts ?? PART_WEIGHTS);
		if (!sameAgencyKind(agencyType(agencyA), agencyType(agencyB))) s *= this.weights.otherAgencyFactor ?? OTHER_AGENCY_FACTOR;
		return s;
	}
	why(a: string, b: string, agencyA: string | null = null, agencyB: string | null = null) {
		return shared(this.feat(a, agencyA), this.feat(b, agencyB));
	}
}
