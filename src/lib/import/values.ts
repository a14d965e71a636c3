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
	'no longer applicable': 'not accepted'
};

/** What a RAG colour says beyond its status: whether the open action is on track. */
export const RAG_MEANING: Record<string, string> = {
	green: 'on track',
	g: 'on track',
	amber: 'at risk',
	a: 'at risk',
	red: 'off track',
	r: 'off track',
	blue: 'done',
	b: 'done'
};

/** Status word -> code; `extra` holds the user's own mapping of words this list does not know. */
export function statusOf(value: Cell, extra: Record<string, Status> = {}): Status | null {
	if (value === null) return null;
	const k = key(String(value));
	return STATUS_WORDS[k] ?? extra[k] ?? extra[String(value)] ?? null;
}

export function statusKey(value: Cell): string {
	return key(String(value ?? ''));
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
