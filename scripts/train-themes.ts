/**
 * npx tsx scripts/train-themes.ts
 *
 * Trains the naive Bayes theme classifier (src/lib/lessons/classifier.ts) on the hand-coded texts in
 * data/eval/themes-labelled.csv and writes its counts to src/lib/lessons/theme-model.json, which the
 * tagger imports. Deterministic: the same texts give the same file (a unit test checks the committed
 * file matches). The held-out set data/eval/themes-heldout.csv is never used here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { train, TRAINING, type ThemeModel } from '../src/lib/lessons/classifier';
import { readLabelled } from '../src/lib/lessons/evaluate';
import { THEMES } from '../src/lib/model/themes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LABELLED = path.join(ROOT, 'data/eval/themes-labelled.csv');
export const MODEL = path.join(ROOT, 'src/lib/lessons/theme-model.json');

export function trainedModel(): ThemeModel {
	const rows = readLabelled(readFileSync(LABELLED, 'utf8'), { file: 'data/eval/themes-labelled.csv', column: 'themes', known: THEMES.map((t) => t.id), what: 'theme id' });
	return {
		note: 'Written by `npx tsx scripts/train-themes.ts` from data/eval/themes-labelled.csv; do not edit. Counts for the naive Bayes theme classifier (src/lib/lessons/classifier.ts).',
		...train(rows, THEMES.map((t) => t.id), TRAINING)
	};
}

export const modelJson = (m: ThemeModel) => JSON.stringify(m, null, '\t') + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const m = trainedModel();
	writeFileSync(MODEL, modelJson(m));
	console.log(`Wrote ${path.relative(ROOT, MODEL)}: ${m.texts} texts, ${Object.keys(m.stemTexts).length} stems.`);
}
