/**
 * The recommendation tagger with its committed model: the API the rest of the app uses.
 *
 *   tagRecommendation(text) -> { categories: {id, confidence, reasons}[], topics: {...}[] }
 *   refitModel(codedRows)   -> a model refitted on a dataset's coded recommendations
 *
 * The model (src/lib/lessons/tagger-model.json, about 20 kB gzipped) is imported here and nowhere
 * else, so only the code that tags (the import worker, /import, /lessons) pulls it in; it is
 * compiled on first use.
 */
import modelFile from './tagger-model.json';
import { compileModel, refit, tagWith, type CodedRow, type Compiled, type TaggerModel, type Tags } from './tagger';

export type { CodedRow, Suggestion, Tags } from './tagger';

let compiled: Compiled | null = null;

/** The committed model, compiled once. */
export function committedModel(): Compiled {
	return (compiled ??= compileModel(modelFile as TaggerModel));
}

/** Below this confidence a suggestion should be looked at by a person (it may still be right). */
export const LOW_CONFIDENCE = 0.5;

/**
 * Kinds of change (one to four; `other` alone) and topics (none to three) of a recommendation,
 * strongest first, each with the model's confidence (0–1) and the words that weighed most.
 * `model` is the committed one unless a refitted one is given.
 */
export function tagRecommendation(text: string, model: Compiled = committedModel()): Tags {
	return tagWith(text, model);
}

/**
 * The committed model refitted on coded recommendations (category and topic ids a person gave or
 * confirmed). Milliseconds for a few hundred rows; the result is passed to tagRecommendation.
 */
export function refitModel(rows: readonly CodedRow[], base: Compiled = committedModel()): Compiled {
	return refit(rows, base);
}
