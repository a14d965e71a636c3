/**
 * When things happened in a review: death, commissioning, completion, publication. The generator
 * fixes the completion year first (so the dataset spans the years it should) and works back to the
 * death and forward to publication.
 */
import { dayFromYmd, DAYS_PER_MONTH, monthStart, type Day } from './days';
import type { Rng } from './random';

/** DHRs became statutory for deaths on or after 13 April 2011. */
export const STATUTORY_START = dayFromYmd(2011, 4, 13);
/** No review can have been commissioned before the duty existed; the first ones began that spring. */
const EARLIEST_COMMISSION = dayFromYmd(2011, 5, 1);
export const FIRST_YEAR = 2011;

/**
 * Relative number of reviews completed per year. The number of DHRs rose over the decade: about
 * 120-200 reach the Home Office a year, 124 in Oct 2019-Sep 2020, 129 in 2021-22, 153 in 2022-23
 * (DOMAIN.md). The first year is small because the duty only began in April 2011.
 */
export function yearWeight(year: number): number {
	if (year === 2011) return 1.5;
	if (year === 2012) return 5;
	return Math.min(20, 9 + 0.8 * (year - 2013));
}

/**
 * Split n into integer counts proportional to weights (largest remainder; ties to the earlier
 * index). Deterministic, and every year with a sizeable weight gets at least one review.
 */
export function allocate(n: number, weights: readonly number[]): number[] {
	const total = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (n * w) / total);
	const counts = exact.map(Math.floor);
	let left = n - counts.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (left-- <= 0) break;
		counts[i]++;
	}
	return counts;
}

export interface ReviewDates {
	deathMonth: Day;
	commissioned: Day;
	completed: Day;
	/** Null when not yet published at as-at (or withheld). */
	published: Day | null;
}

/** Triangular draw: min, most likely, max. */
function triangular(rng: Rng, min: number, mode: number, max: number): number {
	const u = rng.next();
	const f = (mode - min) / (max - min);
	return u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * Commissioning to completion: reviews are slow; a 2025 survey found 7 of 495 (1%) finished within
 * the recommended 6 months (DOMAIN.md). So 0.5% take 3-6 months and the rest 12-36 (most about 18);
 * the first reviews of 2011-12 are necessarily quicker (see drawDates), which brings the share
 * within 6 months to about 1-2% overall.
 */
function monthsToComplete(rng: Rng): number {
	return rng.chance(0.005) ? 3 + 3 * rng.next() : triangular(rng, 12, 18, 36);
}

/** Completion date within `year`, never after as-at (the current year is only part done). */
function drawCompleted(year: number, asAt: Day, rng: Rng): Day {
	// The first reviews could not finish before autumn 2011: the duty began in April.
	const start = year === FIRST_YEAR ? dayFromYmd(year, 10, 1) : dayFromYmd(year, 1, 1);
	const end = Math.min(dayFromYmd(year, 12, 31), asAt);
	// In the second year, skew towards the end of the year (the later of two draws): reviews begun
	// in mid-2011 mostly finished late in 2012, and few can have been quick.
	const u = year === FIRST_YEAR + 1 ? Math.max(rng.next(), rng.next()) : rng.next();
	return start + Math.floor(u * (end - start + 1));
}

export function drawDates(year: number, asAt: Day, rng: Rng): ReviewDates {
	const completed = drawCompleted(year, asAt, rng);
	let commissioned = completed - Math.round(monthsToComplete(rng) * DAYS_PER_MONTH);
	// A review that would have begun before the duty existed began instead at some point between
	// the first possible date and three months before completion: not all on the first day, but
	// skewed early (u squared) so that few of these first reviews look implausibly quick.
	const room = (from: Day, to: Day) => from + Math.floor(rng.next() ** 2 * Math.max(0, to - from));
	if (commissioned < EARLIEST_COMMISSION) commissioned = room(EARLIEST_COMMISSION, completed - 90);
	// Commissioned 1-4 months after the death (the CSP decides within weeks to months); likewise
	// no death before the duty began.
	let death = commissioned - rng.int(30, 120);
	if (death < STATUTORY_START) death = room(STATUTORY_START, commissioned - 30);
	// Published 2-12 months after completion, once Home Office quality assurance is through;
	// about 3% are never published (assumption: withheld, e.g. to protect the children).
	const publishAfter = rng.int(61, 365);
	const withheld = rng.chance(0.03);
	const published = completed + publishAfter;
	return {
		deathMonth: monthStart(death),
		commissioned,
		completed,
		published: withheld || published > asAt ? null : published
	};
}

/**
 * DHRs are becoming Domestic Abuse Related Death Reviews under newer guidance (DOMAIN.md). Assumed
 * here: from mid-2024 (the Victims and Prisoners Act 2024) partnerships start using the new name,
 * most of them for reviews commissioned from 2025.
 */
const DARDR_FROM = dayFromYmd(2024, 6, 1);
const DARDR_MOSTLY_FROM = dayFromYmd(2025, 1, 1);
export function drawReviewType(commissioned: Day, rng: Rng): 'DHR' | 'DARDR' {
	if (commissioned < DARDR_FROM) return 'DHR';
	return rng.chance(commissioned >= DARDR_MOSTLY_FROM ? 0.75 : 0.35) ? 'DARDR' : 'DHR';
}

