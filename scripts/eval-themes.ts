/**
 * npm run eval:themes                          scores the theme tagger and the bare keyword baseline on
 *                                              data/eval/themes-labelled.csv (and the held-out set
 *                                              data/eval/themes-heldout.csv), prints the tables and
 *                                              writes the figures to data/eval/results.json
 * npm run eval:themes -- --labels <file.csv>   scores both on your own coded recommendations: a CSV with
 *                                              a `text` column and a `categories` column (one or more of
 *                                              the eight Home Office categories, separated by |), at
 *                                              category level; prints only, writes nothing
 *
 * Exit code 1 when a labelled file cannot be used (the message says the file, row, column and why),
 * 2 on wrong arguments. The scoring is src/lib/lessons/evaluate.ts; this file only reads and prints.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { autoThemes, keywordThemes } from '../src/lib/import/autotheme';
import { decodeText } from '../src/lib/import/decode';
import { categoriesOf, LabelsError, readLabelled, score, scoresTable, type Scores } from '../src/lib/lessons/evaluate';
import { THEMES, themeLabel } from '../src/lib/model/themes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABELLED = path.join(ROOT, 'data/eval/themes-labelled.csv');
const HELDOUT = path.join(ROOT, 'data/eval/themes-heldout.csv');
const RESULTS = path.join(ROOT, 'data/eval/results.json');

/** The eight Home Office DHR library categories, in the order data/themes.json first uses them. */
export const CATEGORIES: readonly string[] = [...new Set(THEMES.map((t) => t.category))];
const CATEGORY_OF = new Map(THEMES.map((t) => [t.id, t.category]));
const THEME_IDS = THEMES.map((t) => t.id);

const taggers = {
	tagger: (text: string) => autoThemes(text).map((t) => t.theme),
	baseline: (text: string) => keywordThemes(text).map((t) => t.theme)
};

const read = (file: string) => decodeText(new Uint8Array(readFileSync(file))).text;
const round = (s: Scores): Scores => JSON.parse(JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10000) / 10000 : v)));
const pts = (a: number, b: number) => `${((a - b) * 100).toFixed(1)} points`;

/** Scores both taggers on one theme-labelled file and prints the tables. */
function themeLevel(file: string, log: (s: string) => void) {
	const rows = readLabelled(read(file), { file: path.relative(ROOT, file), column: 'themes', known: THEME_IDS, what: 'theme id' });
	const coded = rows.map((r) => r.labels);
	const out = {
		file: path.relative(ROOT, file),
		texts: rows.length,
		tagger: round(score(coded, rows.map((r) => taggers.tagger(r.text)), THEME_IDS)),
		baseline: round(score(coded, rows.map((r) => taggers.baseline(r.text)), THEME_IDS))
	};
	log(scoresTable(`Tagger on ${out.file}`, out.tagger, themeLabel));
	log('');
	log(scoresTable(`Keyword baseline on ${out.file}`, out.baseline, themeLabel));
	log('');
	log(
		`${out.file}: micro F1 ${(out.tagger.micro.f1 * 100).toFixed(1)}% against ${(out.baseline.micro.f1 * 100).toFixed(1)}% (+${pts(out.tagger.micro.f1, out.baseline.micro.f1)}), ` +
			`macro F1 ${(out.tagger.macro.f1 * 100).toFixed(1)}% against ${(out.baseline.macro.f1 * 100).toFixed(1)}% (+${pts(out.tagger.macro.f1, out.baseline.macro.f1)}).`
	);
	const weakest = [...out.tagger.labels].sort((a, b) => a.f1 - b.f1).slice(0, 3);
	log(`Weakest themes: ${weakest.map((l) => `${themeLabel(l.label)} ${(l.f1 * 100).toFixed(1)}%`).join(', ')}.`);
	log('');
	return out;
}

/** Scores both taggers on a category-labelled file: each predicted theme counts as its category. */
export function categoryLevel(csv: string, file: string) {
	const rows = readLabelled(csv, { file, column: 'categories', known: CATEGORIES, what: 'Home Office category' });
	const coded = rows.map((r) => r.labels);
	const as = (tag: (t: string) => string[]) => score(coded, rows.map((r) => categoriesOf(tag(r.text), CATEGORY_OF)), CATEGORIES);
	return { file, texts: rows.length, tagger: as(taggers.tagger), baseline: as(taggers.baseline) };
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
			log(`Category level: micro F1 ${(r.tagger.micro.f1 * 100).toFixed(1)}% against ${(r.baseline.micro.f1 * 100).toFixed(1)}% for the keyword baseline.`);
			return 0;
		}
		const results: Record<string, unknown> = {
			note: 'Written by `npm run eval:themes`; do not edit. Scores of the cue tagger (autoThemes) and the bare keyword baseline (keywordThemes) on the hand-coded sets in data/eval (see its README). Fractions, 0 to 1.',
			labelled: themeLevel(LABELLED, log)
		};
		if (existsSync(HELDOUT)) results.heldout = themeLevel(HELDOUT, log);
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
