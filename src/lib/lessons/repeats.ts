/**
 * Repeated lessons: recommendations made by DIFFERENT reviews that ask for the same change, grouped
 * into lessons ("this lesson was made in N reviews between YEAR and YEAR"). Two ways of finding them:
 *
 * - `wording` (shown as "the same change, in any words"): each recommendation is read for its
 *   content-word stems, the subjects it names and the actions it asks for (repeat-concepts.ts: "GP"
 *   and "primary care" are one subject, "train" and "briefing" one action), so a reworded repeat
 *   that shares few words still matches, and an ask on the same subject with another action does
 *   not. Two recommendations match when the weighted mean of the cosines of those three parts
 *   (lowered when they are addressed to different kinds of agency) is at least `WORDING_THRESHOLD`,
 *   chosen on real labelled pairs (`npm run eval:repeats`).
 *   Recommendations are grouped oldest first: each joins the lesson it fits best, or starts a new
 *   one. It fits a lesson when it is at or above the threshold with the lesson's first recommendation
 *   AND with each of its first LINKED members (complete linkage), so a lesson is one ask: no chains
 *   of "A like B like C" where A and C have little in common, and no drift as the lesson grows. Of
 *   the lessons it fits it joins the one it is most like on average. Each member keeps its
 *   similarity to the first and what it shares with it (concepts and words), for the page to say why.
 *   Work is bounded: candidates must share a theme with the lesson's first recommendation (blocking;
 *   untagged recommendations are compared with untagged ones) and one of its rarest features (each
 *   lesson is indexed under the PROBES rarest features of its first recommendation, each
 *   recommendation probes its own PROBES rarest), and at most `maxCandidates` lessons are compared
 *   per recommendation.
 * - `theme-agency`: the same theme addressed to the same agency within `WINDOW_YEARS` years. Per
 *   (theme, agency), recommendations in year order fall into windows: a window starts at the first
 *   year not yet covered and spans WINDOW_YEARS calendar years (2015 -> 2015-2017). One lesson per
 *   (theme, agency, window); a recommendation with two themes is in the lessons of both.
 *
 * Only groups with recommendations from at least two reviews are lessons. The finder is pure: it
 * takes the rows of `lessonRecommendations` and returns plain objects.
 */
import { tokenize } from './tokens';
import {
	Idf,
	OTHER_AGENCY_FACTOR,
	PART_WEIGHTS,
	REPEAT_THRESHOLD,
	agencyType,
	featureKeys,
	features,
	partOf,
	represent,
	sameAgencyKind,
	shared,
	similarity,
	type Features,
	type Part,
	type Rep
} from './repeat-concepts';

/** The fields the finder reads (a `LessonRecommendation` has them all). */
export interface RepeatInput {
	recommendation_id: string;
	review_id: string;
	year: number | null;
	rec_number: number | null;
	agency: string | null;
	text: string;
	themes: readonly string[];
	actions: number;
	completed: number;
	open: number;
	overdue: number;
}

export type LessonKind = 'wording' | 'theme-agency';

export interface Lesson<R extends RepeatInput = RepeatInput> {
	/** Stable for the same data and filters: 'w:' + the first recommendation's id, or 't:' + theme|agency|first year. */
	key: string;
	kind: LessonKind;
	/** For theme-agency lessons: the theme and agency they share. */
	theme: string | null;
	agency: string | null;
	/** Oldest first (then by review and number). */
	recommendations: R[];
	/** Distinct reviews: the N of "made in N reviews". */
	reviews: number;
	firstYear: number | null;
	lastYear: number | null;
	/** Agencies addressed, by how many of the recommendations name them (most first); unnamed left out. */
	agencies: string[];
	/** Actions of these recommendations at the as-at date. */
	actions: number;
	completed: number;
	open: number;
	overdue: number;
	/** Wording lessons: for each recommendation after the first, how like the first it is and what they share. */
	matches?: RepeatMatch[];
}

/** Why a recommendation was put in a lesson: its similarity to the lesson's first and what they share. */
export interface RepeatMatch {
	recommendation_id: string;
	similarity: number;
	/** Concept labels both name ("GP or primary care"). */
	concepts: string[];
	/** Content words both use, as written in the first. */
	words: string[];
}

