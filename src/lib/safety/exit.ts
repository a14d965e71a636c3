/**
 * "Exit this page": the quick way off the site that domestic abuse services offer (modelled on the
 * GOV.UK Design System's component). Pressing Shift three times within five seconds exits, as does
 * the button. This module is the pure part: the Shift counter (with an injectable clock, so it is
 * tested without waiting) and the words said to screen readers. The component does the leaving.
 */

/** Shift presses that exit. */
export const PRESSES_TO_EXIT = 3;
/** Time from the first Shift press within which the others must follow. */
export const EXIT_WINDOW_MS = 5000;
/** The neutral page the exit lands on (own origin: the app never sends anyone elsewhere). */
export const NEUTRAL_PATH = '/recipes';
/** The page that explains the control. */
export const EXIT_HELP_PATH = '/exit-help';

export interface KeyPress {
	/** KeyboardEvent.key */
	key: string;
	/** KeyboardEvent.repeat: a key held down counts once. */
	repeat?: boolean;
}

export interface ShiftState {
	/** Shift presses counted in the current window (0 when none or expired). */
	count: number;
	/** True on the press that completes the sequence. */
	exit: boolean;
}

/**
 * Counts lone Shift presses. Any other key resets the count, so typing capital letters (Shift held
 * with a letter) never exits; a press more than `windowMs` after the first of a run starts a new run.
 */
export function shiftCounter(now: () => number = () => Date.now(), presses = PRESSES_TO_EXIT, windowMs = EXIT_WINDOW_MS) {
	let first = 0;
	let count = 0;
	return {
		key(e: KeyPress): ShiftState {
			if (e.key !== 'Shift') {
				count = 0;
				return { count, exit: false };
			}
			if (e.repeat) return { count, exit: false };
			const t = now();
			if (count === 0 || t - first > windowMs) {
				first = t;
				count = 0;
			}
			count += 1;
			if (count >= presses) {
				count = 0;
				return { count: presses, exit: true };
			}
			return { count, exit: false };
		},
		/** The count now (0 once the window has passed). */
		count(): number {
			if (count > 0 && now() - first > windowMs) count = 0;
			return count;
		},
		/** Milliseconds until the current run expires (0 when there is none). */
		remaining(): number {
			return count === 0 ? 0 : Math.max(0, windowMs - (now() - first));
		},
		reset() {
			count = 0;
		}
	};
}

/** What the live region says after `count` presses (empty when there is nothing to say). */
export function shiftMessage(count: number, presses = PRESSES_TO_EXIT): string {
	if (count <= 0) return '';
	if (count >= presses) return 'Exiting this page.';
	const left = presses - count;
	return `Shift, press ${left} more ${left === 1 ? 'time' : 'times'} to exit.`;
}
