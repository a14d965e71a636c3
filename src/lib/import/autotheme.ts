/**
 * Themes from recommendation text, for recommendations that arrive without themes. Tags made here
 * are stored with source 'auto', and the words that led to each are returned so the user can see why.
 *
 * `autoThemes` reads the text with the recommendation tagger (src/lib/lessons/tags.ts, trained and
 * measured on real recommendations) and maps what it suggests onto the theme ids of data/themes.json
 * (src/lib/model/categories.ts says which topic or kind of change stands for which theme). Themes no
 * topic or category stands for (MARAC, stalking, economic abuse, review governance) come from the
 * cues of data/theme-cues.json (`cueThemes`): weighted phrases compared word by word after Porter
 * stemming, with optional gaps, "not" phrases and a threshold. The words given for a theme are the
 * cue phrases found for it when there are any (they quote the text), else the tagger's reasons.
 * `keywordThemes` is the bare keyword baseline (a keyword from data/themes.json at a word start),
 * kept so `npm run eval:themes` can show what the rest adds. No network, no download at run time.
 */
import { stemmer } from 'stemmer';
import cuesFile from '../../../data/theme-cues.json';
import { tagRecommendation } from '../lessons/tags';
import type { Compiled } from '../lessons/tagger';
import { isStopword, tokenize, type Token } from '../lessons/tokens';
import { CATEGORIES, TOPICS } from '../model/categories';
import { THEMES, type Theme } from '../model/themes';

export interface AutoTheme {
	theme: string;
	words: string[];
}

// ---------------------------------------------------------------- the bare keyword baseline

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiledKeywords = (themes: readonly Theme[]) =>
	themes.map((t) => ({ id: t.id, tests: t.keywords.map((k) => ({ word: k, re: new RegExp(`(^|[^a-z0-9])${escape(k.toLowerCase())}`) })) }));
const KEYWORDS = compiledKeywords(THEMES);

/** The baseline: every theme with a keyword at a word start, case-insensitive, and the keywords found. */
export function keywordThemes(text: string, themes?: readonly Theme[]): AutoTheme[] {
	const lower = text.toLowerCase();
	const out: AutoTheme[] = [];
	for (const t of themes ? compiledKeywords(themes) : KEYWORDS) {
		const words = t.tests.filter((k) => k.re.test(lower)).map((k) => k.word);
		if (words.length) out.push({ theme: t.id, words });
	}
	return out;
}

// ---------------------------------------------------------------- the cue tagger

/** One word of a cue: a gap ('...'), an exact word ('=followed'), or a word compared by stem or as a prefix. */
type Part = { gap: true } | { gap: false; exact: boolean; raw: string; stem: string };

interface Cue {
	phrase: string;
	weight: number;
	parts: Part[];
}

export interface ThemeCues {
	id: string;
	cues: Cue[];
	not: Part[][];
	threshold: number;
}

export interface CueFile {
	themes: Record<string, { cues: Record<string, number>; not?: string[]; threshold?: number }>;
}

/** Words up to four apart may stand between the two sides of a '...' gap. */
const GAP = 4;

