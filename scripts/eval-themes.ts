/**
 * npm run eval:themes                          grouped cross-validation of the recommendation tagger on
 *                                              the REAL labelled texts only (recs-dev and the collected
 *                                              set; folds by review, so no review is in both the
 *                                              training and the test part), per kind of change and per
 *                                              topic, against the bare keyword baseline; prints the
 *                                              tables and writes data/eval/results.json (figures only)
 * npm run eval:themes -- --labels <file.csv>   scores the committed model on your own coded
 *                                              recommendations: a CSV with `text`, `categories` (one or
 *                                              more Home Office categories, separated by |) and
 *                                              optionally `topics`; prints only, writes nothing. The
 *                                              first line beginning `micro` is the kind-of-change micro
 *                                              figure and its last column is F1.
 *
 * Exit code 1 when a labelled file cannot be used (the message says the file, row, column and why),
 * 2 on wrong arguments. The scoring is src/lib/lessons/evaluate.ts; the training
 * src/lib/lessons/train-tagger.ts; this file reads and prints.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { keywordThemes } from '../src/lib/import/autotheme';
import { groupedFolds, LabelsError, readCoded, score, scoresTable, type Scores } from '../src/lib/lessons/evaluate';
import { compileModel, decide, scoreVector, TRAINING, vectorise, type Compiled, type TrainOptions } from '../src/lib/lessons/tagger';
import { committedModel } from '../src/lib/lessons/tags';
import { trainModel, type GroupedRow } from '../src/lib/lessons/train-tagger';
import { CATEGORIES, CATEGORY_IDS, TOPICS, TOPIC_IDS, categoryId, categoryLabel, topicLabel } from '../src/lib/model/categories';
import { THEMES } from '../src/lib/model/themes';
import { CATEGORY_VOCAB, readRealSet, readText, REAL_FILES, TOPIC_VOCAB, type RealSet } from './train-themes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = path.join(ROOT, 'data/eval/results.json');
const WRITTEN = [path.join(ROOT, 'data/eval/themes-labelled.csv'), path.join(ROOT, 'data/eval/themes-heldout.csv')];

/** Outer folds of the grouped cross-validation. */
export const FOLDS = 10;

/** The Home Office category names, in order (for messages and the --labels tables). */
export const CATEGORY_NAMES: readonly string[] = CATEGORIES.map((c) => c.name);

// ---------------------------------------------------------------- the bare keyword baseline

/** Keywords of data/themes.json, each theme counted as its Home Office category. */
const CATEGORY_OF_THEME = new Map(THEMES.map((t) => [t.id, categoryId(t.category) as string]));
/** Keywords of data/themes.json, each theme counted as the topics that stand for it. */
const TOPICS_OF_THEME = new Map<string, string[]>();
for (const t of TOPICS) for (const th of t.themes) TOPICS_OF_THEME.set(th, [...(TOPICS_OF_THEME.get(th) ?? []), t.id]);

export function baseline(text: string): { categories: string[]; topics: string[] } {
	const themes = keywordThemes(text).map((t) => t.theme);
	return {
		categories: [...new Set(themes.map((t) => CATEGORY_OF_THEME.get(t)).filter((c): c is string => !!c))],
		topics: [...new Set(themes.flatMap((t) => TOPICS_OF_THEME.get(t) ?? []))]
	};
}

export function predict(text: string, model: Compiled): { categories: string[]; topics: string[] } {
	const d = decide(scoreVector(vectorise(text, model), model));
	return { categories: d.categories.map((s) => s.head.id), topics: d.topics.map((s) => s.head.id) };
}

// ---------------------------------------------------------------- grouped cross-validation

export interface CrossValidation {
	categories: Scores;
	topics: Scores;
	/** What each text was tagged with by the model that never saw its review (same order as the rows). */
	predicted: { categories: string[][]; topics: string[][] };
}

/**
 * Every real text tagged by a model trained on the other folds only (thresholds chosen inside the
 * training folds too); `extra` rows, if given, are added to every training part and never tested.
 */
