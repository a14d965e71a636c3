/**
 * npm run eval:themes                          scores the theme tagger and the bare keyword baseline on
 *                                              the hand-coded sets in data/eval (the labelled set, with
 *                                              the classifier cross-validated, and the held-out set),
 *                                              prints the tables and writes data/eval/results.json
 * npm run eval:themes -- --labels <file.csv>   scores both on your own coded recommendations: a CSV with
 *                                              a `text` column and a `categories` column (one or more of
 *                                              the eight Home Office categories, separated by |), at
 *                                              category level; prints only, writes nothing
 *
 * Exit code 1 when a labelled file cannot be used (the message says the file, row, column and why),
 * 2 on wrong arguments. The scoring is src/lib/lessons/evaluate.ts; this file reads and prints.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { autoThemes, cueThemes, keywordThemes, tagThemes } from '../src/lib/import/autotheme';
import { decodeText } from '../src/lib/import/decode';
import { classify, compile, train, TRAINING, type ThemeModel } from '../src/lib/lessons/classifier';
import { categoriesOf, LabelsError, readLabelled, score, scoresTable, type LabelledRow, type Scores } from '../src/lib/lessons/evaluate';
import modelFile from '../src/lib/lessons/theme-model.json';
import { THEMES, themeLabel } from '../src/lib/model/themes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABELLED = path.join(ROOT, 'data/eval/themes-labelled.csv');
const HELDOUT = path.join(ROOT, 'data/eval/themes-heldout.csv');
const RESULTS = path.join(ROOT, 'data/eval/results.json');

/** The eight Home Office DHR library categories, in the order data/themes.json first uses them. */
export const CATEGORIES: readonly string[] = [...new Set(THEMES.map((t) => t.category))];
const CATEGORY_OF = new Map(THEMES.map((t) => [t.id, t.category]));
const THEME_IDS = THEMES.map((t) => t.id);
const MODEL = compile(modelFile as ThemeModel);

const tagger = (text: string) => autoThemes(text).map((t) => t.theme);
const baseline = (text: string) => keywordThemes(text).map((t) => t.theme);
const cuesAlone = (text: string) => cueThemes(text).map((t) => t.theme);

/** Folds for cross-validation: text i is in fold i mod 10, so the split is fixed and repeatable. */
export const FOLDS = 10;

const read = (file: string) => decodeText(new Uint8Array(readFileSync(file))).text;
const round = (s: Scores): Scores => JSON.parse(JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10000) / 10000 : v)));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pts = (a: number, b: number) => `${a >= b ? '+' : ''}${((a - b) * 100).toFixed(1)} points`;
const summary = (name: string, s: Scores) => `  ${name.padEnd(58)} micro F1 ${pct(s.micro.f1).padStart(6)}   macro F1 ${pct(s.macro.f1).padStart(6)}`;

export function readThemeLabels(file: string): LabelledRow[] {
	return readLabelled(read(file), { file: path.relative(ROOT, file), column: 'themes', known: THEME_IDS, what: 'theme id' });
}

/**
 * Every text of the labelled set tagged with a classifier trained on the other folds only, alone and
 * joined with the cues. (The cues were written while reading this set, so the joined figure still
 * flatters them a little; the held-out set is the fairer test.)
 */
export function crossValidated(rows: readonly LabelledRow[]) {
	const alone: string[][] = [];
	const joined: string[][] = [];
	for (let k = 0; k < FOLDS; k++) {
		const model = compile(train(rows.filter((_, i) => i % FOLDS !== k), THEME_IDS, TRAINING));
		rows.forEach((r, i) => {
			if (i % FOLDS !== k) return;
			alone[i] = classify(r.text, model).filter((s) => s.tagged).map((s) => s.theme);
			joined[i] = tagThemes(r.text, undefined, model).map((t) => t.theme);
		});
	}
	const coded = rows.map((r) => r.labels);
	return { classifier: score(coded, alone, THEME_IDS), tagger: score(coded, joined, THEME_IDS) };
}

function tables(title: string, t: Scores, b: Scores, log: (s: string) => void) {
	log(scoresTable(`Tagger, ${title}`, t, themeLabel));
	log('');
	log(scoresTable(`Keyword baseline, ${title}`, b, themeLabel));
	log('');
	const weakest = [...t.labels].sort((x, y) => x.f1 - y.f1).slice(0, 3);
	log(
		`Tagger against baseline: micro F1 ${pct(t.micro.f1)} against ${pct(b.micro.f1)} (${pts(t.micro.f1, b.micro.f1)}), ` +
			`macro F1 ${pct(t.macro.f1)} against ${pct(b.macro.f1)} (${pts(t.macro.f1, b.macro.f1)}).`
	);
	log(`Weakest themes: ${weakest.map((l) => `${themeLabel(l.label)} ${pct(l.f1)}`).join(', ')}.`);
	log('');
}

