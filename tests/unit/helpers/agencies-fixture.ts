/**
 * The small fixture (helpers/small.ts) with one more completed action, so that a median has two
 * values and a completed action without a target date is left out of "on time":
 *
 *   A8  R2-2 (Police)  lead Police  completed 2020-12-01, no target date
 *
 * Days from the review's completion (R1 2018-06-15, R2 2020-06-15) to the action's completion:
 *   A1 2019-01-15 -> 214   A4 2021-05-01 -> 320   A8 2020-12-01 -> 169
 */
import type { FixtureRows } from './fixture';
import { SMALL } from './small';

export { AS_AT } from './small';

export const AGENCIES: FixtureRows = {
	...SMALL,
	actions: [
		...(SMALL.actions ?? []),
		{
			action_id: 'A8',
			recommendation_id: 'R2-2',
			description: 'Action A8',
			lead_agency: 'Police',
			status: 'completed',
			target_date: null,
			completed_date: '2020-12-01'
		}
	]
};