export function crossValidate(rows: readonly GroupedRow[], opts: TrainOptions = TRAINING, extra: readonly GroupedRow[] = [], k = FOLDS): CrossValidation {
	const fold = groupedFolds(rows.map((r) => r.group), k);
	const pc: string[][] = new Array(rows.length);
	const pt: string[][] = new Array(rows.length);
	for (const f of [...new Set(fold)].sort((a, b) => a - b)) {
		const model = compileModel(trainModel([...rows.filter((_, i) => fold[i] !== f), ...extra], opts));
		rows.forEach((r, i) => {
			if (fold[i] !== f) return;
			const p = predict(r.text, model);
			pc[i] = p.categories;
			pt[i] = p.topics;
		});
	}
	return { categories: score(rows.map((r) => r.categories), pc, CATEGORY_IDS), topics: score(rows.map((r) => r.topics), pt, TOPIC_IDS), predicted: { categories: pc, topics: pt } };
}

/**
 * The cross-validated predictions scored file by file (rows are read file after file, see readRealSet):
 * each file's texts were tagged by models that never saw their reviews, so a file added later shows how
 * the tagger does on reviews unlike the ones it was first built on.
 */
export function byFile(set: RealSet, cv: CrossValidation) {
	let start = 0;
	return set.files.map((f) => {
		const rows = set.rows.slice(start, start + f.texts);
		const pc = cv.predicted.categories.slice(start, start + f.texts);
		const pt = cv.predicted.topics.slice(start, start + f.texts);
		start += f.texts;
		return {
			file: f.file,
			texts: f.texts,
			reviews: f.reviews,
			categories: brief(score(rows.map((r) => r.categories), pc, CATEGORY_IDS)),
			topics: brief(score(rows.map((r) => r.topics), pt, TOPIC_IDS))
		};
	});
}

export function baselineScores(rows: readonly { text: string; categories: readonly string[]; topics: readonly string[] }[]): Omit<CrossValidation, 'predicted'> {
	const b = rows.map((r) => baseline(r.text));
	return {
		categories: score(rows.map((r) => r.categories), b.map((x) => x.categories), CATEGORY_IDS),
		topics: score(rows.map((r) => r.topics), b.map((x) => x.topics), TOPIC_IDS)
	};
}

/**
 * The texts written for the project (data/eval/themes-*.csv) as training rows: their themes read as
 * topics, and as categories for the themes that stand for one (the rest have none and are left out
 * of the category heads' positives). Used only to ask whether they help grouped CV on real text.
 */
export function writtenRows(): GroupedRow[] {
	const out: GroupedRow[] = [];
	const catOfTheme = new Map<string, string>();
	for (const c of CATEGORIES) for (const th of c.themes) catOfTheme.set(th, c.id);
	for (const file of WRITTEN) {
		if (!existsSync(file)) continue;
		const rows = readCodedThemes(readText(file));
		for (const r of rows)
			out.push({
				text: r.text,
				group: `written:${path.basename(file)}`,
				topics: [...new Set(r.themes.flatMap((t) => TOPICS_OF_THEME.get(t) ?? []))],
				categories: [...new Set(r.themes.map((t) => catOfTheme.get(t) ?? CATEGORY_OF_THEME.get(t)).filter((c): c is string => !!c))]
			});
	}
	return out;
}

function readCodedThemes(csv: string): { text: string; themes: string[] }[] {
	const lines = csv.replace(/^\uFEFF/, '');
	// The written sets have `text` and `themes` (theme ids separated by |).
	const rows = readCoded(
		lines.replace(/^([^\n]*)\bthemes\b/, '$1categories'),
		'written',
		{ idOf: (s) => (THEMES.some((t) => t.id === s.trim()) ? s.trim() : undefined), known: THEMES.map((t) => t.id), what: 'theme id' },
		TOPIC_VOCAB
	);
	return rows.map((r) => ({ text: r.text, themes: r.categories }));
}

// ---------------------------------------------------------------- printing