/** Similarity at or above which two recommendations ask for the same change (repeat-concepts.ts). */
export const WORDING_THRESHOLD = REPEAT_THRESHOLD;
/** Calendar years one theme-agency lesson spans (its first year and the two after). */
export const WINDOW_YEARS = 3;
/** At most this many earlier lessons are compared with one recommendation. */
export const MAX_CANDIDATES = 2000;

export interface RepeatOptions {
	threshold?: number;
	/** Weights of words, subjects and actions, and similarity kept across agency types (repeat-concepts.ts). */
	parts?: Readonly<Record<Part, number>>;
	otherAgencyFactor?: number;
	windowYears?: number;
	maxCandidates?: number;
}

export interface RepeatResult<R extends RepeatInput = RepeatInput> {
	/** Most reviews first, then the most recent, then by key. */
	lessons: Lesson<R>[];
	/** Recommendations whose comparisons stopped at maxCandidates (wording only; 0 means the search was exhaustive). */
	capped: number;
	/** Pairs of sets compared (a measure of the work done). */
	compared: number;
}

/**
 * Words that carry no ask: articles, modals, and the boilerplate a recommendation opens with ("X should
 * ensure that", "must make sure", "should take steps to", "should be able to demonstrate", "should
 * satisfy itself that", "should strengthen").
 */
const STOP = new Set(
	(
		'a an the and or but of to in on for with by at from as that this these those is are was were be been being it its ' +
		'their they them there here which who whom whose what when where whether while so such than then also any all each ' +
		'every both either other into onto within without about after before over under between through should must will ' +
		'would shall can could may might ensure ensures ensuring recommend recommended recommendation recommendations ' +
		'make sure take steps able demonstrate satisfy itself strengthen'
	).split(' ')
);

/**
 * Porter stems of lower-case words, remembered: the words of recommendations repeat a great deal,
 * and stemming each one afresh was most of the time at 440,000 recommendations (38 s against 3 s).
 * Words are split as the theme taggers split them (`tokenize` in tokens.ts).
 */