function parse(phrase: string): Part[] {
	return phrase
		.toLowerCase()
		.replace(/['’‘]/g, '')
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((w): Part[] => {
			if (w === '...' || w === '…') return [{ gap: true }];
			const exact = w.startsWith('=');
			return w
				.replace(/^=/, '')
				.split(/[^a-z0-9]+/)
				.filter(Boolean)
				.map((raw) => ({ gap: false, exact, raw, stem: stemmer(raw) }));
		});
}

/**
 * A word of text matches a cue word when their stems are equal, or when the text word starts with
 * the cue word as written (so 'suicid' covers 'suicide' and 'suicidal', as the keywords did).
 */
const same = (t: Token, p: Extract<Part, { gap: false }>) => (p.exact ? t.raw === p.raw : t.stem === p.stem || t.raw.startsWith(p.raw));

/** Every place the phrase occurs: the positions of the words it matched (gaps not included). */
/** What a text holds, for ruling a cue out quickly: its stems, words, and every start of every word. */
interface Present {
	stems: Set<string>;
	raws: Set<string>;
	starts: Set<string>;
}

function present(tokens: readonly Token[]): Present {
	const starts = new Set<string>();
	for (const t of tokens) for (let n = 1; n <= t.raw.length; n++) starts.add(t.raw.slice(0, n));
	return { stems: new Set(tokens.map((t) => t.stem)), raws: new Set(tokens.map((t) => t.raw)), starts };
}

/** False when some word of the phrase is nowhere in the text, so the phrase cannot occur. */
const possible = (parts: readonly Part[], has: Present) =>
	parts.every((p) => p.gap || (p.exact ? has.raws.has(p.raw) : has.stems.has(p.stem) || has.starts.has(p.raw)));

function occurrences(tokens: readonly Token[], parts: readonly Part[], has?: Present): number[][] {
	const out: number[][] = [];
	if (has && !possible(parts, has)) return out;
	const walk = (pi: number, ti: number, gapOk: boolean, taken: number[]) => {
		if (pi === parts.length) return void out.push(taken);
		const p = parts[pi];
		if (p.gap) return walk(pi + 1, ti, true, taken);
		const last = Math.min(tokens.length - 1, gapOk ? ti + GAP : ti);
		for (let i = ti; i <= last; i++) if (same(tokens[i], p)) walk(pi + 1, i + 1, false, [...taken, i]);
	};
	for (let start = 0; start < tokens.length; start++) {
		const first = parts[0];
		if (first && !first.gap && same(tokens[start], first)) walk(1, start + 1, false, [start]);
	}
	return out;
}

export function compileCues(file: CueFile, themes: readonly Theme[] = THEMES): ThemeCues[] {
	return themes.map((t) => {
		const entry = file.themes[t.id];
		// A theme the cue file does not know falls back to its keywords, each enough alone.
		const cues = entry ? Object.entries(entry.cues) : t.keywords.map((k) => [k, 1] as [string, number]);
		return {
			id: t.id,
			// A cue made of stop words only ('consider', 'this', 'learning') would tag from words that say nothing.
			cues: cues.filter(([phrase]) => parse(phrase).some((p) => !p.gap && !isStopword(p))).map(([phrase, weight]) => ({ phrase: phrase.replace(/\s*\.\.\.\s*/g, ' … ').replace(/(^|\s)=/g, '$1'), weight, parts: parse(phrase) })),
			not: (entry?.not ?? []).map(parse),
			threshold: entry?.threshold ?? 1
		};
	});
}

const DEFAULT = compileCues(cuesFile as CueFile);

/** The words of the text a cue matched, as written; words a gap skipped become "…". */
function quote(text: string, tokens: readonly Token[], at: readonly number[]): string {
	const pieces: string[] = [];
	let from = at[0];
	for (let k = 1; k <= at.length; k++) {
		if (k < at.length && at[k] === at[k - 1] + 1) continue;
		pieces.push(text.slice(tokens[from].start, tokens[at[k - 1]].end));
		from = at[k];
	}
	return pieces.join(' … ');
}

/** Each theme's matched cues (as the text words them) and score, for tagging and for explaining a tag. */
export function scoreThemes(text: string, compiled: readonly ThemeCues[] = DEFAULT): { theme: string; score: number; words: string[]; tagged: boolean }[] {
	const tokens = tokenize(text);
	const has = present(tokens);
	return compiled.map((t) => {
		const masked = new Set(t.not.flatMap((parts) => occurrences(tokens, parts, has).flat()));
		const found = t.cues
			.map((cue) => ({ cue, at: occurrences(tokens, cue.parts, has).filter((pos) => !pos.some((i) => masked.has(i))) }))
			.filter((f) => f.at.length > 0);
		// A cue found only inside a longer cue's words ('control' inside 'coercive control'), or only on
		// the very words an earlier cue took, adds nothing.
		const covers = (g: (typeof found)[number], f: (typeof found)[number], gi: number, fi: number) => {
			const longer = g.at[0].length > f.at[0].length;
			return (longer || gi < fi) && f.at.every((pos) => g.at.some((gp) => pos.every((i) => gp.includes(i)) && (longer || gp.length === pos.length)));
		};
		const kept = found.filter((f, fi) => !found.some((g, gi) => g !== f && covers(g, f, gi, fi)));
		const score = kept.reduce((s, f) => s + f.cue.weight, 0);
		const words = [...new Set(kept.map((f) => quote(text, tokens, f.at[0])))];
		return { theme: t.id, score, words, tagged: score >= t.threshold - 1e-9 };
	});
}

/** The cue tagger alone: the themes whose cues reach their threshold, with the cues that matched. */
export function cueThemes(text: string, compiled: readonly ThemeCues[] = DEFAULT): AutoTheme[] {
	return scoreThemes(text, compiled)
		.filter((s) => s.tagged)
		.map(({ theme, words }) => ({ theme, words }));
}

/** Theme ids each topic or category id stands for. */
const THEMES_OF = new Map<string, readonly string[]>([...CATEGORIES, ...TOPICS].map((x) => [x.id, x.themes]));
/** Themes some topic or category stands for; the rest are left to the cues. */
const COVERED: ReadonlySet<string> = new Set([...THEMES_OF.values()].flat());

/**
 * The tagger's topics and kinds of change as themes, plus the cue themes no topic or category
 * covers; each with the cue words found for it, else the tagger's reasons. Taxonomy order.
 */
export function tagThemes(text: string, compiled: readonly ThemeCues[] = DEFAULT, model?: Compiled): AutoTheme[] {
	const tags = tagRecommendation(text, model);
	const byCue = new Map(cueThemes(text, compiled).map((t) => [t.theme, t.words]));
	const byModel = new Map<string, string[]>();
	for (const s of [...tags.topics, ...tags.categories.filter((c) => !c.tentative)])
		for (const theme of THEMES_OF.get(s.id) ?? []) byModel.set(theme, [...new Set([...(byModel.get(theme) ?? []), ...s.reasons])]);
	return compiled
		.map((t) => t.id)
		.filter((id) => byModel.has(id) || (!COVERED.has(id) && byCue.has(id)))
		.map((id) => ({ theme: id, words: byCue.get(id) ?? byModel.get(id) ?? [] }));
}

/** The themes found in `text` (the tagger, then the cues), each with the words that led to it. */
export function autoThemes(text: string, themes?: readonly Theme[], model?: Compiled): AutoTheme[] {
	return tagThemes(text, themes ? compileCues(cuesFile as CueFile, themes) : DEFAULT, model);
}

// ---------------------------------------------------------------- coded theme cells

/** A coded theme cell ("Training; MARAC referral") -> theme ids; unknown names returned apart. */
export function themeIdsOf(cell: string, themes: readonly Theme[] = THEMES): { ids: string[]; unknown: string[] } {
	const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
	const ids: string[] = [];
	const unknown: string[] = [];
	for (const part of cell.split(/[;,|\n]/).map((p) => p.trim()).filter(Boolean)) {
		const t = themes.find((t) => norm(t.id) === norm(part) || norm(t.label) === norm(part));
		if (t) ids.push(t.id);
		else unknown.push(part);
	}
	return { ids: [...new Set(ids)], unknown };
}
