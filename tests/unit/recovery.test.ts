/** Which engine errors mean the engine itself died (and must be restarted), not one statement. */
import { describe, expect, it } from 'vitest';
import { EngineLostError, isEngineDeath } from '$lib/db/engine';

describe('isEngineDeath', () => {
	it.each([
		'RuntimeError: memory access out of bounds',
		'memory access out of bounds',
		'unreachable',
		'RuntimeError: unreachable executed',
		'Out of Memory Error: failed to allocate data of size 2.0 GiB',
		'Aborted(OOM)',
		'the worker was terminated',
		'cannot send a message since the worker is not set!'
	])('%s: the engine died', (m) => {
		expect(isEngineDeath(m)).toBe(true);
	});

	it.each([
		'Parser Error: syntax error at or near "SELEC"',
		'Catalog Error: Table with name nope does not exist!',
		'Binder Error: Referenced column "unreachable_count" not found',
		'Conversion Error: Could not convert string to INT32',
		'The query was cancelled'
	])('%s: one statement failed, the engine lives', (m) => {
		expect(isEngineDeath(m)).toBe(false);
	});
});

describe('EngineLostError', () => {
	it('says in words that the database stopped, and why', () => {
		const e = new EngineLostError('its worker was stopped');
		expect(e.message).toBe('The database stopped (its worker was stopped).');
		expect(e.reason).toBe('its worker was stopped');
		expect(e).toBeInstanceOf(Error);
	});
});