/** The issue's targets on real text never trained on, each with whether these figures meet it. */
export const TARGETS = { categoriesMicroF1: 0.7, categoryRecall: 0.5, topicsMicroF1: 0.65 } as const;

export function targets(cv: Pick<CrossValidation, 'categories' | 'topics'>) {
	const low = cv.categories.labels.filter((l) => l.support > 0 && l.recall < TARGETS.categoryRecall).map((l) => l.label);
	return {
		categories_micro_f1: { target: TARGETS.categoriesMicroF1, met: cv.categories.micro.f1 >= TARGETS.categoriesMicroF1 },
		every_category_recall: { target: TARGETS.categoryRecall, met: low.length === 0, below: low },
		topics_micro_f1: { target: TARGETS.topicsMicroF1, met: cv.topics.micro.f1 >= TARGETS.topicsMicroF1 }
	};
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const round = (s: Scores): Scores => JSON.parse(JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10000) / 10000 : v)));
const brief = (s: Scores) => ({ micro: round(s).micro, macro: round(s).macro });

function realSetRun(log: (s: string) => void) {
	const set: RealSet = readRealSet();
	for (const m of set.missing) log(`Not found, left out: ${m}`);
	if (!set.rows.length) throw new LabelsError(`No real labelled texts found (looked for ${REAL_FILES.join(', ')}); nothing to evaluate.`);
	const reviews = new Set(set.rows.map((r) => r.group)).size;
	log(`Real labelled texts: ${set.rows.length} from ${reviews} reviews (${set.files.map((f) => `${f.file}: ${f.texts}`).join('; ')}).`);
	log(`Grouped ${FOLDS}-fold cross-validation: folds by review, thresholds chosen inside each training part.`);
	log('');
	const cv = crossValidate(set.rows);
	const base = baselineScores(set.rows);
	const written = writtenRows();
	const withWritten = written.length ? crossValidate(set.rows, TRAINING, written) : null;
	const files = byFile(set, cv);
	log(scoresTable('Tagger, kind of change (Home Office categories), grouped CV on real text', cv.categories, categoryLabel));
	log('');
	log(scoresTable('Keyword baseline, kind of change, on the same texts', base.categories, categoryLabel));
	log('');
	log(scoresTable('Tagger, topics, grouped CV on real text', cv.topics, topicLabel));
	log('');
	log(scoresTable('Keyword baseline, topics, on the same texts', base.topics, topicLabel));
	log('');
	log(`Kind of change: micro F1 ${pct(cv.categories.micro.f1)} against ${pct(base.categories.micro.f1)} for the keywords; macro F1 ${pct(cv.categories.macro.f1)} against ${pct(base.categories.macro.f1)}.`);
	log(`Topics: micro F1 ${pct(cv.topics.micro.f1)} against ${pct(base.topics.micro.f1)}; macro F1 ${pct(cv.topics.macro.f1)} against ${pct(base.topics.macro.f1)}.`);
	const low = cv.categories.labels.filter((l) => l.support > 0 && l.recall < 0.5);
	const t = targets(cv);
	log(`Targets (real text never trained on): kind of change micro F1 >= 70% ${t.categories_micro_f1.met ? 'met' : 'NOT met'}; every coded category recall >= 50% ${t.every_category_recall.met ? 'met' : 'NOT met'}; topics micro F1 >= 65% ${t.topics_micro_f1.met ? 'met' : 'NOT met'}.`);
	log(low.length ? `Categories with recall under 50%: ${low.map((l) => `${categoryLabel(l.label)} ${pct(l.recall)} (${l.support} coded)`).join(', ')}.` : 'Every coded category has recall of 50% or more.');
	for (const f of files)
		log(`  texts of ${f.file} (${f.texts} from ${f.reviews} reviews), each tagged by models that never saw its review: kind of change micro F1 ${pct(f.categories.micro.f1)}, topics ${pct(f.topics.micro.f1)}.`);
	if (withWritten)
		log(
			`With the ${written.length} texts written for the project added to every training part: kind of change micro F1 ${pct(withWritten.categories.micro.f1)}, topics ${pct(withWritten.topics.micro.f1)} ` +
				`(${withWritten.categories.micro.f1 + withWritten.topics.micro.f1 > cv.categories.micro.f1 + cv.topics.micro.f1 ? 'better' : 'not better'}: the committed model is trained on real text only).`
		);
	return {
		note: 'Written by `npm run eval:themes`: grouped cross-validation of the recommendation tagger on real labelled recommendations (folds by review), against the bare keyword baseline. Figures only; the texts are kept outside the repository.',
		real: { texts: set.rows.length, reviews, files: set.files },
		folds: FOLDS,
		options: TRAINING,
		categories: { tagger: round(cv.categories), baseline: round(base.categories) },
		topics: { tagger: round(cv.topics), baseline: round(base.topics) },
		by_file: files,
		targets: targets(cv),
		with_written_texts: withWritten ? { texts: written.length, categories: brief(withWritten.categories), topics: brief(withWritten.topics) } : null
	};
}

