/**
 * Whole-file values: what holds for every row of a file but is written on none of them. Trackers
 * rarely carry the partnership on each row — it is in the title ("Anytown CSP – DHR action plan
 * tracker") or the file name — and a one-review action plan names its review only in its title.
 * The user says these once (on /import, or `--partnership`, `--review-type`, `--region`, `--review`,
 * `--published` for `npm run import`); a guess from the titles or the file name is offered first.
 * A column the user can supply once never blocks an import.
 */
import { REGIONS } from '../model/vocab';
import type { Source } from './types';

export interface FileValues {
	/** Community Safety Partnership of every review in the file (required by the model). */
	partnership?: string | null;
	/** 'DHR' or 'DARDR'. */
	review_type?: string | null;
	region?: string | null;
	/** The review's id/name, for a file (or sheet) that is one review. */
	review?: string | null;
	/** The review's publication date (or month, or year): dates charts by year and resolves "within 6 months". */
	published?: string | null;
	/** The fields above that are guesses (from titles or the file name), not typed by the user. */
	guessed?: FileValueField[];
}

export const FILE_VALUE_FIELDS = ['partnership', 'review_type', 'region', 'review', 'published'] as const;
export type FileValueField = (typeof FILE_VALUE_FIELDS)[number];

/** A guess, and where it came from, for the page to say ("from the title row of sheet Actions"). */
export interface Guess {
	value: string;
	from: string;
}

const stem = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
/** "Anytown_CSP-DHR_action_plan" -> "Anytown CSP DHR action plan". */
const wordsOf = (name: string) => name.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Words that end a partnership's name. "Safer Anytown Partnership", "Anytown Community Safety
 * Partnership", "Anytown CSP", "Anytown Borough Council", "Anytown Safeguarding Adults Board".
 */
