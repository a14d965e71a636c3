/**
 * Turning repeated lessons (src/lib/lessons/repeats.ts) into what /lessons and /report show: the
 * headline sentence, the completion line, which lessons are listed (dismissed ones and, under
 * small-number protection, those made in fewer than N reviews are not), and the user's choices
 * (confirmed or dismissed), kept per dataset in this browser's localStorage.
 */
import { formatCount, formatDate } from '../format';
import { themeLabel } from '../model/themes';
import type { Lesson, LessonKind, RepeatMatch } from '../lessons/repeats';
import { WINDOW_YEARS, WORDING_THRESHOLD } from '../lessons/repeats';
import { OTHER_AGENCY_FACTOR } from '../lessons/repeat-concepts';
import type { Rule } from '../privacy/suppress';

export type Choice = 'confirmed' | 'dismissed';
export type Choices = Record<string, Choice>;

export const KIND_LABELS: Record<LessonKind, string> = {
	wording: 'The same change, in any words',
	'theme-agency': `Same theme and agency within ${WINDOW_YEARS} years`
};

/** How each kind of repeat is found, in words for the page. */
export const KIND_RULES: Record<LessonKind, string> = {
	wording:
		'Recommendations from different reviews are suggested as the same lesson when they ask for the same change, even in other words: ' +
		'each is read for its words, for what it is about ("GP" and "primary care" are one subject) and for the action it asks for ("train", "brief" and "remind staff" are one action; "write a policy" another), ' +
		'rare words and ideas counting for more than common ones, and the action counting most: the same subject with another action is another change. ' +
		`Two match when their similarity is at least ${Math.round(WORDING_THRESHOLD * 100)}% (multiplied by ${OTHER_AGENCY_FACTOR} when they are addressed to different kinds of agency). ` +
		"A recommendation joins a lesson only when it matches the lesson's first recommendation and each of its other members, so a lesson stays one ask. " +
		'Only recommendations that share a theme are compared. Each suggestion says what they share.',
	'theme-agency':
		`Recommendations from different reviews are grouped when they have the same theme and are addressed to the same agency within ${WINDOW_YEARS} calendar years ` +
		`(a lesson starts in the first year not yet covered and spans it and the ${WINDOW_YEARS - 1} years after). A recommendation with two themes counts under both.`
};

export const isKind = (v: string | null | undefined): v is LessonKind => v === 'wording' || v === 'theme-agency';

/** "2014 and 2021", "2019" when one year, "years not recorded" when none. */
export function yearSpan(l: Pick<Lesson, 'firstYear' | 'lastYear'>): string {
	if (l.firstYear == null || l.lastYear == null) return 'in years not recorded';
	return l.firstYear === l.lastYear ? `in ${l.firstYear}` : `between ${l.firstYear} and ${l.lastYear}`;
}

/** "This lesson was made in 12 reviews between 2014 and 2021." */
export function lessonHeadline(l: Pick<Lesson, 'reviews' | 'firstYear' | 'lastYear'>): string {
	// No rule: under small-number protection a lesson of fewer than N reviews is not listed (listLessons).
	return `This lesson was made in ${formatCount(l.reviews)} reviews ${yearSpan(l)}.`;
}

/** What the lesson asks for: the first recommendation's text, or "Theme: recommendations to agency". */
export function lessonTitle(l: Lesson): string {
	if (l.kind === 'theme-agency') return `${themeLabel(l.theme ?? '')}: recommendations to ${l.agency}`;
	return l.recommendations[0]?.text ?? '';
}

/** "62%" — a similarity as a whole percentage. */
export const similarityText = (s: number): string => `${Math.round(s * 100)}%`;

/**
 * Why a recommendation was put in a lesson, in words: "Similar meaning (34%): both name GP or primary
 * care and identifying abuse; shared words: routine, enquiry." The shared words are left out when
 * there are none beyond the ideas.
 */
export function matchReason(m: Pick<RepeatMatch, 'similarity' | 'concepts' | 'words'>, maxWords = 6): string {
	const parts: string[] = [];
	if (m.concepts.length) parts.push(`both name ${listWords(m.concepts)}`);
	if (m.words.length) parts.push(`shared words: ${m.words.slice(0, maxWords).join(', ')}${m.words.length > maxWords ? ' …' : ''}`);
	return `Similar meaning (${similarityText(m.similarity)})${parts.length ? ': ' + parts.join('; ') : ''}.`;
}

/** Recommendation id -> why it is in the lesson ("the first" for the first), for the lesson's table. */
export function memberReasons(l: Lesson): Record<string, string> {
	const out: Record<string, string> = {};
	if (l.kind !== 'wording') return out;
	if (l.recommendations[0]) out[l.recommendations[0].recommendation_id] = 'The first: the others are compared with it.';
	for (const m of l.matches ?? []) out[m.recommendation_id] = matchReason(m);
	return out;
}

/** What most of a lesson's recommendations share with its first: the ideas named by at least half of them. */
export function lessonReason(l: Pick<Lesson, 'matches'>): string | null {
	const ms = l.matches ?? [];
	if (!ms.length) return null;
	const n = new Map<string, number>();
	for (const m of ms) for (const c of m.concepts) n.set(c, (n.get(c) ?? 0) + 1);
	const common = [...n].filter(([, k]) => k * 2 >= ms.length).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-GB')).map(([c]) => c);
	const sims = ms.map((m) => m.similarity);
	const range = `similarity ${similarityText(Math.min(...sims))}${sims.length > 1 ? `–${similarityText(Math.max(...sims))}` : ''}`;
	return common.length ? `Why: they name ${listWords(common.slice(0, 4))} (${range} to the first).` : `Why: similar meaning (${range} to the first).`;
}

