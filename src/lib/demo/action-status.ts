/**
 * Where an action stands at the as-at date. Action plans start when the review completes; each
 * action gets a target 3-18 months on (the end of that month, as trackers usually record). Whether
 * and when it is done depends on the lead agency's speed factor, luck, and time: old reviews' actions
 * are mostly closed, recent ones in progress or not started.
 *
 * Overdue actions do not stay open for ever. Boards review their overdue actions, and an action
 * still open some months past its target is re-planned with a new target date (the tracker keeps
 * the new date, and its note says from when it was moved), confirmed complete, or closed as not
 * accepted / superseded by later work, with a note saying so. Without this the demo had actions
 * 5,205 days overdue (a target of June 2012, still "in progress" in 2026) and 719 over a year
 * overdue, which no board tracker shows. What this is based on:
 * - the Home Office's statutory guidance makes the CSP responsible for monitoring the action plan
 *   until it is completed, and asks for progress to be reported
 *   (https://www.gov.uk/government/publications/revised-statutory-guidance-for-the-conduct-of-domestic-homicide-reviews);
 *   the 2024 draft guidance asks for the same and for closure to be recorded
 *   (https://www.gov.uk/government/consultations/updating-the-domestic-homicide-review-statutory-guidance/draft-domestic-homicide-review-statutory-guidance-accessible);
 * - "Learning from loss" (Domestic Abuse Commissioner, 2025) assessed national recommendations
 *   of 2019-2021 reviews: 25% fully implemented, 25% already happening, 20% partly met, 8% not met,
 *   21% no information; local plans are mostly closed, but with no system tracking them
 *   (https://www.gov.uk/government/publications/ensuring-the-lessons-from-domestic-homicide-reviews-lead-to-change/learning-from-loss-ensuring-the-lessons-from-domestic-homicide-reviews-lead-to-change-accessible);
 * - the 2018 consultation asked how areas "best hold their own local agencies to account in terms
 *   of monitoring delivery against DHR action plans" — boards chase and close them
 *   (https://consult.justice.gov.uk/homeoffice-moj/domestic-abuse-consultation/consultation/subpage.2017-11-21.7069977517/).
 * No published local tracker with counts of overdue actions by age was found to copy a
 * distribution from; the shares below (a review 6-18 months after the target, one in ten later,
 * up to 3.5 years; re-planned 55% of the time at a first review, 35% at a second, closed at the
 * third) are assumptions in that shape, tuned so that about 10-20% of actions are overdue at
 * as-at, most by under a year, and 25-35% of completed ones finished after their target date.
 */
import { addMonths, monthStart, monthYear, type Day } from './days';
import type { Rng } from './random';
import type { Status } from '../model/vocab';
import { fill } from './fill';
import { CLOSED_AT_REVIEW, CONFIRMED_AT_REVIEW, REVISED_TARGET } from './wording-evidence';

export interface ActionTiming {
	target: Day;
	status: Status;
	/** Set iff status is 'completed'; never after as-at. */
	completed: Day | null;
	lastUpdated: Day;
	/** What the tracker says of a board's review (a target moved, a closure), or null. */
	note: string | null;
}

/** Last day of the month `months` after `day`. */
function monthEnd(day: Day, months: number): Day {
	return monthStart(addMonths(monthStart(day), months + 1)) - 1;
}

/** The board meeting that reviews an action still open past `target`: 6-18 months on, one in ten 2-3.5 years. */
function boardReview(target: Day, rng: Rng): Day {
	const months = rng.chance(0.15) ? rng.int(24, 42) : rng.int(9, 24);
	return monthEnd(target, months) - rng.int(0, 27);
}

/**
 * @param start the date the action plan was agreed (the review's completion date)
 * @param speed the lead agency's factor (1 average, > 1 slower)
 * @param national national bodies accept fewer recommendations: of 110 national recommendations
 *   from 2019-2021 reviews, 8% were "not met" when assessed in 2025 (DOMAIN.md)
 */
export function drawActionTiming(start: Day, speed: number, national: boolean, asAt: Day, rng: Rng): ActionTiming {
	const first = monthEnd(start, rng.int(3, 18));
	const planned = first - start;
	const clampToAsAt = (d: Day) => Math.min(d, asAt);

	// ~2-3% of actions are not accepted by the agency, decided when the plan is agreed.
	if (rng.chance(national ? 0.08 : 0.02)) {
		return { target: first, status: 'not accepted', completed: null, lastUpdated: clampToAsAt(start + rng.int(0, 60)), note: null };
	}

	// Some actions stall; slower agencies stall more often.
	const stalls = rng.chance(0.25 * speed);
	// Time taken relative to plan: lognormal with median 0.7, scaled by the agency's speed.
	const duration = Math.max(14, Math.round(planned * speed * Math.exp(Math.log(0.7) + 0.4 * rng.normal())));
	const done = start + duration;

	if (!stalls && done <= asAt) {
		return { target: first, status: 'completed', completed: done, lastUpdated: clampToAsAt(done + rng.int(0, 21)), note: null };
	}

	// Open at as-at unless a board review past the target closed or re-planned it.
	let target = first;
	let note: string | null = null;
	let reviewed: Day | null = null;
	for (let round = 0; round < 3; round++) {
		const at = boardReview(target, rng);
		if (at > asAt) break;
		reviewed = at;
		if (rng.chance(round === 0 ? 0.75 : round === 1 ? 0.55 : 0)) {
			// Re-planned: a new target 3-12 months after the review.
			const next = monthEnd(at, rng.int(3, 12));
			note = fill(rng.pick(REVISED_TARGET), { from: monthYear(target), to: monthYear(next), month: monthYear(at) });
			target = next;
			// Done by the new date, more often than not (unless it has stalled again).
			const finish = at + rng.int(30, Math.max(31, Math.round((next - at) * 1.2)));
			if (rng.chance(stalls ? 0.35 : 0.7) && finish <= asAt) {
				return { target, status: 'completed', completed: finish, lastUpdated: clampToAsAt(finish + rng.int(0, 21)), note };
			}
			continue;
		}
		// Closed at the review: confirmed done (with the evidence then) or closed as not accepted / superseded.
		const month = monthYear(at);
		if (rng.chance(0.7)) {
			const completed = at - rng.int(0, 45);
			return { target, status: 'completed', completed, lastUpdated: at, note: fill(rng.pick(CONFIRMED_AT_REVIEW), { month }) };
		}
		return { target, status: 'not accepted', completed: null, lastUpdated: at, note: fill(rng.pick(CLOSED_AT_REVIEW), { month, year: String(Number(month.slice(-4)) + rng.int(0, 1)) }) };
	}

	// Open at as-at. Little time elapsed (or a stalled action nobody picked up): 'not started'.
	const elapsed = asAt - start;
	const notStarted = reviewed === null && (elapsed < 0.25 * planned || (stalls && rng.chance(0.25)));
	// Last touched in the tracker somewhere between shortly before the target (or the start, or the
	// last review) and as-at.
	const from = Math.max(reviewed ?? start, target - 60 <= asAt ? Math.max(start, target - 60) : start);
	const lastUpdated = from + Math.floor(rng.next() * (asAt - from + 1));
	return { target, status: notStarted ? 'not started' : 'in progress', completed: null, lastUpdated, note };
}
