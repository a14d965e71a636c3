import { describe, expect, it } from 'vitest';
import { once } from '$lib/db/once';

describe('once(start)', () => {
	it('starts once however many times and however concurrently it is asked', async () => {
		let starts = 0;
		const engine = once(async () => ++starts);
		const [a, b] = await Promise.all([engine.get(), engine.get()]);
		expect([a, b, await engine.get(), starts]).toEqual([1, 1, 1, 1]);
	});
	it('passes a failure on, and the next call starts again', async () => {
		let starts = 0;
		const engine = once(async () => {
			if (++starts === 1) throw new Error('wasm failed');
			return starts;
		});
		await expect(engine.get()).rejects.toThrow('wasm failed');
		expect(await engine.get()).toBe(2);
	});
	it('reset() lets it start afresh', async () => {
		let starts = 0;
		const engine = once(async () => ++starts);
		await engine.get();
		engine.reset();
		expect(await engine.get()).toBe(2);
	});
});
