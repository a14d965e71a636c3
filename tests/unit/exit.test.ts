/** "Exit this page": the Shift counter (fake clock) and what the live region says. */
import { describe, expect, it } from 'vitest';
import { EXIT_WINDOW_MS, shiftCounter, shiftMessage } from '$lib/safety/exit';

function clocked() {
	let t = 1_000_000;
	const counter = shiftCounter(() => t);
	return { counter, advance: (ms: number) => (t += ms) };
}
const shift = { key: 'Shift' };

describe('shiftCounter', () => {
	it('exits on the third Shift press within five seconds', () => {
		const { counter, advance } = clocked();
		expect(counter.key(shift)).toEqual({ count: 1, exit: false });
		advance(2000);
		expect(counter.key(shift)).toEqual({ count: 2, exit: false });
		advance(2999);
		expect(counter.key(shift)).toEqual({ count: 3, exit: true });
		// And starts again afterwards.
		expect(counter.key(shift)).toEqual({ count: 1, exit: false });
	});

	it('exits at exactly five seconds, not after', () => {
		const a = clocked();
		a.counter.key(shift);
		a.counter.key(shift);
		a.advance(EXIT_WINDOW_MS);
		expect(a.counter.key(shift).exit).toBe(true);

		const b = clocked();
		b.counter.key(shift);
		b.counter.key(shift);
		b.advance(EXIT_WINDOW_MS + 1);
		// Too late: this press starts a new run.
		expect(b.counter.key(shift)).toEqual({ count: 1, exit: false });
	});

	it('expires: the count is 0 once the window has passed', () => {
		const { counter, advance } = clocked();
		counter.key(shift);
		counter.key(shift);
		expect(counter.count()).toBe(2);
		expect(counter.remaining()).toBe(EXIT_WINDOW_MS);
		advance(1500);
		expect(counter.remaining()).toBe(EXIT_WINDOW_MS - 1500);
		advance(EXIT_WINDOW_MS);
		expect(counter.count()).toBe(0);
		expect(counter.remaining()).toBe(0);
	});

	it('another key resets the count, so typing capitals never exits', () => {
		const { counter } = clocked();
		for (const key of ['Shift', 'H', 'e', 'Shift', 'W', 'Shift', 'A']) expect(counter.key({ key }).exit).toBe(false);
		expect(counter.count()).toBe(0);
	});

	it('a Shift key held down counts once', () => {
		const { counter } = clocked();
		counter.key(shift);
		for (let i = 0; i < 10; i++) expect(counter.key({ key: 'Shift', repeat: true })).toEqual({ count: 1, exit: false });
		counter.key(shift);
		expect(counter.key(shift).exit).toBe(true);
	});

	it('reset() forgets the presses', () => {
		const { counter } = clocked();
		counter.key(shift);
		counter.key(shift);
		counter.reset();
		expect(counter.key(shift)).toEqual({ count: 1, exit: false });
	});
});

describe('shiftMessage', () => {
	it.each([
		[0, ''],
		[1, 'Shift, press 2 more times to exit.'],
		[2, 'Shift, press 1 more time to exit.'],
		[3, 'Exiting this page.']
	])('after %i presses: %j', (n, text) => {
		expect(shiftMessage(n)).toBe(text);
	});
});
