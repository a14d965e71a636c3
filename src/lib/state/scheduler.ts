/**
 * Stale queries are never sent. DuckDB-WASM runs one statement at a time in its worker, so when
 * filters change quickly (a user ticking three options, or typing in a search box) the queries of
 * the earlier states would still run, one after another, before those of the state on screen.
 *
 * `scheduled(engine)` wraps an engine: at most `inFlight` statements are with the worker at once
 * (two keep it busy without a gap), the rest wait here in order; a waiting statement whose owner
 * has gone stale is dropped before it reaches the worker (its promise rejects with `StaleQuery`,
 * which nobody is listening to any more).
 *
 * The owner is whoever was running when the statement was asked for: `QueryState` (state/query)
 * runs its query function inside `owned(token, fn)` and marks the token stale when a newer run
 * starts or the component goes away. A statement asked for after an `await` inside a query
 * function has no owner and always runs (correct, only not skipped).
 */
import type { Engine } from '$lib/db/engine';

export class StaleQuery extends Error {
	constructor() {
		super('A newer query replaced this one before it ran.');
		this.name = 'StaleQuery';
	}
}

export interface Owner {
	stale: boolean;
}

let current: Owner | null = null;

/** Run `fn` with `owner` as the owner of the statements it asks for synchronously. */
export function owned<T>(owner: Owner, fn: () => T): T {
	const previous = current;
	current = owner;
	try {
		return fn();
	} finally {
		current = previous;
	}
}

interface Waiting {
	owner: Owner | null;
	start: () => Promise<unknown>;
	resolve: (v: unknown) => void;
	reject: (e: unknown) => void;
}

export interface Scheduled extends Engine {
	/** Statements skipped because they had gone stale (for the benchmark and the tests). */
	readonly skipped: number;
}

export function scheduled(engine: Engine, inFlight = 2): Scheduled {
	const queue: Waiting[] = [];
	let running = 0;
	let skipped = 0;

	const pump = () => {
		while (running < inFlight && queue.length) {
			const w = queue.shift()!;
			if (w.owner?.stale) {
				skipped++;
				w.reject(new StaleQuery());
				continue;
			}
			running++;
			w.start().then(w.resolve, w.reject).finally(() => {
				running--;
				pump();
			});
		}
	};
	const enqueue = <T>(start: () => Promise<T>): Promise<T> =>
		new Promise<T>((resolve, reject) => {
			queue.push({ owner: current, start, resolve: resolve as (v: unknown) => void, reject });
			pump();
		});

	const wrapped: Scheduled = {
		...engine,
		get skipped() {
			return skipped;
		},
		query: (sql, params) => enqueue(() => engine.query(sql, params)),
		queryArrow: (sql, params) => enqueue(() => engine.queryArrow(sql, params)),
		exec: (sql) => enqueue(() => engine.exec(sql)),
		insertArrowIPC: (name, ipc) => enqueue(() => engine.insertArrowIPC(name, ipc)),
		close: () => engine.close(),
		// The console's own connection is not scheduled: its queries are the user's, cancelled by them.
		connectConsole: engine.connectConsole ? () => engine.connectConsole!() : undefined
	};
	return wrapped;
}
