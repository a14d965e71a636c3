/**
 * The recommendation tagger: two questions answered from the text of a recommendation, each label
 * with a confidence and the words that weighed most.
 *
 * - categories (src/lib/model/categories.ts): the Home Office's eight kinds of change, one to four;
 * - topics: what the recommendation is about, none to three.
 *
 * The model is regularised (L2) logistic regression, one yes/no head per label, over TF-IDF weights
 * of three kinds of feature of the text:
 * - word stems (Porter; stop words dropped): "training" and "trained" are one feature;
 * - pairs of neighbouring stems, in either order ("information sharing" = "sharing of information");
 * - cue groups from data/theme-cues.json (`model_cues`): one feature per group of words naming a
 *   kind of action or a subject in general terms ("policy", "procedure", "protocol", "guidance"…),
 *   so that a recommendation worded unlike any seen in training still lands near the right label.
 * Each head has its own threshold, chosen by grouped cross-validation on the training texts
 * (scripts/train-themes.ts). What is committed (src/lib/lessons/tagger-model.json) is the vocabulary,
 * the IDF weights, the heads' weights and thresholds: no text.
 *
 * Pure and synchronous: the same text and model give the same answer; nothing is fetched.
 */
import cuesFile from '../../../data/theme-cues.json';
import { CATEGORY_IDS, OTHER_CATEGORY, TOPIC_IDS } from '../model/categories';
import { isStopword, tokenize, type Token } from './tokens';

// ---------------------------------------------------------------- features

/** One word of a cue phrase: compared by stem, or as the start of a text word. */
type CuePart = { gap: true } | { gap: false; raw: string; stem: string };

const cueParts = (phrase: string): CuePart[] =>
	phrase
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((w): CuePart[] => (w === '...' ? [{ gap: true }] : tokenize(w).map((t) => ({ gap: false, raw: t.raw, stem: t.stem }))));

export type CueGroups = Record<string, string[]>;

interface CompiledCue {
	group: string;
	parts: CuePart[];
}

export function compileCueGroups(groups: CueGroups): CompiledCue[] {
	return Object.entries(groups).flatMap(([group, phrases]) => phrases.map((p) => ({ group, parts: cueParts(p) })).filter((c) => c.parts.some((p) => !p.gap)));
}

const CUES = compileCueGroups((cuesFile as { model_cues: CueGroups }).model_cues);

const sameWord = (t: Token, p: Extract<CuePart, { gap: false }>) => t.stem === p.stem || t.raw.startsWith(p.raw);

/** Where a cue phrase occurs: the token positions it matched, or null. A gap lets up to four words in. */
function findCue(tokens: readonly Token[], parts: readonly CuePart[]): number[] | null {
	const walk = (pi: number, ti: number, gap: boolean, taken: number[]): number[] | null => {
		if (pi === parts.length) return taken;
		const p = parts[pi];
		if (p.gap) return walk(pi + 1, ti, true, taken);
		const last = Math.min(tokens.length - 1, gap ? ti + 4 : ti);
		for (let i = ti; i <= last; i++) if (sameWord(tokens[i], p)) {
			const r = walk(pi + 1, i + 1, false, [...taken, i]);
			if (r) return r;
		}
		return null;
	};
	const first = parts.find((p) => !p.gap) as Extract<CuePart, { gap: false }>;
	for (let s = 0; s < tokens.length; s++) if (sameWord(tokens[s], first)) {
		const r = walk(parts.indexOf(first) + 1, s + 1, false, [s]);
		if (r) return r;
	}
	return null;
}

/** A feature of a text: its key, how often it occurs, and the words of the text that show it. */
export interface Feature {
	key: string;
	count: number;
	/** The words as written, for explaining a label ("information sharing", "e-learning"). */
	shown: string;
}

/**
 * The features of a text: `w:` stems of its content words, `p:` pairs of neighbouring content-word
 * stems (sorted, so word order does not matter), `c:` cue groups present.
 */
