/** Words of a text for the theme taggers: lower case, apostrophes dropped, each with its Porter stem. */
import { stemmer } from 'stemmer';

export interface Token {
	/** The word as written, lower case, apostrophes dropped ("children's" -> "childrens"). */
	raw: string;
	/** Its Porter stem ("assessing" -> "assess"). */
	stem: string;
}

export function tokenize(text: string): Token[] {
	return text
		.toLowerCase()
		.replace(/['’‘]/g, '')
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.map((raw) => ({ raw, stem: stemmer(raw) }));
}
