/**
 * Training the recommendation tagger (src/lib/lessons/tagger.ts) with its thresholds: used by
 * scripts/train-themes.ts and scripts/eval-themes.ts under Node, never by the app.
 *
 * trainModel fits every head on the rows and chooses each head's threshold from out-of-fold
 * probabilities of an inner grouped cross-validation (folds by review), so a threshold is never
 * chosen on the texts it was fitted to.
 */
import { groupedFolds } from './evaluate';
import { chooseThresholds, compileModel, scoreVector, trainHeads, TRAINING, vectorise, type TaggerModel, type TrainingRow, type TrainOptions } from './tagger';

export interface GroupedRow extends TrainingRow {
	/** The review the text comes from. */
	group: string;
}

/** Inner folds for choosing thresholds. */
export const INNER_FOLDS = 5;

/** Out-of-fold probabilities of every head for every row (grouped folds), in the model's head order. */
export function outOfFold(rows: readonly GroupedRow[], k: number, opts: TrainOptions = TRAINING): { probs: number[][]; heads: { kind: string; id: string }[] } {
	const fold = groupedFolds(rows.map((r) => r.group), k);
	const probs: number[][] = new Array(rows.length);
	let heads: { kind: string; id: string }[] = [];
	for (const f of [...new Set(fold)].sort((a, b) => a - b)) {
		const model = compileModel(trainHeads(rows.filter((_, i) => fold[i] !== f), opts));
		heads = model.heads.map((h) => ({ kind: h.kind, id: h.id }));
		rows.forEach((r, i) => {
			if (fold[i] === f) probs[i] = scoreVector(vectorise(r.text, model), model).map((s) => s.p);
		});
	}
	return { probs, heads };
}

export function trainModel(rows: readonly GroupedRow[], opts: TrainOptions = TRAINING): TaggerModel {
	const model = trainHeads(rows, opts);
	if (new Set(rows.map((r) => r.group)).size >= 2) {
		const oof = outOfFold(rows, INNER_FOLDS, opts);
		const gold = rows.map((r) => oof.heads.map((h) => (h.kind === 'category' ? r.categories : r.topics).includes(h.id)));
		const t = chooseThresholds(oof.probs, gold);
		model.heads.forEach((h, i) => (h.threshold = t[i]));
	}
	return model;
}
