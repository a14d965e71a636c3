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
 *
 * Results are remembered: a statement the engine has already answered (same SQL, same parameters)
 * is answered again from memory, so ticking an option and unticking it again costs no query. The
 * memory holds the last `CACHED` results, is dropped by anything that may change the data (exec,
 * inserts, any statement of the SQL console), and belongs to this wrapper alone: a new load makes a
 * new wrapper. Each answer is a fresh array (the rows are shared and must not be changed).
 */
import type { ConsoleConnection, Engine, Param } from '$lib/db/engine';

/** How many results a scheduled engine remembers. */
export const CACHED = 96;

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
	/** Statements answered from memory (for the benchmark and the tests). */
	readonly cached: number;
}

export function scheduled(engine: Engine, inFlight = 2): Scheduled {
	const queue: Waiting[] = [];
	let running = 0;
	let skipped = 0;
	let hits = 0;
	// Insertion order is use order: a hit moves its entry to the end; the oldest goes first.
	const memory = new Map<string, object[]>();
	const forget = () => memory.clear();
	const remembered = async <R extends object>(sql: string, params?: readonly Param[]): Promise<R[]> => {
		const key = params?.length ? `${sql}\u0000${JSON.stringify(params)}` : sql;
		const known = memory.get(key);
		if (known) {
			hits++;
			memory.delete(key);
			memory.set(key, known);
			return known.slice() as R[];
		}
		const rows = await enqueue(() => engine.query<R>(sql, params));
		memory.set(key, rows);
		while (memory.size > CACHED) memory.delete(memory.keys().next().value!);
		return rows.slice();
	};
	const changing =
		<A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
		(...a: A): Promise<R> => {
			forget();
			return fn(...a).finally(forget);
		};
	const consoleOf = (c: ConsoleConnection): ConsoleConnection => ({
		exec: changing((sql: string) => c.exec(sql)),
		queryArrow: changing((sql: string) => c.queryArrow(sql)),
		send(sql, maxRows) {
			forget();
			const running = c.send(sql, maxRows);
			running.result.finally(forget).catch(() => {});
			return running;
		},
		close: () => c.close()
	});

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
		get cached() {
			return hits;
		},
		query: remembered,
		queryArrow: (sql, params) => enqueue(() => engine.queryArrow(sql, params)),
		exec: changing((sql: string) => enqueue(() => engine.exec(sql))),
		insertArrowIPC: changing((name: string, ipc: Uint8Array) => enqueue(() => engine.insertArrowIPC(name, ipc))),
		close: () => engine.close(),
		// The console's own connection is not scheduled: its queries are the user's, cancelled by them.
		// Whatever it runs may change the data, so each statement drops what is remembered.
		connectConsole: engine.connectConsole ? async () => consoleOf(await engine.connectConsole!()) : undefined
	};
	return wrapped;
}