/** The labelled set: the classifier cross-validated, the cues and the baseline as they are. */
function labelledSet(log: (s: string) => void) {
	const rows = readThemeLabels(LABELLED);
	const coded = rows.map((r) => r.labels);
	const on = (tag: (t: string) => string[]) => score(coded, rows.map((r) => tag(r.text)), THEME_IDS);
	const cv = crossValidated(rows);
	const out = {
		file: path.relative(ROOT, LABELLED),
		texts: rows.length,
		tagger_cross_validated: round(cv.tagger),
		baseline: round(on(baseline)),
		classifier_cross_validated: round(cv.classifier),
		cues: round(on(cuesAlone)),
		tagger_trained_on_all: round(on(tagger))
	};
	tables(`${out.file}, classifier ${FOLDS}-fold cross-validated`, out.tagger_cross_validated, out.baseline, log);
	log(`${out.file} (${out.texts} texts), overall:`);
	log(summary('tagger, classifier cross-validated', out.tagger_cross_validated));
	log(summary('keyword baseline', out.baseline));
	log(summary('classifier alone, cross-validated', out.classifier_cross_validated));
	log(summary('cues alone (written while reading this set: flattering)', out.cues));
	log(summary('tagger, classifier trained on all of it (flattering)', out.tagger_trained_on_all));
	log('');
	return out;
}

/** The held-out set: written after the cues were fixed, never trained on. */
function heldOutSet(log: (s: string) => void) {
	const rows = readThemeLabels(HELDOUT);
	const coded = rows.map((r) => r.labels);
	const on = (tag: (t: string) => string[]) => score(coded, rows.map((r) => tag(r.text)), THEME_IDS);
	const out = {
		file: path.relative(ROOT, HELDOUT),
		texts: rows.length,
		tagger: round(on(tagger)),
		baseline: round(on(baseline)),
		classifier: round(on((t) => classify(t, MODEL).filter((s) => s.tagged).map((s) => s.theme))),
		cues: round(on(cuesAlone))
	};
	tables(`${out.file} (held out)`, out.tagger, out.baseline, log);
	log(`${out.file} (${out.texts} texts), overall:`);
	log(summary('tagger', out.tagger));
	log(summary('keyword baseline', out.baseline));
	log(summary('classifier alone', out.classifier));
	log(summary('cues alone', out.cues));
	log('');
	return out;
}

/** Scores both taggers on a category-labelled file: each predicted theme counts as its category. */
export function categoryLevel(csv: string, file: string) {
	const rows = readLabelled(csv, { file, column: 'categories', known: CATEGORIES, what: 'Home Office category' });
	const coded = rows.map((r) => r.labels);
	const as = (tag: (t: string) => string[]) => score(coded, rows.map((r) => categoriesOf(tag(r.text), CATEGORY_OF)), CATEGORIES);
	return { file, texts: rows.length, tagger: as(tagger), baseline: as(baseline) };
}

export async function main(argv: readonly string[], log: (s: string) => void = console.log): Promise<number> {
	let labels: string | undefined;
	try {
		({ values: { labels } } = parseArgs({ args: [...argv], options: { labels: { type: 'string' } } }));
	} catch (e) {
		log(`${(e as Error).message}\nUsage: npm run eval:themes [-- --labels <file.csv>]`);
		return 2;
	}
	try {
		if (labels !== undefined) {
			if (!existsSync(labels)) {
				log(`Cannot read ${labels}: no such file.`);
				return 2;
			}
			const r = categoryLevel(read(labels), labels);
			log(scoresTable(`Tagger, by Home Office category, on ${r.file}`, r.tagger));
			log('');
			log(scoresTable(`Keyword baseline, by Home Office category, on ${r.file}`, r.baseline));
			log('');
			log(`Category level: micro F1 ${pct(r.tagger.micro.f1)} against ${pct(r.baseline.micro.f1)} for the keyword baseline (${pts(r.tagger.micro.f1, r.baseline.micro.f1)}).`);
			return 0;
		}
		const results: Record<string, unknown> = {
			note: 'Written by `npm run eval:themes`; do not edit. Scores (fractions, 0 to 1) of the theme tagger (autoThemes: cues or classifier), the bare keyword baseline (keywordThemes) and each part alone, on the hand-coded sets in data/eval (see its README). The honest figures are the held-out set and, on the labelled set, the cross-validated ones.',
			labelled: labelledSet(log)
		};
		if (existsSync(HELDOUT)) results.heldout = heldOutSet(log);
		writeFileSync(RESULTS, JSON.stringify(results, null, '\t') + '\n');
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main(process.argv.slice(2)).then((code) => process.exit(code));
}
