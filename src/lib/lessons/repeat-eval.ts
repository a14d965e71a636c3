/**
 * Scoring the repeat finder's similarity on labelled pairs (`text_a`, `text_b`, `same` 1/0; optional
 * `agency_a`, `agency_b`, `review_a`, `review_b`): precision, recall and F1 at a threshold, the
 * threshold that fits a training set best, and grouped cross-validation with folds by review (no
 * review in both the pairs a threshold is chosen on and the pairs it is scored on). Pure: the script
 * `scripts/eval-repeats.ts` reads the files and prints.
 */
import Papa from 'papaparse';
import { PairScorer, type RepeatWeights } from './repeat-concepts';
import { contentStems } from './repeats';

export interface Pair {
	text_a: string;
	text_b: string;
	same: boolean;
	agency_a: string | null;
	agency_b: string | null;
	review_a: string | null;
	review_b: string | null;
}

export class PairsError extends Error {}

/** Pairs from CSV text; a row that cannot be used is an error naming the file, row and column. */
export function readPairs(csv: string, file: string): Pair[] {
	const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
	const cols = parsed.meta.fields ?? [];
	for (const c of ['text_a', 'text_b', 'same']) if (!cols.includes(c)) throw new PairsError(`${file}: no column "${c}" (columns are: ${cols.join(', ') || 'none'}).`);
	return parsed.data.map((r, i) => {
		const row = i + 2; // the header is row 1
		const same = (r.same ?? '').trim().toLowerCase();
		if (!['1', '0', 'true', 'false', 'yes', 'no'].includes(same)) throw new PairsError(`${file}, row ${row}, column "same": "${r.same ?? ''}" is not 1 or 0.`);
		for (const c of ['text_a', 'text_b']) if (!(r[c] ?? '').trim()) throw new PairsError(`${file}, row ${row}, column "${c}": empty; a pair needs both texts.`);
		const opt = (k: string) => ((r[k] ?? '').trim() || null);
		return {
			text_a: r.text_a,
			text_b: r.text_b,
			same: same === '1' || same === 'true' || same === 'yes',
			agency_a: opt('agency_a'),
			agency_b: opt('agency_b'),
			review_a: opt('review_a'),
			review_b: opt('review_b')
		};
	});
}

export interface PairCounts {
	pairs: number;
	positives: number;
	tp: number;
	fp: number;
	fn: number;
	tn: number;
	precision: number;
	recall: number;
	f1: number;
}

