/**
 * The theme taxonomy the generator codes recommendations with: read from data/themes.json, the one
 * hand-edited source of theme ids, so demo data can only carry themes the app knows.
 */
import themesFile from '../../../data/themes.json';

export interface ThemeDef {
	id: string;
	label: string;
	category: string;
	keywords: string[];
}

export const THEMES: readonly ThemeDef[] = (themesFile as { themes: ThemeDef[] }).themes;
export const THEME_IDS: readonly string[] = THEMES.map((t) => t.id);
