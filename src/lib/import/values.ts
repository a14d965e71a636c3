/**
 * Cell values -> model values: placeholder words, status words and RAG colours, booleans and the
 * small vocabularies. Each returns the code or null, never guesses silently: the caller reports.
 */
import { AGE_BANDS, DEATH_TYPES, REGIONS, RELATIONSHIPS, REVIEW_TYPES, SCOPES, SEXES, type Status } from '../model/vocab';
import type { Cell } from './types';

const key = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9/+]+/g, ' ').trim();

/** Words that mean "no value yet" in a tracker; they become empty with a warning. */
const PLACEHOLDERS = new Set(['tbc', 'tba', 'tbd', 'to be confirmed', 'to be agreed', 'ongoing', 'n/a', 'n a', 'na', 'none', 'not known', 'unknown', 'various', 'pending', 'see above', 'see below', '?', '-', '']);

export function isPlaceholder(value: Cell): boolean {
	return typeof value === 'string' && PLACEHOLDERS.has(key(value).replace(/\s*\/\s*/g, '/'));
}

/**
 * Status words and RAG colours. In trackers a RAG rating says whether an action is on track, not
 * whether it is done: Green = on track, Amber = at risk, Red = off track — all still open — and
 * Blue (or "complete") = done. Only words that say done mean completed. Each RAG colour's meaning
 * is in RAG_MEANING, shown beside the mapping on /import and in the report.
 */
export const STATUS_WORDS: Record<string, Status> = {
	complete: 'completed',
	completed: 'completed',
	'completed and closed': 'completed',
	'complete and closed': 'completed',
	'closed complete': 'completed',
	done: 'completed',
	closed: 'completed',
	achieved: 'completed',
	implemented: 'completed',
	finished: 'completed',
	met: 'completed',
	blue: 'completed',
	b: 'completed',
	green: 'in progress',
	g: 'in progress',
	amber: 'in progress',
	yellow: 'in progress',
	a: 'in progress',
	red: 'in progress',
	r: 'in progress',
	'in progress': 'in progress',
	'on track': 'in progress',
	'off track': 'in progress',
	'at risk': 'in progress',
	ongoing: 'in progress',
	'on going': 'in progress',
	underway: 'in progress',
	'under way': 'in progress',
	started: 'in progress',
	'partially complete': 'in progress',
	'partially completed': 'in progress',
	'partly complete': 'in progress',
	'part complete': 'in progress',
	'partially met': 'in progress',
	delayed: 'in progress',
	overdue: 'in progress',
	open: 'in progress',
	'not started': 'not started',
	'not yet started': 'not started',
	'not commenced': 'not started',
	'not yet commenced': 'not started',
	outstanding: 'not started',
	'not accepted': 'not accepted',
	rejected: 'not accepted',
	declined: 'not accepted',
	'not agreed': 'not accepted',
	withdrawn: 'not accepted',
	superseded: 'not accepted',
	'no longer required': 'not accepted',
	'no longer applicable': 'not accepted',
	'action complete': 'completed',
	'action completed': 'completed',
	'fully complete': 'completed',
	'fully completed': 'completed',
	'fully implemented': 'completed',
	'fully achieved': 'completed',
	'completed and embedded': 'completed',
	'complete and embedded': 'completed',
	'completed and evidenced': 'completed',
	'complete and evidenced': 'completed',
	'partially achieved': 'in progress',
	'partially implemented': 'in progress',
	'part implemented': 'in progress',
	'work in progress': 'in progress'
};

/** What a RAG colour says beyond its status: whether the open action is on track. */
export const RAG_MEANING: Record<string, string> = {
	green: 'on track',
	g: 'on track',
	amber: 'at risk',
	yellow: 'at risk',
	a: 'at risk',
	red: 'off track',
	r: 'off track',
	blue: 'done',
	b: 'done'
};

/** Status word -> code; `extra` holds the user's own mapping of words this list does not know. */
export function statusOf(value: Cell, extra: Record<string, Status> = {}): Status | null {
	return statusReading(value, extra)?.status ?? null;
}

/** Status phrases of two letters or more, longest first (a cell's first words are read against them). */
const PHRASES = Object.keys(STATUS_WORDS)
	.filter((k) => k.length > 1)
	.sort((a, b) => b.length - a.length);