export function textFeatures(text: string, cues: readonly CompiledCue[] = CUES): Map<string, Feature> {
	if (cues === CUES) {
		const hit = cache.get(text);
		if (hit) return hit;
	}
	const out = computeFeatures(text, cues);
	if (cues === CUES) {
		// Training reads each text many times; tagging reads it once. Keep the last few thousand.
		if (cache.size >= 5000) cache.delete(cache.keys().next().value as string);
		cache.set(text, out);
	}
	return out;
}

const cache = new Map<string, Map<string, Feature>>();

/** Words of the names of the boards that commission and oversee reviews ("Community Safety Partnership"). */
const BODY_WORDS = new Set(['community', 'safety', 'safe', 'safer', 'city', 'communities', 'safeguarding', 'adults', 'adult', 'children', 'childrens', 'domestic', 'abuse', 'crime', 'drugs', 'and', 'partnership', 'executive']);
const BODY_ENDS = new Set(['partnership', 'partnerships', 'board', 'boards']);
const BODY_ACRONYMS = new Set(['csp', 'csps', 'sab', 'sabs', 'lscb', 'scp', 'setdab', 'esab', 'sdpb', 'dafeg']);
/** The token that stands for such a name: who is asked, not what kind of change. */
const BODY_TOKEN = 'oversightbody';

/**
 * The words of a text with the name of an overseeing board (Community Safety Partnership, Safe City
 * Partnership, Safeguarding Adults Board, CSP…) read as one word: "partnership" in a board's name says
 * who is asked, not that agencies are to work together.
 */
function bodyTokens(tokens: readonly Token[]): Token[] {
	const out: Token[] = [];
	for (const t of tokens) {
		if (BODY_ACRONYMS.has(t.raw)) {
			out.push({ ...t, raw: BODY_TOKEN, stem: BODY_TOKEN });
			continue;
		}
		if (BODY_ENDS.has(t.raw)) {
			let k = out.length;
			while (k > 0 && out.length - k < 4 && BODY_WORDS.has(out[k - 1].raw)) k--;
			if (k < out.length && out.slice(k).some((w) => w.raw !== 'and' && w.raw !== 'partnership')) {
				const start = out[k].start;
				out.splice(k, out.length - k, { ...t, start, raw: BODY_TOKEN, stem: BODY_TOKEN });
				continue;
			}
		}
		out.push(t);
	}
	return out;
}

function computeFeatures(text: string, cues: readonly CompiledCue[]): Map<string, Feature> {
	const tokens = bodyTokens(tokenize(text));
	// What the text holds, to rule a cue out at once: its stems and every start of every word.
	const has = new Set<string>();
	for (const t of tokens) {
		has.add(`s:${t.stem}`);
		for (let n = 1; n <= t.raw.length; n++) has.add(t.raw.slice(0, n));
	}
	const possible = (c: CompiledCue) => c.parts.every((p) => p.gap || has.has(`s:${p.stem}`) || has.has(p.raw));
	const out = new Map<string, Feature>();
	const put = (key: string, shown: string) => {
		const f = out.get(key);
		if (f) f.count++;
		else out.set(key, { key, count: 1, shown });
	};
	// "Share learning", "share the lessons": passing learning on (training), not information sharing.
	// Such a "share" is no word feature and no `share` cue.
	const learningShare = new Set<number>();
	tokens.forEach((t, i) => {
		if (t.stem !== 'share') return;
		const next = tokens.slice(i + 1, i + 4).find((n) => !['the', 'of', 'this', 'any', 'their', 'its', 'our', 'wider', 'key'].includes(n.raw));
		if (next && /^(learn|lesson)/.test(next.raw)) learningShare.add(i);
	});
	const content = tokens.map((t, at) => ({ ...t, at })).filter((t) => !learningShare.has(t.at) && !isStopword(t) && t.raw.length > 1 && !/^\d+$/.test(t.raw));
	for (const t of content) put(`w:${t.stem}`, text.slice(t.start, t.end));
	for (let i = 1; i < content.length; i++) {
		const [a, b] = [content[i - 1], content[i]];
		// Neighbours, or one stop word apart ("sharing of information"), never further.
		if (a.stem === b.stem || b.at - a.at > 2) continue;
		put(`p:${a.stem < b.stem ? `${a.stem}+${b.stem}` : `${b.stem}+${a.stem}`}`, text.slice(a.start, b.end));
	}
	const seen = new Set<string>();
	for (const c of cues) {
		if (seen.has(c.group) || !possible(c)) continue;
		const at = findCue(tokens, c.parts);
		if (at && !(c.group === 'share' && at.some((i) => learningShare.has(i)))) {
			seen.add(c.group);
			put(`c:${c.group}`, text.slice(tokens[at[0]].start, tokens[at[at.length - 1]].end));
		}
	}
	return out;
}

