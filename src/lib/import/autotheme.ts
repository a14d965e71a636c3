/**
 * Themes from recommendation text, for recommendations that arrive without themes: a theme's
 * keyword (data/themes.json) matches at a word start, case-insensitive. Tags made here are stored
 * with source 'auto', and the words that matched are returned so the user can see why.
 */
import { THEMES, type Theme } from '../model/themes';

export interface AutoTheme {
	theme: string;
	words: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = (themes: readonly Theme[]) =>
	themes.map((t) => ({ id: t.id, tests: t.keywords.map((k) => ({ word: k, re: new RegExp(`(^|[^a-z0-9])${escape(k.toLowerCase())}`) })) }));
const DEFAULT = compiled(THEMES);

export function autoThemes(text: string, themes?: readonly Theme[]): AutoTheme[] {
	const lower = text.toLowerCase();
	const out: AutoTheme[] = [];
	for (const t of themes ? compiled(themes) : DEFAULT) {
		const words = t.tests.filter((k) => k.re.test(lower)).map((k) => k.word);
		if (words.length) out.push({ theme: t.id, words });
	}
	return out;
}

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