const MONTH = /^\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/;
const SEPARATOR = /^\s*(?:[-–—:;(,./]|\d)/;

/**
 * How a status cell reads: the whole cell a status word (or the user's mapping of it), or — in real
 * trackers a status cell often says more — its first words a status phrase followed by a note
 * ("Complete – evidence received", "Completed (March 2024)", "Green: on track", "Amber – delayed").
 * The first words count only when followed by punctuation, a date or a status word that agrees;
 * "Complete the audit" is not a status, and "Red – not started" (two statuses) is left to the user.
 * `phrase` is the status phrase read; `whole` false when it was only the first words.
 */
export function statusReading(value: Cell, extra: Record<string, Status> = {}): { status: Status; phrase: string; whole: boolean } | null {
	if (value === null) return null;
	const k = key(String(value));
	const exact = STATUS_WORDS[k] ?? extra[k] ?? extra[String(value)];
	if (exact) return { status: exact, phrase: k, whole: true };
	const text = String(value).trim().toLowerCase().replace(/\s+/g, ' ');
	for (const p of PHRASES) {
		if (!text.startsWith(p)) continue;
		const rest = text.slice(p.length);
		const status = STATUS_WORDS[p];
		const after = rest.replace(/^[\s\-–—:;(,./]+/, '');
		const then = leadingPhrase(after);
		if (then && STATUS_WORDS[then] !== status) return null;
		if (SEPARATOR.test(rest) || MONTH.test(rest) || (/^\s/.test(rest) && then)) return { status, phrase: p, whole: false };
	}
	return null;
}

/** The longest status phrase a text starts with, as a whole word or words. */
function leadingPhrase(text: string): string | null {
	return PHRASES.find((p) => text.startsWith(p) && !/^[a-z0-9]/.test(text.slice(p.length))) ?? null;
}

export function statusKey(value: Cell): string {
	return key(String(value ?? ''));
}

/**
 * A status cell that is a progress note, not a status: several words, none of them read as a status
 * ("Training delivered to 120 staff; audit due in June"). Real trackers headed "Progress" hold
 * these. The builder reads the action's status from its other cells instead, and says so.
 */
export function isProgressNote(value: Cell, extra: Record<string, Status> = {}): boolean {
	return typeof value === 'string' && value.trim().split(/\s+/).length >= 5 && statusReading(value, extra) === null;
}

/** What a status cell's RAG colour says (RAG_MEANING), whether the cell is the colour alone or begins with it ("Green – on track"). */
export function ragMeaningOf(value: Cell): string | undefined {
	const r = statusReading(value);
	return r ? RAG_MEANING[r.phrase] : undefined;
}

export function booleanOf(value: Cell): boolean | null {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
	if (value === null) return null;
	const k = key(value);
	if (['true', 'yes', 'y', '1'].includes(k)) return true;
	if (['false', 'no', 'n', '0'].includes(k)) return false;
	return null;
}

export function integerOf(value: Cell): number | null {
	if (typeof value === 'number') return Number.isInteger(value) ? value : null;
	if (typeof value !== 'string') return null;
	// "Rec 3", "R3", "3." -> 3; "3.1" is not a whole number.
	const m = value.trim().match(/^(?:rec(?:ommendation)?\.?\s*|r)?(\d+)\.?$/i);
	return m ? Number(m[1]) : null;
}

/**
 * A recommendation number written at the level of its actions, "1.1", "Rec 2.3" (or a number cell
 * 2.3): the recommendation's number and the part after the point. Null for a whole number or text.
 */
export function dottedNumberOf(value: Cell): { number: number; part: string } | null {
	if (typeof value === 'number') return Number.isInteger(value) || value <= 0 ? null : { number: Math.floor(value), part: String(value).split('.')[1] };
	if (typeof value !== 'string') return null;
	const m = value.trim().match(/^(?:rec(?:ommendation)?\.?\s*|r)?(\d+)\.(\d+)[a-z]?\.?$/i);
	return m ? { number: Number(m[1]), part: m[2] } : null;
}

const codeOf = (terms: readonly { code: string; label: string }[]) => (value: string) => {
	const k = key(value);
	return terms.find((t) => key(t.code) === k || key(t.label) === k)?.code ?? null;
};

/** Vocabulary columns of the model, by target: value -> code or null when unknown. */
export const VOCAB: Record<string, (value: string) => string | null> = {
	'reviews.review_type': codeOf(REVIEW_TYPES),
	'reviews.death_type': codeOf(DEATH_TYPES),
	'reviews.victim_sex': codeOf(SEXES),
	'reviews.perpetrator_sex': codeOf(SEXES),
	'reviews.victim_age_band': (v) => (AGE_BANDS as readonly string[]).find((b) => b === v.trim().replace(/\s/g, '')) ?? null,
	'reviews.perpetrator_age_band': (v) => (AGE_BANDS as readonly string[]).find((b) => b === v.trim().replace(/\s/g, '')) ?? null,
	'reviews.relationship': codeOf(RELATIONSHIPS),
	'reviews.region': (v) => REGIONS.find((r) => key(r) === key(v)) ?? null,
	'recommendations.scope': (v) => codeOf(SCOPES)(v) ?? (/single/i.test(v) ? 'single-agency' : /multi/i.test(v) ? 'multi-agency' : /nation/i.test(v) ? 'national' : null)
};
