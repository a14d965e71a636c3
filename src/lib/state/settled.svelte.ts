/**
 * Waiting, without polling, for the page to settle: a promise on reactive state. Used to start
 * background work (the scope build) only once the page's own queries have gone first.
 */
import { tick } from 'svelte';

/** Resolves once `ok()` is true (read reactively: its state is watched, not polled). */
function until(ok: () => boolean): Promise<void> {
	return new Promise((resolve) => {
		const stop = $effect.root(() => {
			$effect(() => {
				if (!ok()) return;
				resolve();
				// Not from inside the effect that is running.
				queueMicrotask(stop);
			});
		});
	});
}

/**
 * Resolves true once `settled()` holds after every pending effect has run (the queries an effect
 * starts count: a state change that starts more of them is waited out too), or false as soon as
 * `wanted()` no longer holds. Both are read reactively.
 */
export async function whenSettled(settled: () => boolean, wanted: () => boolean): Promise<boolean> {
	for (;;) {
		// Let the effects of the state set so far run (they start the page's queries).
		await tick();
		if (!wanted()) return false;
		if (settled()) return true;
		await until(() => settled() || !wanted());
	}
}
