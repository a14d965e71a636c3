/**
 * Scoring a multi-label tagger against hand-coded labels: precision, recall and F1 per label and
 * overall, and the reading of labelled CSV files, with plain errors. Pure: text in, figures out;
 * `scripts/eval-themes.ts` does the files and the printing.
 *
 * Conventions (as in scikit-learn's `zero_division=0`): a label never predicted has precision 0, a
 * label never coded has recall 0, and F1 is 0 when precision + recall is 0. Micro figures pool the
 * true/false positives and false negatives of every label; macro figures are the plain mean of the
 * per-label figures (macro F1 = mean of per-label F1), so a rare label weighs as much as a common one.
 */
import Papa from 'papaparse';

export interface LabelScore {
	label: string;
	/** Texts coded with this label. */
	support: number;
	tp: number;
	fp: number;
	fn: number;
	precision: number;
	recall: number;
	f1: number;
}

export interface Overall {
	precision: number;
	recall: number;
	f1: number;
}

export interface Scores {
	texts: number;
	labels: LabelScore[];
	micro: Overall & { tp: number; fp: number; fn: number };
	macro: Overall;
	/** Texts whose predicted set equals the coded set exactly. */
	exact: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores predicted label sets against coded ones, text by text, over the given labels. */
export function score(coded: readonly (readonly string[])[], predicted: readonly (readonly string[])[], labels: readonly string[]): Scores {
	if (coded.length !== predicted.length) throw new Error(`score: ${coded.length} coded texts but ${predicted.length} predictions.`);
	const per = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0, support: 0 }]));
	let exact = 0;
	coded.forEach((c, i) => {
		const gold = new Set(c);
		const pred = new Set(predicted[i]);
		for (const [label, n] of per) {
			const g = gold.has(label);
			const p = pred.has(label);
			if (g) n.support++;
			if (g && p) n.tp++;
			else if (p) n.fp++;
			else if (g) n.fn++;
		}
		if (gold.size === pred.size && [...gold].every((l) => pred.has(l))) exact++;
	});
	const rows: LabelScore[] = [...per].map(([label, n]) => {
		const precision = ratio(n.tp, n.tp + n.fp);
		const recall = ratio(n.tp, n.tp + n.fn);
		return { label, ...n, precision, recall, f1: f1Of(precision, recall) };
	});
	const sum = (k: 'tp' | 'fp' | 'fn') => rows.reduce((s, r) => s + r[k], 0);
	const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')];
	const microP = ratio(tp, tp + fp);
	const microR = ratio(tp, tp + fn);
	const mean = (k: 'precision' | 'recall' | 'f1') => ratio(rows.reduce((s, r) => s + r[k], 0), rows.length);
	return {
		texts: coded.length,
		labels: rows,
		micro: { tp, fp, fn, precision: microP, recall: microR, f1: f1Of(microP, microR) },
		macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
		exact
	};
}

// ---------------------------------------------------------------- labelled files

export class LabelsError extends Error {}

/** Figures as fixed-width text: one line per label, then micro and macro. */
export function scoresTable(title: string, s: Scores, name: (label: string) => string = (l) => l): string {
	const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
	const width = Math.max(12, ...s.labels.map((l) => name(l.label).length));
	const line = (n: string, sup: string, p: number, r: number, f: number) => `${n.padEnd(width)} ${sup.padStart(7)} ${pct(p)} ${pct(r)} ${pct(f)}`;
	return [
		`${title} (${s.texts} texts; exact match ${s.exact} = ${((100 * s.exact) / Math.max(1, s.texts)).toFixed(1)}%)`,
		`${''.padEnd(width)} ${'coded'.padStart(7)} ${'P %'.padStart(6)} ${'R %'.padStart(6)} ${'F1 %'.padStart(6)}`,
		...s.labels.map((l) => line(name(l.label), String(l.support), l.precision, l.recall, l.f1)),
		line('micro', '', s.micro.precision, s.micro.recall, s.micro.f1),
		line('macro', '', s.macro.precision, s.macro.recall, s.macro.f1)
	].join('\n');
}

