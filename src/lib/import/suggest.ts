/**
 * What the tagger suggests for one recommendation's text, on both questions, in the shape the
 * import keeps and shows: kinds of change (recommendation_categories) and themes
 * (recommendation_themes), each with its confidence, the words behind it, and whether a person
 * should check it.
 *
 * Kinds of change are the tagger's categories (src/lib/lessons/tags.ts). Themes are autoThemes'
 * (the tagger's topics mapped onto data/themes.json, and the cues for themes no topic stands for);
 * a theme's confidence is the highest of the tagger's labels that stand for it (null when only the
 * cues found it: the cues give no probability). A suggestion is to be checked when its confidence is
 * under LOW_CONFIDENCE, or when it is tentative (the likeliest kind of change, given because every
 * recommendation needs one, under its threshold).
 *
 * Loaded only where tagging happens (the import worker, /import, the demo generator): it pulls in
 * the tagger's model.
 */
import { LOW_CONFIDENCE, committedModel, tagRecommendation } from '../lessons/tags';
import type { Compiled } from '../lessons/tagger';
import { CATEGORIES, TOPICS } from '../model/categories';
import { autoThemes } from './autotheme';

export interface CategorySuggestion {
	category: string;
	confidence: number;
	reasons: string[];
	tentative: boolean;
	/** For a person to look at: low confidence or tentative. */
	check: boolean;
}

export interface ThemeSuggestion {
	theme: string;
	/** The tagger's confidence for the label standing for this theme; null when only the cue words found it. */
	confidence: number | null;
	/** The words that led to it (cue words quoted from the text, else the tagger's reasons). */
	words: string[];
	check: boolean;
}

export interface Suggestions {
	categories: CategorySuggestion[];
	themes: ThemeSuggestion[];
}

/** Theme ids each tagger label (category or topic id) stands for. */
const THEMES_OF = new Map<string, readonly string[]>([...CATEGORIES, ...TOPICS].map((x) => [x.id, x.themes]));

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Both questions for one text; `model` is the committed one unless a refitted one is given. */
export function suggest(text: string, model: Compiled = committedModel()): Suggestions {
	const tags = tagRecommendation(text, model);
	const categories = tags.categories.map((c) => ({
		category: c.id,
		confidence: round(c.confidence),
		reasons: c.reasons,
		tentative: c.tentative,
		check: c.tentative || c.confidence < LOW_CONFIDENCE
	}));
	const conf = new Map<string, number>();
	for (const s of [...tags.topics, ...tags.categories.filter((c) => !c.tentative)])
		for (const theme of THEMES_OF.get(s.id) ?? []) conf.set(theme, Math.max(conf.get(theme) ?? 0, s.confidence));
	const themes = autoThemes(text, undefined, model).map((t) => {
		const c = conf.get(t.theme);
		return { theme: t.theme, confidence: c === undefined ? null : round(c), words: t.words, check: c !== undefined && c < LOW_CONFIDENCE };
	});
	return { categories, themes };
}
