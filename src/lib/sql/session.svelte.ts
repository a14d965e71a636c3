/**
 * The state of the SQL console page: its own connection to the engine, the last result or error, the
 * schema, and running / cancelling. A run refreshes the filtered_* views from the dashboard's filters
 * first. A run that takes longer than TIME_LIMIT_MS is cancelled with a message; an engine error
 * (out of memory included) is shown and the console (and the app) keep working.
 */
import type { ConsoleConnection, Engine } from '../db/engine';
import type { Filters } from '../filters/filters';
import { openConsole, RefusedError, runScript, schemaListing, StatementError, type ConsoleResult, type SchemaObject, type StartedScript } from './console';
import { errorPosition, type ErrorPosition } from './errors';

export const TIME_LIMIT_MS = 120_000;
/** Rows kept from one result; more are dropped with a notice (the browser's memory is finite). */
export const MAX_ROWS = 200_000;

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'refused' | 'cancelled';

export class ConsoleSession {
	status = $state<RunStatus>('idle');
	result = $state.raw<ConsoleResult | null>(null);
	/** Milliseconds the last run took. */
	ms = $state<number | null>(null);
	error = $state<string | null>(null);
	errorAt = $state<ErrorPosition | null>(null);
	schema = $state.raw<SchemaObject[]>([]);
	#conn: Promise<ConsoleConnection> | null = null;
	#engine: Engine | null = null;
	#running: StartedScript | null = null;
	#why: string | null = null;
	/** Settles the wait for the running query at once when the user cancels. */
	#stopWaiting: ((e: Error) => void) | null = null;
	/**
	 * One thing at a time on the console connection: a new query on a connection ends the streamed
	 * result of the one before, so the schema refresh and a run must not overlap.
	 */
	#queue: Promise<unknown> = Promise.resolve();
	#serial<T>(fn: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(fn, fn);
		this.#queue = next.catch(() => {});
		return next;
	}

	/** The console connection for this engine (a new engine, e.g. a new dataset, gets a new one). */
	connection(engine: Engine): Promise<ConsoleConnection> {
		if (this.#engine !== engine || !this.#conn) {
			this.#engine = engine;
			this.#conn = openConsole(engine);
		}
		return this.#conn;
	}

	refreshSchema(engine: Engine, f: Filters, asAt: string): Promise<void> {
		return this.#serial(async () => {
			const conn = await this.connection(engine);
			// The filtered views are listed as they are now.
			await runScript(conn, 'SELECT 1', f, asAt).result;
			this.schema = await schemaListing(conn);
		});
	}

	async run(engine: Engine, sql: string, f: Filters, asAt: string): Promise<void> {
		if (this.status === 'running') return;
		this.status = 'running';
		// Reset here, not in #run: a cancel pressed while this run still waits its turn must count.
		this.#why = null;
		return this.#serial(() => this.#run(engine, sql, f, asAt));
	}

	async #run(engine: Engine, sql: string, f: Filters, asAt: string): Promise<void> {
		this.status = 'running';
		this.error = null;
		this.errorAt = null;
		const t0 = performance.now();
		const timer = setTimeout(() => this.cancel(`The query took longer than ${TIME_LIMIT_MS / 60_000} minutes and was stopped.`), TIME_LIMIT_MS);
		// The engine stops a query between batches; one busy computing a single batch (a large
		// aggregate) finishes first. Cancel returns control at once either way, even before the query
		// has reached the engine: a result that still comes is dropped.
		const stopped = new Promise<never>((_, reject) => (this.#stopWaiting = reject));
		stopped.catch(() => {});
		try {
			if (this.#why) throw new Error(this.#why);
			const conn = await Promise.race([this.connection(engine), stopped]);
			this.#running = runScript(conn, sql, f, asAt, MAX_ROWS);
			this.#running.result.catch(() => {});
			if (this.#why) void this.#running.cancel();
			const result = await Promise.race([this.#running.result, stopped]);
			this.ms = performance.now() - t0;
			this.result = result;
			this.status = 'done';
		} catch (e) {
			this.ms = performance.now() - t0;
			const message = (e as Error)?.message ?? String(e);
			if (this.#why) {
				this.status = 'cancelled';
				this.error = this.#why;
			} else {
				this.status = e instanceof RefusedError ? 'refused' : 'error';
				this.error = message;
				this.errorAt = e instanceof StatementError ? errorPosition(message, sql, e.statementStart) : null;
			}
		} finally {
			clearTimeout(timer);
			this.#running = null;
			this.#stopWaiting = null;
		}
		// Temporary tables may have come or gone.
		try {
			this.schema = await schemaListing(await this.connection(engine));
		} catch {
			// The listing is a convenience; a failure here must not hide the result.
		}
	}

	async cancel(why = 'The query was cancelled.'): Promise<void> {
		if (this.status !== 'running') return;
		this.#why = why;
		this.#stopWaiting?.(new Error(why));
		await this.#running?.cancel();
	}
}