export function counts(scores: readonly number[], same: readonly boolean[], threshold: number): PairCounts {
	let tp = 0, fp = 0, fn = 0, tn = 0;
	scores.forEach((s, i) => {
		const yes = s >= threshold;
		if (yes && same[i]) tp++;
		else if (yes) fp++;
		else if (same[i]) fn++;
		else tn++;
	});
	const precision = tp + fp ? tp / (tp + fp) : 0;
	const recall = tp + fn ? tp / (tp + fn) : 0;
	return { pairs: scores.length, positives: tp + fn, tp, fp, fn, tn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The similarity of every pair, IDF over all the texts of the pairs (no labels used). */
export function pairScores(pairs: readonly Pair[], weights: RepeatWeights = {}): number[] {
	const corpus = new Map<string, { text: string; agency: string | null }>();
	for (const p of pairs) {
		corpus.set(`${p.agency_a}\u0000${p.text_a}`, { text: p.text_a, agency: p.agency_a });
		corpus.set(`${p.agency_b}\u0000${p.text_b}`, { text: p.text_b, agency: p.agency_b });
	}
	const scorer = new PairScorer([...corpus.values()], weights);
	return pairs.map((p) => scorer.score(p.text_a, p.text_b, p.agency_a, p.agency_b));
}

/** The old rule's similarity (Jaccard of content stems), for comparison and for "how reworded". */
export function jaccard(a: string, b: string, agencyA: string | null, agencyB: string | null): number {
	const sa = new Set(contentStems(a, agencyA));
	const sb = contentStems(b, agencyB);
	const both = sb.filter((s) => sa.has(s)).length;
	const either = sa.size + sb.length - both;
	return either ? both / either : 0;
}

/** The threshold (of the candidates, 0.05 to 0.80 by 0.01) with the best F1; ties to the higher one. */
export function bestThreshold(scores: readonly number[], same: readonly boolean[]): number {
	let best = 0.5;
	let bestF1 = -1;
	for (let t = 0.05; t <= 0.8 + 1e-9; t += 0.01) {
		const f = counts(scores, same, t).f1;
		if (f >= bestF1) {
			bestF1 = f;
			best = Math.round(t * 100) / 100;
		}
	}
	return best;
}

/**
 * Weights tried in cross-validation: a few, not a search (the brief: a threshold and a few weights).
 * Words and actions from 0.2 to 0.5, subjects the rest; the factor kept across agency types.
 */
export const WEIGHT_GRID: RepeatWeights[] = [0.2, 0.3, 0.4].flatMap((words) =>
	[0.3, 0.4, 0.5].flatMap((action) =>
		[0.5, 0.7, 1].map((otherAgencyFactor) => ({ parts: { words, subject: Math.round((1 - words - action) * 10) / 10, action }, otherAgencyFactor }))
	)
);

export interface Fold {
	fold: number;
	trainPairs: number;
	testPairs: number;
	threshold: number;
	weights: RepeatWeights;
	test: PairCounts;
}

/** Fold of a review: a stable hash of its name, mod k. */
export function foldOf(review: string, k: number): number {
	let h = 2166136261;
	for (let i = 0; i < review.length; i++) h = Math.imul(h ^ review.charCodeAt(i), 16777619);
	return (h >>> 0) % k;
}

/**
 * Grouped cross-validation: reviews fall into k folds; for fold f the test pairs are those with a
 * review in f, the training pairs those with neither review in f. The weights and threshold are
 * chosen on the training pairs only and the test pairs scored with them; the test predictions of all
 * folds are pooled (each pair is tested once: in the fold of its first review, else of its second).
 */
export function groupedCv(pairs: readonly Pair[], k = 5): { folds: Fold[]; pooled: PairCounts } {
	const rev = (p: Pair, which: 'a' | 'b') => (which === 'a' ? p.review_a : p.review_b) ?? `${which}:${which === 'a' ? p.text_a : p.text_b}`;
	const scored = WEIGHT_GRID.map((w) => pairScores(pairs, w));
	const same = pairs.map((p) => p.same);
	const folds: Fold[] = [];
	const pooledScores: number[] = [];
	const pooledSame: boolean[] = [];
	const pooledThr: number[] = [];
	const tested = new Set<number>();
	for (let f = 0; f < k; f++) {
		const inF = pairs.map((p) => foldOf(rev(p, 'a'), k) === f || foldOf(rev(p, 'b'), k) === f);
		const train = pairs.map((_, i) => i).filter((i) => !inF[i]);
		const test = pairs.map((_, i) => i).filter((i) => inF[i]);
		let bestW = 0;
		let bestT = 0.5;
		let bestF1 = -1;
		scored.forEach((s, w) => {
			const ts = train.map((i) => s[i]);
			const ty = train.map((i) => same[i]);
			const t = bestThreshold(ts, ty);
			const f1 = counts(ts, ty, t).f1;
			if (f1 > bestF1) {
				bestF1 = f1;
				bestW = w;
				bestT = t;
			}
		});
		const s = scored[bestW];
		folds.push({ fold: f, trainPairs: train.length, testPairs: test.length, threshold: bestT, weights: WEIGHT_GRID[bestW], test: counts(test.map((i) => s[i]), test.map((i) => same[i]), bestT) });
		for (const i of test) {
			if (tested.has(i)) continue;
			tested.add(i);
			pooledScores.push(s[i]);
			pooledSame.push(same[i]);
			pooledThr.push(bestT);
		}
	}
	// Pooled: each pair against its own fold's threshold.
	const pooled = counts(pooledScores.map((s, i) => (s >= pooledThr[i] ? 1 : 0)), pooledSame, 0.5);
	return { folds, pooled };
}

/** "pairs  154  positives 46  tp 30  fp 8  fn 16  tn 100  precision 0.789  recall 0.652  F1 0.714" */
export function pairsLine(c: PairCounts): string {
	return `pairs ${c.pairs}  positives ${c.positives}  tp ${c.tp}  fp ${c.fp}  fn ${c.fn}  tn ${c.tn}  precision ${c.precision.toFixed(3)}  recall ${c.recall.toFixed(3)}  F1 ${c.f1.toFixed(3)}`;
}