// ---------------------------------------------------------------- the model

export type HeadKind = 'category' | 'topic';

export interface HeadJson {
	kind: HeadKind;
	id: string;
	bias: number;
	/** One weight per feature of the vocabulary, in its order. */
	weights: number[];
	/** Probability at or above which the label is suggested. */
	threshold: number;
}

export interface TaggerModel {
	version: 1;
	note?: string;
	/** How it was trained (texts, reviews, options): figures only. */
	trained?: Record<string, unknown>;
	/** Feature keys (see textFeatures), in a fixed order. */
	features: string[];
	/** Inverse document frequency of each feature: ln((1 + n) / (1 + df)) + 1. */
	idf: number[];
	heads: HeadJson[];
}

export interface Head {
	kind: HeadKind;
	id: string;
	bias: number;
	weights: Float64Array;
	threshold: number;
}

export interface Compiled {
	index: Map<string, number>;
	features: readonly string[];
	idf: Float64Array;
	heads: Head[];
}

export function compileModel(m: TaggerModel): Compiled {
	return {
		index: new Map(m.features.map((f, i) => [f, i])),
		features: m.features,
		idf: Float64Array.from(m.idf),
		heads: m.heads.map((h) => ({ kind: h.kind, id: h.id, bias: h.bias, weights: Float64Array.from(h.weights), threshold: h.threshold }))
	};
}

/** A text as a sparse vector: (1 + ln tf) · idf for each known feature, scaled to unit length. */
export interface Vector {
	idx: Int32Array;
	val: Float64Array;
	/** For each entry, the text's words for that feature. */
	shown: string[];
}

