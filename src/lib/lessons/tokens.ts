/** Words of a text for the theme taggers: lower case, apostrophes dropped, each with its Porter stem. */
import { stemmer } from 'stemmer';

export interface Token {
	/** The word as written, lower case, apostrophes dropped ("children's" -> "childrens"). */
	raw: string;
	/** Its Porter stem ("assessing" -> "assess"). */
	stem: string;
	/** Where the word is in the text: text.slice(start, end) is the word as written. */
	start: number;
	end: number;
}

/** A word is a run of letters and digits (a-z, 0-9), apostrophes inside it dropped. */
export function tokenize(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(/[a-z0-9'’‘]+/gi)) {
		const raw = m[0].toLowerCase().replace(/['’‘]/g, '');
		if (raw) out.push({ raw, stem: stemmer(raw), start: m.index, end: m.index + m[0].length });
	}
	return out;
}
