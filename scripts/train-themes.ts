/**
 * npx tsx scripts/train-themes.ts
 *
 * Trains the recommendation tagger (src/lib/lessons/tagger.ts) on the REAL labelled recommendations
 * kept beside the repository, never in it:
 *   ../shared/data/recs-dev/recommendations.csv   72 texts from 20 reviews (the development set)
 *   ../collected/recs-collected.csv               texts collected from other public reviews
 * (same columns: text, review, categories, topics; DHR_REAL_FILES=a.csv:b.csv names others), and
 * writes what it learned to src/lib/lessons/tagger-model.json: vocabulary, IDF, weights and
 * thresholds, no text. Deterministic: the same files give the same model. The texts written for
 * the project (data/eval/themes-*.csv) are not used (see data/eval/README.md for why).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../src/lib/import/decode';
import { readCoded, type CodedText } from '../src/lib/lessons/evaluate';
import { TRAINING, type TaggerModel } from '../src/lib/lessons/tagger';
import { trainModel, type GroupedRow } from '../src/lib/lessons/train-tagger';
import { CATEGORIES, TOPICS, categoryId, topicId } from '../src/lib/model/categories';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MODEL = path.join(ROOT, 'src/lib/lessons/tagger-model.json');

/** The real labelled files, in order; those missing on this machine are left out (and said). */
export const REAL_FILES: readonly string[] = process.env.DHR_REAL_FILES
	? process.env.DHR_REAL_FILES.split(':')
	: [path.join(ROOT, '../shared/data/recs-dev/recommendations.csv'), path.join(ROOT, '../collected/recs-collected.csv')];

export const CATEGORY_VOCAB = { idOf: categoryId, known: CATEGORIES.map((c) => c.name), what: 'Home Office category' };
export const TOPIC_VOCAB = { idOf: topicId, known: TOPICS.map((t) => t.name), what: 'topic' };

export const readText = (file: string) => decodeText(new Uint8Array(readFileSync(file))).text;

export function readCodedFile(file: string): CodedText[] {
	return readCoded(readText(file), path.relative(process.cwd(), file) || file, CATEGORY_VOCAB, TOPIC_VOCAB);
}

export interface RealSet {
	rows: GroupedRow[];
	files: { file: string; texts: number; reviews: number }[];
	missing: string[];
}

/** Every real labelled text, grouped by review (the file's `review` column, else its row). */
export function readRealSet(files: readonly string[] = REAL_FILES): RealSet {
	const rows: GroupedRow[] = [];
	const out: RealSet['files'] = [];
	const missing: string[] = [];
	for (const file of files) {
		if (!existsSync(file)) {
			missing.push(file);
			continue;
		}
		const coded = readCodedFile(file);
		const name = path.basename(path.dirname(file)) + '/' + path.basename(file);
		for (const c of coded) rows.push({ text: c.text, categories: c.categories, topics: c.topics ?? [], group: c.review ?? `${name}#${c.row}` });
		out.push({ file: name, texts: coded.length, reviews: new Set(coded.map((c) => c.review)).size });
	}
	return { rows, files: out, missing };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function trainedModel(set: RealSet = readRealSet()): TaggerModel {
	if (!set.rows.length) throw new Error(`No real labelled texts found (looked for ${REAL_FILES.join(', ')}).`);
	const m = trainModel(set.rows, TRAINING);
	return {
		version: 1,
		note: 'Written by `npx tsx scripts/train-themes.ts` from real labelled recommendations kept outside the repository; do not edit. Weights of the recommendation tagger (src/lib/lessons/tagger.ts): no text.',
		trained: { texts: set.rows.length, reviews: new Set(set.rows.map((r) => r.group)).size, files: set.files, options: TRAINING },
		features: m.features,
		idf: m.idf.map(round),
		heads: m.heads.map((h) => ({ ...h, bias: round(h.bias), weights: h.weights.map(round) }))
	};
}

export const modelJson = (m: TaggerModel) => JSON.stringify(m) + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const set = readRealSet();
	for (const f of set.missing) console.log(`Not found, left out: ${f}`);
	const m = trainedModel(set);
	writeFileSync(MODEL, modelJson(m));
	console.log(`Wrote ${path.relative(ROOT, MODEL)}: ${set.rows.length} texts from ${m.trained?.reviews} reviews, ${m.features.length} features, ${m.heads.length} heads.`);
}