export function vectorise(text: string, model: Pick<Compiled, 'index' | 'idf'>): Vector {
	const entries: [number, number, string][] = [];
	for (const f of textFeatures(text).values()) {
		const i = model.index.get(f.key);
		if (i !== undefined) entries.push([i, (1 + Math.log(f.count)) * model.idf[i], f.shown]);
	}
	entries.sort((a, b) => a[0] - b[0]);
	const norm = Math.sqrt(entries.reduce((s, e) => s + e[1] * e[1], 0)) || 1;
	return { idx: Int32Array.from(entries.map((e) => e[0])), val: Float64Array.from(entries.map((e) => e[1] / norm)), shown: entries.map((e) => e[2]) };
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

const logit = (h: Head, v: Vector) => {
	let z = h.bias;
	for (let k = 0; k < v.idx.length; k++) z += h.weights[v.idx[k]] * v.val[k];
	return z;
};

// ---------------------------------------------------------------- tagging

export interface Suggestion {
	id: string;
	/** The model's probability that the label applies, 0–1. */
	confidence: number;
	/** The words of the text that weighed most for it, strongest first (one to three). */
	reasons: string[];
	/**
	 * True when the label is under its threshold and given only because a recommendation needs one
	 * kind of change: the likeliest of the eight, for a person to confirm.
	 */
	tentative: boolean;
}

export interface Tags {
	categories: Suggestion[];
	topics: Suggestion[];
}

/** Said when no single word of the text pointed to the label (it was the likeliest of the eight). */
export const NO_WORD_REASON = 'no single word: the likeliest kind of change for the wording as a whole';

function reasonsFor(h: Head, v: Vector): string[] {
	const pro: [string, number][] = [];
	for (let k = 0; k < v.idx.length; k++) {
		const c = h.weights[v.idx[k]] * v.val[k];
		if (c > 0) pro.push([v.shown[k], c]);
	}
	pro.sort((a, b) => b[1] - a[1]);
	const out: string[] = [];
	// Only words that weighed at least a quarter as much as the strongest are worth showing.
	for (const [w, c] of pro) {
		if (c < pro[0][1] / 4) break;
		const lower = w.toLowerCase();
		// A word already inside a phrase given (or a phrase holding one given) adds nothing.
		if (out.some((o) => o.toLowerCase().includes(lower) || lower.includes(o.toLowerCase()))) continue;
		out.push(w);
		if (out.length === 3) break;
	}
	return out.length ? out : [NO_WORD_REASON];
}

/** At most this many of each, as the labelled set's definitions allow. */
export const MAX_CATEGORIES = 4;
export const MAX_TOPICS = 3;

export interface Scored {
	head: Head;
	p: number;
}

/** Every head's probability for a vector, in the model's order. */
export function scoreVector(v: Vector, model: Compiled): Scored[] {
	return model.heads.map((head) => ({ head, p: sigmoid(logit(head, v)) }));
}

/**
 * The labels suggested from the heads' probabilities:
 * - categories: those at or above their threshold, at most four, `other` only alone; when none is,
 *   the one nearest its threshold (every recommendation asks for some kind of change);
 * - topics: those at or above their threshold, at most three (none is a fine answer).
 * Strongest first (probability over threshold).
 */
export function decide(scored: readonly Scored[]): { categories: Scored[]; topics: Scored[] } {
	const byRatio = (a: Scored, b: Scored) => b.p / b.head.threshold - a.p / a.head.threshold || (a.head.id < b.head.id ? -1 : 1);
	const cats = scored.filter((s) => s.head.kind === 'category').sort(byRatio);
	let categories = cats.filter((s) => s.p >= s.head.threshold);
	const real = categories.filter((s) => s.head.id !== OTHER_CATEGORY);
	// `other` only alone, and only when it is the strongest head: an ask about the review's own actions
	// or report, not one that also asks for a kind of change.
	categories = categories[0]?.head.id === OTHER_CATEGORY || !real.length ? categories.slice(0, 1) : real.slice(0, MAX_CATEGORIES);
	if (!categories.length && cats.length) categories = [cats[0]];
	const topics = scored
		.filter((s) => s.head.kind === 'topic' && s.p >= s.head.threshold)
		.sort(byRatio)
		.slice(0, MAX_TOPICS);
	return { categories, topics };
}

/** Tags one text with a compiled model. */
export function tagWith(text: string, model: Compiled): Tags {
	const v = vectorise(text, model);
	const d = decide(scoreVector(v, model));
	const out = (s: Scored): Suggestion => ({ id: s.head.id, confidence: Math.round(s.p * 1000) / 1000, reasons: reasonsFor(s.head, v), tentative: s.p < s.head.threshold });
	return { categories: d.categories.map(out), topics: d.topics.map(out) };
}

// ---------------------------------------------------------------- training

export interface TrainingRow {
	text: string;
	/** Category ids (src/lib/model/categories.ts). */
	categories: readonly string[];
	/** Topic ids. */
	topics: readonly string[];
}

export interface TrainOptions {
	/** L2 penalty on the weights (the bias is not penalised). */
	lambda: number;
	/** Weight of a positive example relative to a negative one: (negatives / positives) ** balance, at most maxPositiveWeight. */
	balance: number;
	maxPositiveWeight: number;
	/** A feature must be in this many training texts to be kept. */
	minTexts: number;
	iterations: number;
	/** Scale of the cue-group priors of data/theme-cues.json (`model_priors`): 0 for none. */
	prior: number;
	/** The same for the topic heads, when it differs (topics are named by their words more than kinds of change are). */
	topicPrior?: number;
}

export type Priors = Record<string, Record<string, number>>;
const PRIORS = (cuesFile as { model_priors: Priors }).model_priors;

/**
 * Chosen by grouped cross-validation on the real labelled texts (folds by review), over a small grid;
 * `npm run eval:themes` prints the figures for these.
 */
export const TRAINING: TrainOptions = { lambda: 0.03, balance: 0.5, maxPositiveWeight: 6, minTexts: 2, iterations: 300, prior: 10, topicPrior: 60 };

/** The vocabulary of a set of texts: features in at least `minTexts` of them, sorted; their IDF. */
export function vocabulary(texts: readonly string[], minTexts: number): { features: string[]; idf: number[] } {
	const df = new Map<string, number>();
	for (const t of texts) for (const k of textFeatures(t).keys()) df.set(k, (df.get(k) ?? 0) + 1);
	const features = [...df].filter(([, n]) => n >= minTexts).map(([k]) => k).sort();
	const n = texts.length;
	return { features, idf: features.map((f) => Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1) };
}

/**
 * Fits one logistic head by accelerated gradient descent (deterministic): weighted mean log loss
 * plus (lambda / 2) · |w − prior|². A `prior` of zeros is plain L2; a committed head's weights as
 * prior is a warm start that stays near what the committed model learned (refit).
 */
export function fitHead(
	vectors: readonly Vector[],
	labels: readonly boolean[],
	dims: number,
	opts: Pick<TrainOptions, 'lambda' | 'balance' | 'maxPositiveWeight' | 'iterations'>,
	prior?: { bias?: number; weights: Float64Array }
): { bias: number; weights: Float64Array } {
	const n = vectors.length;
	const pos = labels.filter(Boolean).length;
	const wPos = pos > 0 && pos < n ? Math.min(opts.maxPositiveWeight, ((n - pos) / pos) ** opts.balance) : 1;
	const sw = labels.map((y) => (y ? wPos : 1));
	const total = sw.reduce((a, b) => a + b, 0) || 1;
	const w0 = prior?.weights ?? new Float64Array(dims);
	let w = Float64Array.from(w0);
	let wPrev = Float64Array.from(w);
	let yw = new Float64Array(dims);
	let b = prior?.bias ?? Math.log((pos * wPos + 0.5) / (n - pos + 0.5));
	let bPrev = b;
	// Rows are unit vectors, so the loss's curvature is at most 1/4: this step never overshoots.
	const step = 1 / (0.25 + opts.lambda);
	const g = new Float64Array(dims);
	for (let it = 1; it <= opts.iterations; it++) {
		const mom = (it - 1) / (it + 2);
		for (let j = 0; j < dims; j++) yw[j] = w[j] + mom * (w[j] - wPrev[j]);
		const yb = b + mom * (b - bPrev);
		g.fill(0);
		let gb = 0;
		for (let i = 0; i < n; i++) {
			const v = vectors[i];
			let z = yb;
			for (let k = 0; k < v.idx.length; k++) z += yw[v.idx[k]] * v.val[k];
			const r = (sw[i] * (sigmoid(z) - (labels[i] ? 1 : 0))) / total;
			gb += r;
			for (let k = 0; k < v.idx.length; k++) g[v.idx[k]] += r * v.val[k];
		}
		// Rotate the three buffers: the new iterate is written over the oldest.
		const next = wPrev;
		wPrev = w;
		for (let j = 0; j < dims; j++) next[j] = yw[j] - step * (g[j] + opts.lambda * (yw[j] - w0[j]));
		w = next;
		bPrev = b;
		b = yb - step * gb;
	}
	void yw;
	return { bias: b, weights: w };
}

/** Every head fitted on the rows, thresholds left at 0.5 (set them with chooseThresholds). */
export function trainHeads(rows: readonly TrainingRow[], opts: TrainOptions = TRAINING): TaggerModel {
	const vocab = vocabulary(rows.map((r) => r.text), opts.minTexts);
	// Cue groups are always in the vocabulary, even when rare in the training texts.
	for (const g of Object.keys((cuesFile as { model_cues: CueGroups }).model_cues)) if (!vocab.features.includes(`c:${g}`)) { vocab.features.push(`c:${g}`); vocab.idf.push(Math.log(1 + rows.length) + 1); }
	const index = new Map(vocab.features.map((f, i) => [f, i]));
	const idf = Float64Array.from(vocab.idf);
	const vectors = rows.map((r) => vectorise(r.text, { index, idf }));
	const heads: HeadJson[] = [];
	for (const [kind, ids] of [['category', CATEGORY_IDS], ['topic', TOPIC_IDS]] as const) {
		for (const id of ids) {
			const y = rows.map((r) => (kind === 'category' ? r.categories : r.topics).includes(id));
			const w0 = new Float64Array(vocab.features.length);
			for (const [group, weight] of Object.entries(PRIORS[id] ?? {})) {
				const j = index.get(`c:${group}`);
				if (j !== undefined) w0[j] = weight * (kind === 'topic' ? (opts.topicPrior ?? opts.prior) : opts.prior);
			}
			const fit = fitHead(vectors, y, vocab.features.length, opts, { weights: w0 });
			heads.push({ kind, id, bias: fit.bias, weights: [...fit.weights], threshold: 0.5 });
		}
	}
	return { version: 1, features: vocab.features, idf: vocab.idf, heads };
}

/** The threshold grid searched for each head. */
export const THRESHOLDS: readonly number[] = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

/**
 * Per-head thresholds from out-of-fold probabilities: for each head, the grid value with the best F1
 * of that head on the rows; ties go to the value nearest 0.5, and a head with fewer than `minPositives`
 * coded rows keeps 0.5 (too few to choose from).
 */
export function chooseThresholds(probs: readonly (readonly number[])[], gold: readonly (readonly boolean[])[], minPositives = 3): number[] {
	const heads = probs[0]?.length ?? 0;
	const out: number[] = [];
	for (let h = 0; h < heads; h++) {
		const pos = gold.filter((g) => g[h]).length;
		if (pos < minPositives) {
			out.push(0.5);
			continue;
		}
		let best = 0.5;
		let bestF = -1;
		for (const t of THRESHOLDS) {
			let tp = 0;
			let fp = 0;
			let fn = 0;
			probs.forEach((p, i) => {
				const yes = p[h] >= t;
				if (yes && gold[i][h]) tp++;
				else if (yes) fp++;
				else if (gold[i][h]) fn++;
			});
			const f = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
			if (f > bestF + 1e-12 || (Math.abs(f - bestF) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
				bestF = f;
				best = t;
			}
		}
		out.push(best);
	}
	return out;
}

// ---------------------------------------------------------------- refit in the browser

export interface CodedRow {
	text: string;
	/** Category ids a person gave it; omit when the dataset has no categories for it. */
	categories?: readonly string[];
	/** Topic ids a person gave it; omit when not coded. */
	topics?: readonly string[];
}

/** How strongly a refit stays near the committed model (per-weight pull towards it). */
export const REFIT: Pick<TrainOptions, 'lambda' | 'balance' | 'maxPositiveWeight' | 'iterations'> = { lambda: 0.02, balance: 0.5, maxPositiveWeight: 6, iterations: 120 };

/**
 * The committed model refitted on a dataset's coded recommendations: each head starts from its
 * committed weights and is fitted to the coded rows with a pull back towards them, so a handful of
 * corrections shifts the model a little and a few hundred shift it more. The vocabulary, IDF and
 * thresholds stay the committed ones (words the committed model never saw cannot gain weight).
 * Heads are only refitted on rows coded for their kind; a kind with no coded rows is left as it was.
 */
export function refit(rows: readonly CodedRow[], base: Compiled, opts = REFIT): Compiled {
	const withText = rows.filter((r) => r.text.trim());
	const vectors = withText.map((r) => vectorise(r.text, base));
	const heads = base.heads.map((h) => {
		const coded = withText.map((r, i) => [i, h.kind === 'category' ? r.categories : r.topics] as const).filter(([, ids]) => ids !== undefined);
		if (!coded.length) return h;
		const fit = fitHead(
			coded.map(([i]) => vectors[i]),
			coded.map(([, ids]) => (ids as readonly string[]).includes(h.id)),
			base.features.length,
			opts,
			{ bias: h.bias, weights: h.weights }
		);
		return { ...h, bias: fit.bias, weights: fit.weights };
	});
	return { ...base, heads };
}
