/**
 * Where an action stands at the as-at date. Action plans start when the review completes; each
 * action gets a target 3-18 months on (the end of that month, as trackers usually record). Whether
 * and when it is done depends on the lead agency's speed factor, luck, and time: old reviews' actions
 * are mostly closed, recent ones in progress or not started. The shares below are assumptions, tuned
 * so that roughly 10-20% of all actions are overdue at as-at and 25-35% of completed ones finished
 * after their target date.
 */
import { addMonths, monthStart, type Day } from './days';
import type { Rng } from './random';
import type { Status } from '../model/vocab';

export interface ActionTiming {
	target: Day;
	status: Status;
	/** Set iff status is 'completed'; never after as-at. */
	completed: Day | null;
	lastUpdated: Day;
}

/** Last day of the month `months` after `day`. */
function monthEnd(day: Day, months: number): Day {
	return monthStart(addMonths(monthStart(day), months + 1)) - 1;
}

/**
 * @param start the date the action plan was agreed (the review's completion date)
 * @param speed the lead agency's factor (1 average, > 1 slower)
 * @param national national bodies accept fewer recommendations: of 110 national recommendations
 *   from 2019-2021 reviews, 8% were "not met" when assessed in 2025 (DOMAIN.md)
 */
export function drawActionTiming(start: Day, speed: number, national: boolean, asAt: Day, rng: Rng): ActionTiming {
	const target = monthEnd(start, rng.int(3, 18));
	const planned = target - start;
	const clampToAsAt = (d: Day) => Math.min(d, asAt);

	// ~2-3% of actions are not accepted by the agency, decided when the plan is agreed.
	if (rng.chance(national ? 0.08 : 0.02)) {
		return { target, status: 'not accepted', completed: null, lastUpdated: clampToAsAt(start + rng.int(0, 60)) };
	}

	// Some actions stall and are never closed; slower agencies stall more often.
	const stalls = rng.chance(0.12 * speed);
	// Time taken relative to plan: lognormal with median 0.7, scaled by the agency's speed.
	const duration = Math.max(14, Math.round(planned * speed * Math.exp(Math.log(0.7) + 0.4 * rng.normal())));
	const done = start + duration;

	if (!stalls && done <= asAt) {
		return { target, status: 'completed', completed: done, lastUpdated: clampToAsAt(done + rng.int(0, 21)) };
	}

	// Open at as-at. Little time elapsed (or a stalled action nobody picked up): 'not started'.
	const elapsed = asAt - start;
	const notStarted = elapsed < 0.25 * planned || (stalls && rng.chance(0.25));
	// Last touched in the tracker somewhere between shortly before the target (or the start, when the
	// target is still ahead) and as-at.
	const from = target - 60 <= asAt ? Math.max(start, target - 60) : start;
	const lastUpdated = from + Math.floor(rng.next() * (asAt - from + 1));
	return { target, status: notStarted ? 'not started' : 'in progress', completed: null, lastUpdated };
}
