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

// Stemming is most of the cost of reading a text, and recommendations reuse the same few thousand
// words: each word is stemmed once.
const stems = new Map<string, string>();
function stemOf(raw: string): string {
	let s = stems.get(raw);
	if (s === undefined) {
		s = stemmer(raw);
		if (stems.size < 50_000) stems.set(raw, s);
	}
	return s;
}

/** A word is a run of letters and digits (a-z, 0-9), apostrophes inside it dropped. */
export function tokenize(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(/[a-z0-9'’‘]+/gi)) {
		const raw = m[0].toLowerCase().replace(/['’‘]/g, '');
		if (raw) out.push({ raw, stem: stemOf(raw), start: m.index, end: m.index + m[0].length });
	}
	return out;
}

/**
 * Words too common in recommendations to say anything about what they ask, compared as written and
 * as stems (the Porter stem of "this" is "thi", of "was" "wa": a list of stems alone let them through).
 * Words that only say a recommendation is being made ("consider", "learning", "lessons") are here too:
 * they were tagging "information sharing" from "consider this learning" and "share learning".
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
	(
		'the a an of to and or in on for with by at from that this these those be is are was were been being should ensure all any their its it as when where which ' +
		'who whom whether has have had not no so such than then there they them he she her his him will would can could may might must also ' +
		'into about each every within ' +
		'consider considered considers considering learning learn learned learnt lesson lessons'
	).split(' ')
);

/** A word that never counts as a feature or a cue: a stop word as written or as stemmed. */
export const isStopword = (t: { raw: string; stem: string }) => STOPWORDS.has(t.raw) || STOPWORDS.has(t.stem);