const listWords = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** "Of 31 actions at 30 September 2026: 20 completed, 11 open (4 overdue)." */
export function completionText(l: Pick<Lesson, 'actions' | 'completed' | 'open' | 'overdue'>, asAt: string, rule: Rule | null = null): string {
	if (l.actions === 0) return `No actions recorded at ${formatDate(asAt)}.`;
	const other = l.actions - l.completed - l.open;
	return (
		`Of ${formatCount(l.actions, rule)} actions at ${formatDate(asAt)}: ${formatCount(l.completed, rule)} completed, ` +
		`${formatCount(l.open, rule)} open (${formatCount(l.overdue, rule)} overdue)${other > 0 ? `, ${formatCount(other, rule)} not accepted` : ''}.`
	);
}

/** The review ids of a lesson, oldest first: "MAR-2014-003, MAR-2019-011 and 12 more" — at most `max` named. */
export function reviewList(l: Pick<Lesson, 'recommendations'>, max = 12, rule: Rule | null = null): string {
	const ids = [...new Set(l.recommendations.map((r) => r.review_id))];
	return ids.length <= max ? listWords(ids) : `${ids.slice(0, max).join(', ')} and ${formatCount(ids.length - max, rule)} more`;
}

/** "Marlshire Police, Marlshire Women's Aid and 3 more" — at most `max` names. */
export function agencyList(agencies: readonly string[], max = 4): string {
	if (agencies.length === 0) return 'No agency recorded';
	if (agencies.length <= max) return agencies.length === 1 ? agencies[0] : `${agencies.slice(0, -1).join(', ')} and ${agencies.at(-1)}`;
	return `${agencies.slice(0, max).join(', ')} and ${agencies.length - max} more`;
}

export interface ListedLessons {
	/** What is listed, in the finder's order (most reviews first). */
	shown: Lesson[];
	/** Dismissed lessons (listed only with `showDismissed`). */
	dismissed: number;
	/** Lessons made in fewer reviews than the protection threshold, not listed (0 when protection is off). */
	withheld: number;
}

/**
 * Which lessons are listed: under small-number protection none made in fewer than `rule.below`
 * reviews; dismissed ones only when asked for.
 */
export function listLessons(lessons: readonly Lesson[], choices: Choices, showDismissed: boolean, rule: Rule | null): ListedLessons {
	const allowed = rule ? lessons.filter((l) => l.reviews >= rule.below) : [...lessons];
	const dismissed = allowed.filter((l) => choices[l.key] === 'dismissed').length;
	return {
		shown: showDismissed ? allowed : allowed.filter((l) => choices[l.key] !== 'dismissed'),
		dismissed,
		withheld: lessons.length - allowed.length
	};
}

/** "2 lessons made in fewer than 5 reviews are not listed: small-number protection is on." Counts via formatCount. */
export function withheldText(withheld: number, rule: Rule): string {
	return `${formatCount(withheld, rule)} ${withheld === 1 ? 'lesson' : 'lessons'} made in fewer than ${rule.below} reviews ${withheld === 1 ? 'is' : 'are'} not listed: small-number protection is on.`;
}

/** "324 lessons found among 2,737 recommendations." */
export function summaryText(lessons: number, recommendations: number, rule: Rule | null = null): string {
	return `${formatCount(lessons, rule)} ${lessons === 1 ? 'lesson' : 'lessons'} found among ${formatCount(recommendations, rule)} recommendations under these filters.`;
}

// ——— the user's choices, per dataset ———

export const CHOICES_KEY = 'dhr-lesson-choices';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function readAll(storage: StorageLike | null): Record<string, Choices> {
	try {
		const v = JSON.parse(storage?.getItem(CHOICES_KEY) ?? '{}');
		return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
	} catch {
		return {};
	}
}

/** The choices kept for one dataset (only well-formed entries). */
export function loadChoices(storage: StorageLike | null, dataset: string): Choices {
	const kept = readAll(storage)[dataset];
	const out: Choices = {};
	if (kept && typeof kept === 'object') {
		for (const [k, v] of Object.entries(kept)) if (v === 'confirmed' || v === 'dismissed') out[k] = v;
	}
	return out;
}

/**
 * Set (or, with null, clear) the choice for one lesson of one dataset; returns that dataset's
 * choices. A storage that refuses (private mode, full) keeps the choice for this visit only.
 */
export function saveChoice(storage: StorageLike | null, dataset: string, key: string, choice: Choice | null): Choices {
	const all = readAll(storage);
	const mine = { ...(all[dataset] ?? {}) };
	if (choice) mine[key] = choice;
	else delete mine[key];
	all[dataset] = mine;
	try {
		storage?.setItem(CHOICES_KEY, JSON.stringify(all));
	} catch {
		// Kept for this visit only.
	}
	return loadChoices({ getItem: () => JSON.stringify(all), setItem: () => {} }, dataset);
}
