/**
 * The engine in the browser: one DuckDB-WASM instance in a Web Worker, started once. The wasm
 * bundles and workers are imported as URLs, so Vite copies them into the build with hashed names and
 * the app serves them itself (no CDN). Import this module only in the browser (it creates a Worker).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { EngineLostError, QUERY_CONFIG, SESSION_SETTINGS, isEngineDeath, type ConsoleConnection, type Engine, type Param } from './engine';
import { once } from './once';
import { toRows } from './rows';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

const engine = once(open);

/** The engine, started on first call; later and concurrent calls share the same promise. */
export function startEngine(): Promise<Engine> {
	return engine.get();
}

type LostListener = (reason: string) => void;
const lostListeners = new Set<LostListener>();
/** Stops the running engine as a crash would (set once it is open). */
let crashCurrent: ((reason: string) => void) | null = null;

/**
 * Be told when the engine dies (its worker failed, or the wasm trapped or ran out of memory). By
 * then the dead worker is gone and the next `startEngine()` starts a new one. Returns an unsubscribe.
 */
export function onEngineLost(listener: LostListener): () => void {
	lostListeners.add(listener);
	return () => lostListeners.delete(listener);
}

/** Stop the worker as if it had crashed (for the recovery test: `window.__dhr.killWorker()`). */
export function killEngine(reason = 'its worker was stopped'): boolean {
	if (!crashCurrent) return false;
	crashCurrent(reason);
	return true;
}

// A hook for browser tests; harmless: it does what a crash does, and the app recovers.
if (typeof window !== 'undefined') {
	const w = window as unknown as { __dhr?: Record<string, unknown> };
	w.__dhr = { ...w.__dhr, killWorker: () => killEngine() };
}

async function open(): Promise<Engine> {
	// The eh (exception handling) bundle where the browser supports it; mvp otherwise.
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);

	// Death of the engine: every call waiting on it is rejected at once (duckdb-wasm would leave them
	// pending forever), the worker is stopped, and the listeners are told so they can start a new one.
	let lost: string | null = null;
	let rejectAll: (e: Error) => void = () => {};
	const dead = new Promise<never>((_, reject) => (rejectAll = reject));
	dead.catch(() => {});
	const die = (reason: string) => {
		if (lost) return;
		lost = reason;
		rejectAll(new EngineLostError(reason));
		if (crashCurrent === die) crashCurrent = null;
		engine.reset();
		void db.terminate().catch(() => {});
		for (const listener of lostListeners) listener(reason);
	};
	worker.addEventListener('error', (e) => die(e.message ? `its worker failed: ${e.message}` : 'its worker failed'));

	/** Run a call on the engine; rejected with EngineLostError if the engine dies meanwhile. */
	const guard = async <T>(call: () => Promise<T>): Promise<T> => {
		if (lost) throw new EngineLostError(lost);
		try {
			return await Promise.race([call(), dead]);
		} catch (e) {
			const why = (e as Error)?.message ?? String(e);
			if (!(e instanceof EngineLostError) && isEngineDeath(why)) {
				die(why.split('\n')[0].slice(0, 200));
				throw new EngineLostError(lost!);
			}
			throw e;
		}
	};

	await guard(() => db.instantiate(bundle.mainModule, bundle.pthreadWorker));
	await guard(() => db.open({ query: QUERY_CONFIG }));
	const conn = await guard(() => db.connect());
	await guard(() => conn.query(SESSION_SETTINGS));
	crashCurrent = die;

	const run = (sql: string, params?: readonly Param[]): Promise<Table> =>
		guard(async () => {
			if (!params || params.length === 0) return conn.query(sql);
			const stmt = await conn.prepare(sql);
			try {
				return await stmt.query(...params);
			} finally {
				await stmt.close();
			}
		});

	return {
		async query(sql, params) {
			return toRows(await run(sql, params));
		},
		queryArrow: run,
		async exec(sql) {
			await guard(() => conn.query(sql));
		},
		async insertArrowIPC(name, ipc) {
			await guard(() => conn.insertArrowFromIPCStream(ipc, { name, create: true }));
		},
		async close() {
			if (crashCurrent === die) crashCurrent = null;
			const alive = lost === null;
			lost ??= 'it was closed';
			rejectAll(new EngineLostError(lost));
			if (alive) await conn.close().catch(() => {});
			await db.terminate();
			engine.reset();
		},
		async connectConsole() {
			return consoleConnection(await guard(() => db.connect()), guard);
		}
	};
}

/**
 * The console's connection. `send` streams the result batch by batch, so a long query can be
 * cancelled (`cancelSent`) and a huge result stops at `maxRows` instead of filling the memory.
 */
function consoleConnection(
	c: duckdb.AsyncDuckDBConnection,
	guard: <T>(call: () => Promise<T>) => Promise<T>
): ConsoleConnection {
	return {
		async exec(sql) {
			await guard(() => c.query(sql));
		},
		queryArrow: (sql) => guard(() => c.query(sql)),
		send(sql, maxRows) {
			const result = guard(async () => {
				const reader = await c.send(sql, true);
				const batches: RecordBatch[] = [];
				let rows = 0;
				let truncated = false;
				for await (const batch of reader) {
					batches.push(batch);
					rows += batch.numRows;
					if (rows > maxRows) {
						truncated = true;
						break;
					}
				}
				const table = batches.length ? new Table(batches) : new Table(reader.schema);
				return { table: truncated ? table.slice(0, maxRows) : table, truncated };
			});
			return {
				result,
				async cancel() {
					await guard(() => c.cancelSent()).catch((e) => {
						if (!(e instanceof EngineLostError)) throw e;
					});
				}
			};
		},
		async close() {
			await guard(() => c.close()).catch((e) => {
				if (!(e instanceof EngineLostError)) throw e;
			});
		}
	};
}