// ---------------------------------------------------------------- grouped folds

/**
 * Folds for grouped cross-validation: every row of a group (a review) in the same fold, so no review
 * is ever in both the training and the test part. Deterministic: groups taken largest first (ties by
 * name), each into the fold with the fewest rows so far (ties: the lowest fold). Returns the fold of
 * each row, 0 … k − 1; k is capped at the number of groups.
 */
export function groupedFolds(groups: readonly string[], k: number): number[] {
	const size = new Map<string, number>();
	for (const g of groups) size.set(g, (size.get(g) ?? 0) + 1);
	const folds = Math.max(1, Math.min(k, size.size));
	const load = new Array<number>(folds).fill(0);
	const foldOf = new Map<string, number>();
	for (const [g, n] of [...size].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
		let f = 0;
		for (let i = 1; i < folds; i++) if (load[i] < load[f]) f = i;
		foldOf.set(g, f);
		load[f] += n;
	}
	return groups.map((g) => foldOf.get(g) as number);
}

// ---------------------------------------------------------------- files coded with both questions

export interface CodedText {
	/** The row's number in the file, the header being row 1. */
	row: number;
	text: string;
	/** Category ids. */
	categories: string[];
	/** Topic ids; null when the file has no topics column. */
	topics: string[] | null;
	/** The review the text comes from, when the file says (column `review`). */
	review: string | null;
}

export interface Vocabulary {
	/** Names as written in a file -> id; undefined when unknown. */
	idOf: (name: string) => string | undefined;
	/** The names to list when one is not known. */
	known: readonly string[];
	what: string;
}

/**
 * A CSV coded with kinds of change (`categories`, required, one or more separated by |) and
 * optionally topics (`topics`, none or more). Throws a LabelsError naming the file, row and column,
 * and saying why, at the first problem.
 */
export function readCoded(csv: string, file: string, categories: Vocabulary, topics: Vocabulary): CodedText[] {
	const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const quote = parsed.errors.find((e) => e.type === 'Quotes');
	if (quote) throw new LabelsError(`${file}: a quoted value is never closed (row ${(quote.row ?? 0) + 1}); the file looks truncated or malformed.`);
	const [header, ...data] = parsed.data;
	if (!header) throw new LabelsError(`${file}: the file is empty; it needs a header row with the columns text and categories.`);
	const names = header.map((h) => h.trim().toLowerCase());
	const missing = ['text', 'categories'].filter((c) => !names.includes(c));
	if (missing.length)
		throw new LabelsError(
			`${file}: no ${missing.map((m) => `"${m}"`).join(' or ')} column. The header row has: ${header.map((h) => `"${h.trim()}"`).join(', ')}; it needs "text" and "categories".`
		);
	const [ti, ci, pi, ri] = ['text', 'categories', 'topics', 'review'].map((c) => names.indexOf(c));
	const ids = (cell: string, v: Vocabulary, row: number, column: string) =>
		[
			...new Set(
				cell
					.split(/[|;]/)
					.map((p) => p.trim())
					.filter(Boolean)
					.map((p) => {
						const id = v.idOf(p);
						if (id === undefined) throw new LabelsError(`${file}, row ${row}, column "${column}": "${p}" is not a known ${v.what}. Known: ${v.known.join(', ')}.`);
						return id;
					})
			)
		];
	return data.map((cells, i) => {
		const row = i + 2;
		const text = (cells[ti] ?? '').trim();
		if (!text) throw new LabelsError(`${file}, row ${row}, column "text": the text is empty.`);
		const cats = ids((cells[ci] ?? '').trim(), categories, row, 'categories');
		if (!cats.length) throw new LabelsError(`${file}, row ${row}, column "categories": no ${categories.what} given; give one or more, separated by |.`);
		return { row, text, categories: cats, topics: pi >= 0 ? ids((cells[pi] ?? '').trim(), topics, row, 'topics') : null, review: ri >= 0 ? (cells[ri] ?? '').trim() || null : null };
	});
}
