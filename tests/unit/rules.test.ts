/**
 * The derived facts (overdue, days overdue, on time, status at a date, recommendation complete),
 * run as SQL in the same engine the browser uses, on a fixed fixture and a fixed as-at date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { loadFixture } from './helpers/fixture';

const AS_AT = "DATE '2024-06-30'";
let engine: Engine;

const action = (id: string, rec: string, status: string, target: string | null, completed: string | null = null) => ({
	action_id: id,
	recommendation_id: rec,
	description: `Action ${id}`,
	status,
	target_date: target,
	completed_date: completed
});

beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, {
		reviews: [{ review_id: 'R1', review_type: 'DHR', partnership: 'P', completed_date: '2023-01-15' }],
		recommendations: ['mixed', 'closed', 'none', 'late'].map((id, i) => ({
			recommendation_id: id,
			review_id: 'R1',
			rec_number: i + 1,
			text: `Recommendation ${id}`
		})),
		actions: [
			action('due-today', 'mixed', 'in progress', '2024-06-30'),
			action('due-yesterday', 'mixed', 'not started', '2024-06-29'),
			action('no-target', 'mixed', 'in progress', null),
			action('done-early', 'closed', 'completed', '2024-01-31', '2024-01-10'),
			action('done-on-day', 'closed', 'completed', '2024-01-31', '2024-01-31'),
			action('done-late', 'closed', 'completed', '2024-01-31', '2024-03-01'),
			action('refused', 'closed', 'not accepted', '2023-06-30'),
			action('done-after-as-at', 'late', 'completed', '2024-05-31', '2024-08-01'),
			action('done-no-date', 'late', 'completed', '2024-05-31', null)
		]
	});
});
afterAll(() => engine?.close());

async function fact(id: string) {
	const [row] = await engine.query(`SELECT * FROM action_facts(${AS_AT}) WHERE action_id = ?`, [id]);
	return row;
}

describe('overdue', () => {
	it('an open action due on the as-at date is not overdue', async () => {
		expect(await fact('due-today')).toMatchObject({ overdue: false, days_overdue: null });
	});
	it('an open action due the day before is overdue by one day', async () => {
		expect(await fact('due-yesterday')).toMatchObject({ overdue: true, days_overdue: 1 });
	});
	it('an open action with no target date is never overdue', async () => {
		expect(await fact('no-target')).toMatchObject({ overdue: false, days_overdue: null });
	});
	it('a not-accepted action is closed and never overdue', async () => {
		expect(await fact('refused')).toMatchObject({ closed: true, overdue: false });
	});
	it('an action completed after the as-at date was still open then, and overdue', async () => {
		expect(await fact('done-after-as-at')).toMatchObject({
			recorded_status: 'completed',
			status: 'in progress',
			completed_date: null,
			overdue: true,
			days_overdue: 30,
			on_time: null
		});
	});
	it('a completed action with no completion date stays completed', async () => {
		expect(await fact('done-no-date')).toMatchObject({ status: 'completed', overdue: false, on_time: null });
	});
});

describe('completed on time', () => {
	it('completed before the target date is on time', async () => {
		expect(await fact('done-early')).toMatchObject({ on_time: true, overdue: false });
	});
	it('completed on the target date is on time', async () => {
		expect(await fact('done-on-day')).toMatchObject({ on_time: true });
	});
	it('completed after the target date is late, but not overdue', async () => {
		expect(await fact('done-late')).toMatchObject({ on_time: false, overdue: false, completed_date: '2024-03-01' });
	});
	it('open actions have no on-time value', async () => {
		expect(await fact('due-yesterday')).toMatchObject({ on_time: null });
	});
});

describe('recommendation complete', () => {
	async function rec(id: string) {
		const [row] = await engine.query(`SELECT * FROM recommendation_facts(${AS_AT}) WHERE recommendation_id = ?`, [id]);
		return row;
	}
	it('with mixed statuses it is not complete', async () => {
		expect(await rec('mixed')).toMatchObject({ actions: 3, actions_overdue: 1, complete: false });
	});
	it('when every action is completed or not accepted it is complete', async () => {
		expect(await rec('closed')).toMatchObject({ actions: 4, actions_completed: 3, complete: true });
	});
	it('with no actions it is not complete', async () => {
		expect(await rec('none')).toMatchObject({ actions: 0, complete: false });
	});
	it('an action completed after the as-at date keeps it open at that date', async () => {
		expect(await rec('late')).toMatchObject({ actions_completed: 1, complete: false });
	});
});

describe('the as-at date is a parameter', () => {
	it('moving it changes what is overdue', async () => {
		const count = async (d: string) =>
			(await engine.query<{ n: number }>(`SELECT count(*) FILTER (WHERE overdue) AS n FROM action_facts(DATE '${d}')`))[0].n;
		expect(await count('2020-01-01')).toBe(0);
		expect(await count('2024-06-30')).toBe(2); // due-yesterday, done-after-as-at
		expect(await count('2030-01-01')).toBe(2); // due-today too; done-after-as-at now completed
	});
});
