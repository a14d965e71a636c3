/**
 * Start something at most once: every call, concurrent or later, gets the same promise. If the start
 * fails, the failure is passed on and the next call tries again (a crashed or unreachable engine can
 * be restarted).
 */
export function once<T>(start: () => Promise<T>): { get(): Promise<T>; reset(): void } {
	let pending: Promise<T> | null = null;
	return {
		get() {
			pending ??= start().catch((e) => {
				pending = null;
				throw e;
			});
			return pending;
		},
		reset() {
			pending = null;
		}
	};
}
