/** The theme taxonomy, read from the human-edited `data/themes.json`. */
import raw from '../../../data/themes.json';

export interface Theme {
	id: string;
	label: string;
	description: string;
	category: string;
	keywords: string[];
}

export const THEMES: readonly Theme[] = raw.themes;

const byId = new Map(THEMES.map((t) => [t.id, t]));

export function themeLabel(id: string): string {
	return byId.get(id)?.label ?? id;
}