/** A coded CSV scored with the committed model (and the baseline), category level first. */
export function labelsRun(csv: string, file: string, log: (s: string) => void, model: Compiled = committedModel()) {
	const rows = readCoded(csv, file, CATEGORY_VOCAB, TOPIC_VOCAB);
	const pred = rows.map((r) => predict(r.text, model));
	const base = rows.map((r) => baseline(r.text));
	const tagger = score(rows.map((r) => r.categories), pred.map((p) => p.categories), CATEGORY_IDS);
	const keywords = score(rows.map((r) => r.categories), base.map((p) => p.categories), CATEGORY_IDS);
	const name = (id: string) => CATEGORIES.find((c) => c.id === id)?.name ?? id;
	log(scoresTable(`Tagger, by Home Office category, on ${file}`, tagger, name));
	log('');
	log(scoresTable(`Keyword baseline, by Home Office category, on ${file}`, keywords, name));
	log('');
	let topics: { tagger: Scores; baseline: Scores } | null = null;
	if (rows.every((r) => r.topics !== null)) {
		const gold = rows.map((r) => r.topics as string[]);
		topics = { tagger: score(gold, pred.map((p) => p.topics), TOPIC_IDS), baseline: score(gold, base.map((p) => p.topics), TOPIC_IDS) };
		log(scoresTable(`Tagger, topics, on ${file}`, topics.tagger, (id) => TOPICS.find((t) => t.id === id)?.name ?? id));
		log('');
		log(scoresTable(`Keyword baseline, topics, on ${file}`, topics.baseline, (id) => TOPICS.find((t) => t.id === id)?.name ?? id));
		log('');
	}
	log(`Category level: micro F1 ${pct(tagger.micro.f1)} against ${pct(keywords.micro.f1)} for the keyword baseline; macro F1 ${pct(tagger.macro.f1)} against ${pct(keywords.macro.f1)}.`);
	if (topics) log(`Topics: micro F1 ${pct(topics.tagger.micro.f1)} against ${pct(topics.baseline.micro.f1)} for the keyword baseline.`);
	return { texts: rows.length, tagger, baseline: keywords, topics };
}

export async function main(argv: string[], log: (s: string) => void = console.log): Promise<number> {
	let args;
	try {
		args = parseArgs({ args: argv, options: { labels: { type: 'string' } }, strict: true });
	} catch (e) {
		log(`${(e as Error).message}\nUsage: npm run eval:themes [-- --labels FILE.csv]`);
		return 2;
	}
	try {
		if (args.values.labels) {
			const file = args.values.labels;
			if (!existsSync(file)) {
				log(`${file}: no such file.`);
				return 2;
			}
			labelsRun(readText(file), path.basename(file), log);
			return 0;
		}
		const out = realSetRun(log);
		writeFileSync(RESULTS, JSON.stringify(out, null, '\t') + '\n');
		log(`Wrote ${path.relative(ROOT, RESULTS)}.`);
		return 0;
	} catch (e) {
		if (e instanceof LabelsError) {
			log(e.message);
			return 1;
		}
		throw e;
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2)).then((code) => process.exit(code));