const PARTNERSHIP =
	/((?:safer|stronger|community safety|the)?[\s\w'’&,.-]*?\b(?:community safety partnership|safety partnership|csp|partnership|borough council|city council|county council|district council|council|safeguarding (?:adults |children )?(?:board|partnership)))\b/i;
/** Words before which a title stops naming its partnership: "– DHR action plan", "Domestic Homicide Review". */
const TITLE_TAIL = /\s*(?:[–—:|]|\s-\s|\bdomestic (?:homicide|abuse related death) reviews?\b|\bdhrs?\b|\bdardrs?\b|\baction plans?\b|\btracker\b|\brecommendations?\b)/i;

/** The partnership a title or file name names, or null. */
export function partnershipIn(text: string): string | null {
	const t = wordsOf(text);
	// The partnership is named in one part of a title ("Anytown CSP – DHR action plan", "DHR action
	// plans - Borsetshire Community Safety Partnership"): each part is tried, the document's own words
	// ("Domestic Homicide Review", "action plan", "tracker") left out.
	// A labelled title: "Partnership: East – Review: Q1", "CSP: Anytown".
	const labelled = t.match(/\b(?:partnership|csp|community safety partnership)\s*:\s*([^–—|:]+?)(?=\s+[–—|-]\s|\s*$|\s+review\s*:)/i);
	if (labelled && labelled[1].trim()) return labelled[1].trim();
	const parts = t.split(/\s*(?:[–—:|]|\s-\s)\s*/).map((p) => p.split(TITLE_TAIL)[0]?.trim() ?? '');
	for (const part of parts) {
		const m = part.match(PARTNERSHIP);
		if (!m) continue;
		const name = m[1].replace(/^[\s,.-]+|[\s,.-]+$/g, '').replace(/^the\s+/i, '');
		// "Partnership" alone, or "Council" alone, names no one.
		if (name.split(/\s+/).length >= 2 && !/^(?:community safety partnership|csp|partnership|council)$/i.test(name)) return name;
	}
	return null;
}

/**
 * The review a title names: "DHR 'Adult A'", "Domestic Homicide Review – Jane (2021)",
 * "DHR 12: Sarah", "Review of the death of 'Ruth'". Null when none is named.
 */
export function reviewIn(text: string): string | null {
	const t = wordsOf(text);
	const labelled = t.match(/\b(?:review|dhr|dardr)\s*:\s*([^–—|:]+?)(?=\s+[–—|-]\s|\s*$)/i);
	if (labelled && labelled[1].trim()) return labelled[1].trim();
	const quoted = t.match(/["“‘'«]([^"”’'»]{1,60})["”’'»]/);
	const kind = t.match(/\b(DHR|DARDR|Domestic Homicide Review|Domestic Abuse Related Death Review)\b\s*(?:(?:into the death of|of|for|re)\b|[–—:-])?\s*/i);
	if (kind && quoted) return `${kind[1].length <= 5 ? kind[1].toUpperCase() : 'DHR'} ${quoted[1].trim()}`;
	if (quoted && /\b(death|review|dhr|dardr|action plan)\b/i.test(t)) return quoted[1].trim();
	if (kind) {
		const after = t.slice(kind.index! + kind[0].length).split(TITLE_TAIL)[0].trim();
		const m = after.match(/^((?:no\.?\s*)?[A-Z0-9][\w/ -]{0,40}?)(?:\s*\(|$)/i);
		if (m && !/^(action|tracker|recommendation|review|plan|update|progress|report)/i.test(m[1])) return `${kind[1].length <= 5 ? kind[1].toUpperCase() : 'DHR'} ${m[1].trim()}`;
	}
	return null;
}

/** "published June 2022", "Publication date: 14/06/2022" in a title. */
export function publishedIn(text: string): string | null {
	const m = wordsOf(text).match(/\bpublish(?:ed|ing)?(?: date)?(?: on| in)?:?\s+((?:\d{1,2}(?:st|nd|rd|th)? )?[a-z]+ \d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/i);
	return m ? m[1] : null;
}

const REGION_WORDS = REGIONS.map((r) => ({ region: r, re: new RegExp(`\\b${r.replace(/[()]/g, '')}\\b`, 'i') }));

/** Guesses for one file's whole-file values, from its sources' titles, then its name. */
export function guessFileValues(file: string, sources: readonly Pick<Source, 'file' | 'sheet' | 'titles' | 'kind'>[]): Partial<Record<FileValueField, Guess>> {
	const out: Partial<Record<FileValueField, Guess>> = {};
	const texts: { text: string; from: string }[] = [];
	for (const s of sources.filter((x) => x.file === file))
		for (const t of s.titles ?? []) texts.push({ text: t, from: s.sheet ? `the title of sheet ${s.sheet}` : s.kind === 'report-text' ? "the report's title" : 'the title above the table' });
	texts.push({ text: stem(file), from: 'the file name' });
	for (const { text, from } of texts) {
		if (!out.partnership) {
			const p = partnershipIn(text);
			if (p) out.partnership = { value: p, from };
		}
		if (!out.region) {
			const r = REGION_WORDS.find((x) => x.re.test(text));
			if (r) out.region = { value: r.region, from };
		}
		if (!out.review_type && /\b(DARDR|domestic abuse related death review)\b/i.test(text)) out.review_type = { value: 'DARDR', from };
		if (!out.published) {
			const d = publishedIn(text);
			if (d) out.published = { value: d, from };
		}
	}
	// A review name only from a single table's title (a workbook of several reviews names each sheet's own).
	const own = sources.filter((x) => x.file === file);
	if (own.length === 1) {
		for (const { text, from } of texts) {
			const r = reviewIn(text);
			if (r) {
				out.review = { value: r, from };
				break;
			}
		}
	}
	return out;
}

/** The review a sheet's title (or, failing that, its name) names, for a workbook of one review per sheet. */
export function sheetReview(source: Pick<Source, 'sheet' | 'titles'>): { value: string; from: string } {
	for (const t of source.titles ?? []) {
		const r = reviewIn(t);
		if (r) return { value: r, from: `the title of sheet ${source.sheet}` };
	}
	return { value: (source.sheet ?? '').trim(), from: `the name of sheet ${source.sheet}` };
}