const stemCache = new Map<string, string>();
function stemsOf(text: string): { raw: string; stem: string }[] {
	const out: { raw: string; stem: string }[] = [];
	for (const m of text.matchAll(/[a-z0-9'’‘]+/gi)) {
		const raw = m[0].toLowerCase().replace(/['’‘]/g, '');
		if (!raw) continue;
		let stem = stemCache.get(raw);
		if (stem === undefined) {
			stem = tokenize(raw)[0]?.stem ?? raw;
			if (stemCache.size < 200_000) stemCache.set(raw, stem);
		}
		out.push({ raw, stem });
	}
	return out;
}

const agencyCache = new Map<string, Set<string>>();
function agencyStems(agency: string | null): Set<string> {
	if (!agency) return new Set();
	let s = agencyCache.get(agency);
	if (!s) {
		s = new Set(stemsOf(agency).map((t) => t.stem));
		if (agencyCache.size < 10_000) agencyCache.set(agency, s);
	}
	return s;
}

/** A recommendation's content-word stems, unique, in no particular order. */
export function contentStems(text: string, agency: string | null = null): string[] {
	const own = agencyStems(agency);
	const out = new Set<string>();
	for (const t of stemsOf(text)) {
		if (STOP.has(t.raw) || /^\d+$/.test(t.raw) || own.has(t.stem)) continue;
		out.add(t.stem);
	}
	return [...out];
}

/** Jaccard similarity of two sets given as ascending arrays of numbers. */
export function jaccardSorted(a: readonly number[], b: readonly number[]): number {
	let i = 0;
	let j = 0;
	let both = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	const either = a.length + b.length - both;
	return either === 0 ? 0 : both / either;
}

/**
 * Jaccard similarity of two ascending sets when it is at least t, else 0: the merge stops as soon
 * as the stems left cannot bring the overlap up to the t/(1+t) * (|a|+|b|) that Jaccard >= t needs.
 */
export function jaccardAtLeast(a: readonly number[], b: readonly number[], t: number): number {
	const need = (t / (1 + t)) * (a.length + b.length) - 1e-9;
	let i = 0;
	let j = 0;
	let both = 0;
	while (i < a.length && j < b.length) {
		if (both + Math.min(a.length - i, b.length - j) < need) return 0;
		if (a[i] === b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	const sim = both / (a.length + b.length - both);
	return sim >= t ? sim : 0;
}

/** Jaccard similarity of two texts' content stems (for tests and for showing why two match). */
export function textSimilarity(a: string, b: string, agencyA: string | null = null, agencyB: string | null = null): number {
	const sa = new Set(contentStems(a, agencyA));
	const sb = contentStems(b, agencyB);
	const both = sb.filter((s) => sa.has(s)).length;
	const either = sa.size + sb.length - both;
	return either === 0 ? 0 : both / either;
}

const byOrder = (a: RepeatInput, b: RepeatInput) =>
	(a.year ?? Infinity) - (b.year ?? Infinity) ||
	(a.review_id < b.review_id ? -1 : a.review_id > b.review_id ? 1 : 0) ||
	(a.rec_number ?? Infinity) - (b.rec_number ?? Infinity) ||
	(a.recommendation_id < b.recommendation_id ? -1 : a.recommendation_id > b.recommendation_id ? 1 : 0);

/** A lesson from its recommendations (already in order), or null when they come from one review. */
function lessonOf<R extends RepeatInput>(key: string, kind: LessonKind, recs: R[], theme: string | null, agency: string | null): Lesson<R> | null {
	const reviews = new Set(recs.map((r) => r.review_id)).size;
	if (reviews < 2) return null;
	const years = recs.map((r) => r.year).filter((y): y is number => y != null);
	const named = new Map<string, number>();
	for (const r of recs) if (r.agency) named.set(r.agency, (named.get(r.agency) ?? 0) + 1);
	const sum = (k: 'actions' | 'completed' | 'open' | 'overdue') => recs.reduce((s, r) => s + r[k], 0);
	return {
		key,
		kind,
		theme,
		agency,
		recommendations: recs,
		reviews,
		firstYear: years.length ? Math.min(...years) : null,
		lastYear: years.length ? Math.max(...years) : null,
		agencies: [...named].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-GB')).map(([a]) => a),
		actions: sum('actions'),
		completed: sum('completed'),
		open: sum('open'),
		overdue: sum('overdue')
	};
}

/** Most reviews first, then the most recent last year, then by key (so the order is fixed). */
export function compareLessons(a: Lesson, b: Lesson): number {
	return b.reviews - a.reviews || (b.lastYear ?? -Infinity) - (a.lastYear ?? -Infinity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Lessons of near-duplicate wording (see the file's comment). */
export function wordingLessons<R extends RepeatInput>(input: readonly R[], opts: RepeatOptions = {}): RepeatResult<R> {
	const steps = wordingSteps(input, opts);
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
	}
}

/** How many recommendations are handled between two pauses of the stepwise finder. */
const STEP = 2000;
/** A recommendation joins a lesson only if it is at or above the threshold with each of the lesson's first this-many members. */
const LINKED = 24;
/** Each lesson is indexed under this many of its first recommendation's rarest features, and each recommendation probes as many of its own. */
const PROBES = 12;

/**
 * The finder as steps: it pauses (yields) every STEP recommendations, so a page can run it in slices
 * and stay responsive on a large dataset (`findLessonsInSlices`).
 */
function* wordingSteps<R extends RepeatInput>(input: readonly R[], opts: RepeatOptions = {}): Generator<void, RepeatResult<R>> {
	const t = opts.threshold ?? WORDING_THRESHOLD;
	const maxCandidates = opts.maxCandidates ?? MAX_CANDIDATES;
	const parts = opts.parts ?? PART_WEIGHTS;
	const otherAgency = opts.otherAgencyFactor ?? OTHER_AGENCY_FACTOR;
	const recs = [...input].sort(byOrder);

	// Words and concepts of each recommendation; the same text to the same agency is read once
	// (stock wording recurs a great deal).
	const read = new Map<string, Features>();
	const feats: Features[] = [];
	const idf = new Idf();
	for (let i = 0; i < recs.length; i++) {
		const r = recs[i];
		const k = `${r.agency ?? ''}\u0000${r.text}`;
		let f = read.get(k);
		if (!f) read.set(k, (f = features(r.text, r.agency)));
		feats.push(f);
		idf.add(featureKeys(f));
		if (i % STEP === STEP - 1) yield;
	}
	// Feature keys -> numbers in rarest-first order, so each recommendation's first keys are its rarest.
	const order = [...idf.df.keys()].sort((a, b) => idf.df.get(a)! - idf.df.get(b)! || (a < b ? -1 : 1));
	const rank = new Map(order.map((w, i) => [w, i]));
	const weightOf = Float64Array.from(order, (k) => idf.weight(k));
	const partOfKey = order.map(partOf);
	// Keys found in one recommendation only come first in every list but can match nothing: the
	// probes start after them.
	const firstShared = (keys: Int32Array) => {
		let k = 0;
		while (k < keys.length && idf.df.get(order[keys[k]]) === 1) k++;
		return k;
	};
	const keysOf: Int32Array[] = feats.map((f) => Int32Array.from(featureKeys(f).map((k) => rank.get(k)!)).sort());
	const reps: Rep[] = keysOf.map((keys) => represent(keys, (k) => partOfKey[k], (k) => weightOf[k]));
	const types = recs.map((r) => agencyType(r.agency));
	const sim = (i: number, j: number) => {
		const s = similarity(reps[i], reps[j], parts);
		return sameAgencyKind(types[i], types[j]) ? s : s * otherAgency;
	};

	const leaders: number[] = []; // recommendation index of each cluster's first member
	const members: number[][] = [];
	const sims: number[][] = []; // similarity of each member to its leader
	// Per theme, feature -> clusters whose first recommendation has that feature among its PROBES
	// rarest: candidates are blocked by theme (a lesson's recommendations share a theme; untagged
	// ones are compared among themselves).
	const index = new Map<string, Map<number, number[]>>();
	const blocks = (r: RepeatInput) => (r.themes.length ? r.themes : ['']);
	const seen = new Int32Array(recs.length).fill(-1); // cluster -> last recommendation that looked at it
	let capped = 0;
	let compared = 0;
	// The same features with the same themes again (common: a stock phrase reused) go straight to the twin's lesson.
	const twin = new Map<string, number>();

	for (let i = 0; i < recs.length; i++) {
		if (i % STEP === STEP - 1) yield;
		const keys = keysOf[i];
		const n = keys.length;
		if (n === 0) continue; // nothing to compare: no lesson of its own
		const setKey = `${[...blocks(recs[i])].sort().join(',')}|${types[i] ?? ''}|${keys.join(' ')}`;
		const known = twin.get(setKey);
		if (known !== undefined) {
			members[known].push(i);
			sims[known].push(sim(i, leaders[known]));
			continue;
		}
		let best = -1;
		let bestSim = 0;
		let bestMean = 0;
		let looked = 0;
		const probes = blocks(recs[i]).map((b) => index.get(b)).filter((m) => m !== undefined);
		const from = firstShared(keys);
		probe: for (let k = from; k < Math.min(n, from + PROBES); k++) for (const block of probes) {
			const list = block.get(keys[k]);
			if (!list) continue;
			for (const c of list) {
				if (seen[c] === i) continue;
				seen[c] = i;
				if (++looked > maxCandidates) {
					capped++;
					break probe;
				}
				compared++;
				const toSeed = sim(i, leaders[c]);
				if (toSeed < t) continue;
				// Like the first AND like each of the lesson's first LINKED members (complete linkage): a
				// lesson does not drift from what its first recommendation asked. Of the lessons it fits,
				// it joins the one it is most like on average.
				const ms = members[c];
				const upto = Math.min(ms.length, LINKED);
				let sum = toSeed;
				let low = toSeed;
				for (let m = 1; m < upto; m++) {
					const s = sim(i, ms[m]);
					sum += s;
					if (s < low) low = s;
				}
				const mean = sum / upto;
				if (low < t) continue;
				// The most like the lesson; between equals, the older lesson.
				if (mean > bestMean || (mean === bestMean && c < best)) {
					best = c;
					bestSim = toSeed;
					bestMean = mean;
				}
			}
		}
		if (best >= 0) {
			members[best].push(i);
			sims[best].push(bestSim);
			twin.set(setKey, best);
		} else {
			const c = leaders.length;
			leaders.push(i);
			members.push([i]);
			sims.push([1]);
			twin.set(setKey, c);
			for (const b of blocks(recs[i])) {
				let block = index.get(b);
				if (!block) index.set(b, (block = new Map()));
				for (let k = from; k < Math.min(n, from + PROBES); k++) {
					const list = block.get(keys[k]);
					if (list) list.push(c);
					else block.set(keys[k], [c]);
				}
			}
		}
	}

	const lessons: Lesson<R>[] = [];
	members.forEach((m, c) => {
		const l = lessonOf(`w:${recs[leaders[c]].recommendation_id}`, 'wording', m.map((i) => recs[i]), null, null);
		if (!l) return;
		const lead = feats[leaders[c]];
		l.matches = m.slice(1).map((i, j) => ({ recommendation_id: recs[i].recommendation_id, similarity: sims[c][j + 1], ...shared(lead, feats[i]) }));
		lessons.push(l);
	});
	return { lessons: lessons.sort(compareLessons), capped, compared };
}

/** Lessons of one theme addressed to one agency within a window of years (see the file's comment). */
export function themeAgencyLessons<R extends RepeatInput>(input: readonly R[], opts: RepeatOptions = {}): RepeatResult<R> {
	const span = opts.windowYears ?? WINDOW_YEARS;
	const groups = new Map<string, { theme: string; agency: string; recs: R[] }>();
	for (const r of [...input].sort(byOrder)) {
		if (!r.agency || r.year == null) continue; // no agency or no year: cannot say "same agency within years"
		for (const theme of r.themes) {
			const k = `${theme}\u0000${r.agency}`;
			const g = groups.get(k);
			if (g) g.recs.push(r);
			else groups.set(k, { theme, agency: r.agency, recs: [r] });
		}
	}
	const lessons: Lesson<R>[] = [];
	for (const { theme, agency, recs } of groups.values()) {
		let start = 0;
		while (start < recs.length) {
			const first = recs[start].year!;
			let end = start;
			while (end < recs.length && recs[end].year! < first + span) end++;
			const l = lessonOf(`t:${theme}|${agency}|${first}`, 'theme-agency', recs.slice(start, end), theme, agency);
			if (l) lessons.push(l);
			start = end;
		}
	}
	return { lessons: lessons.sort(compareLessons), capped: 0, compared: 0 };
}

export function findLessons<R extends RepeatInput>(input: readonly R[], kind: LessonKind, opts: RepeatOptions = {}): RepeatResult<R> {
	return kind === 'wording' ? wordingLessons(input, opts) : themeAgencyLessons(input, opts);
}

/**
 * The same as `findLessons`, run in slices of about `sliceMs` with a pause between them (a macrotask),
 * so the page keeps answering while a large dataset is searched. Resolves to null, and stops, as
 * soon as `stale()` says a newer search has begun.
 */
export async function findLessonsInSlices<R extends RepeatInput>(
	input: readonly R[],
	kind: LessonKind,
	stale: () => boolean = () => false,
	opts: RepeatOptions = {},
	sliceMs = 40
): Promise<RepeatResult<R> | null> {
	if (kind !== 'wording') return stale() ? null : themeAgencyLessons(input, opts);
	const steps = wordingSteps(input, opts);
	let since = performance.now();
	for (;;) {
		const r = steps.next();
		if (r.done) return stale() ? null : r.value;
		if (performance.now() - since > sliceMs) {
			await new Promise((resolve) => setTimeout(resolve, 0));
			if (stale()) return null;
			since = performance.now();
		}
	}
}
