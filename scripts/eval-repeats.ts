/**
 * npm run eval:repeats                          grouped cross-validation of the repeat finder's
 *                                               similarity on the real labelled pairs kept outside the
 *                                               repository (../collected/pairs-all.csv, or REPEAT_PAIRS):
 *                                               folds by review, the weights and threshold chosen on
 *                                               the training folds only; prints the figures and writes
 *                                               them (no texts) to data/eval/repeats-results.json
 * npm run eval:repeats -- --labels <file.csv>   scores any labelled pairs (`text_a`, `text_b`, `same`
 *                                               1/0; optional `agency_a`, `agency_b`) at the threshold
 *                                               and weights the app uses; prints a line beginning
 *                                               `pairs` whose last column is F1; writes nothing
 *
 * Exit code 1 when a file cannot be used (the message says the file, row, column and why), 2 on wrong
 * arguments. The scoring is src/lib/lessons/repeat-eval.ts; this file reads and prints.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OTHER_AGENCY_FACTOR, PART_WEIGHTS, REPEAT_THRESHOLD } from '../src/lib/lessons/repeat-concepts';
import { bestThreshold, counts, groupedCv, jaccard, pairScores, pairsLine, PairsError, readPairs, type PairCounts } from '../src/lib/lessons/repeat-eval';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PAIRS = process.env.REPEAT_PAIRS ?? path.join(ROOT, '../collected/pairs-all.csv');
const RESULTS = path.join(ROOT, 'data/eval/repeats-results.json');

let args;
try {
	args = parseArgs({ options: { labels: { type: 'string' } } }).values;
} catch (e) {
	console.error(`${(e as Error).message}\nUsage: npm run eval:repeats [-- --labels FILE.csv]`);
	process.exit(2);
}

function load(file: string) {
	if (!existsSync(file)) {
		console.error(`${file}: no such file.`);
		process.exit(1);
	}
	try {
		return readPairs(readFileSync(file, 'utf8'), path.basename(file));
	} catch (e) {
		if (e instanceof PairsError) {
			console.error(e.message);
			process.exit(1);
		}
		throw e;
	}
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const rounded = (c: PairCounts) => ({ ...c, precision: r3(c.precision), recall: r3(c.recall), f1: r3(c.f1) });

if (args.labels) {
	const pairs = load(args.labels);
	const scores = pairScores(pairs);
	console.log(`Repeat finder at the app's threshold ${REPEAT_THRESHOLD} (words ${PART_WEIGHTS.words}, subjects ${PART_WEIGHTS.subject}, actions ${PART_WEIGHTS.action}; other agency type x${OTHER_AGENCY_FACTOR}), ${path.basename(args.labels)}:`);
	console.log(pairsLine(counts(scores, pairs.map((p) => p.same), REPEAT_THRESHOLD)));
} else {
	const pairs = load(DEFAULT_PAIRS);
	const same = pairs.map((p) => p.same);
	const reviews = new Set(pairs.flatMap((p) => [p.review_a, p.review_b]).filter((r) => r));
	const jac = pairs.map((p) => jaccard(p.text_a, p.text_b, p.agency_a, p.agency_b));
	const fewWords = jac.filter((j, i) => same[i] && j < 0.2).length;
	const cv = groupedCv(pairs, 5);
	const app = counts(pairScores(pairs), same, REPEAT_THRESHOLD);
	const oldRule = counts(jac, same, 0.5);
	const jacBest = bestThreshold(jac, same);
	console.log(`${pairs.length} real pairs from ${reviews.size} reviews; ${same.filter(Boolean).length} the same change, ${fewWords} of them sharing under a fifth of their content words.`);
	console.log('\nGrouped cross-validation (5 folds by review; weights and threshold chosen on the training pairs only):');
	for (const f of cv.folds) console.log(`  fold ${f.fold}: train ${f.trainPairs}, test ${f.testPairs}, threshold ${f.threshold}, words ${f.weights.parts?.words}, subjects ${f.weights.parts?.subject}, actions ${f.weights.parts?.action}, other agency x${f.weights.otherAgencyFactor}: test F1 ${f.test.f1.toFixed(3)}`);
	console.log(`  cv ${pairsLine(cv.pooled)}`);
	console.log(`\nAt the app's threshold ${REPEAT_THRESHOLD} (chosen on all these pairs, so this flatters it):\n  ${pairsLine(app)}`);
	console.log(`\nThe old rule (Jaccard of content words >= 0.5):\n  ${pairsLine(oldRule)}`);
	console.log(`Jaccard at its best threshold on these pairs (${jacBest}):\n  ${pairsLine(counts(jac, same, jacBest))}`);
	const results = {
		generated_by: 'npm run eval:repeats',
		pairs: pairs.length,
		reviews: reviews.size,
		positives: same.filter(Boolean).length,
		positives_sharing_under_a_fifth_of_words: fewWords,
		app: { threshold: REPEAT_THRESHOLD, part_weights: PART_WEIGHTS, other_agency_factor: OTHER_AGENCY_FACTOR, in_sample: rounded(app) },
		grouped_cv: { folds: cv.folds.map((f) => ({ ...f, test: rounded(f.test) })), pooled: rounded(cv.pooled) },
		old_rule_jaccard_0_5: rounded(oldRule),
		jaccard_best_in_sample: { threshold: jacBest, ...rounded(counts(jac, same, jacBest)) }
	};
	writeFileSync(RESULTS, JSON.stringify(results, null, '\t') + '\n');
	console.log(`\nWrote ${path.relative(ROOT, RESULTS)} (figures only, no texts).`);
}
