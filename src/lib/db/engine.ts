/**
 * The one interface between the DuckDB engine and everything above it. Two implementations run the
 * same engine (DuckDB-WASM 1.32 / DuckDB 1.4.3): `browser.ts` (a Web Worker) and `node.ts` (the
 * Node bundle, for unit tests and scripts), so a query tested under Node is the query the browser runs.
 */
import type { Table } from 'apache-arrow';

/** What a cell of a plain row can hold. Dates arrive as ISO `yyyy-mm-dd` strings. */
export type Value = number | string | boolean | null;
export type Row = Record<string, Value>;
/** A positional parameter of a prepared statement (`?` in the SQL). */
export type Param = number | string | boolean | null;

export interface Engine {
	/** Run one statement and return plain rows (numbers, strings, booleans, ISO dates, nulls). */
	query<R extends object = Row>(sql: string, params?: readonly Param[]): Promise<R[]>;
	/** Run one statement and return the Arrow table, for bulk use. */
	queryArrow(sql: string, params?: readonly Param[]): Promise<Table>;
	/** Run statements that return nothing of interest (DDL, several statements separated by `;`). */
	exec(sql: string): Promise<void>;
	/**
	 * Create table `name` from an Arrow IPC stream. The buffer is transferred to the engine and is
	 * empty afterwards (in the browser).
	 */
	insertArrowIPC(name: string, ipc: Uint8Array): Promise<void>;
	/** Stop the engine and free its memory. */
	close(): Promise<void>;
	/**
	 * Optional: a second connection to the same database, for the SQL console. Its temporary tables
	 * and views are its own (they cannot hide a table from the dashboard's connection), and its
	 * queries can be cancelled without disturbing the dashboard's.
	 */
	connectConsole?(): Promise<ConsoleConnection>;
}

/** A query started with `ConsoleConnection.send`: its result, and a way to stop it. */
export interface RunningQuery {
	/** The rows (at most `maxRows`; `truncated` when there were more). Rejects when cancelled. */
	result: Promise<{ table: Table; truncated: boolean }>;
	/** Ask the engine to stop the query (where it can: in the browser). */
	cancel(): Promise<void>;
}

/** A connection of the SQL console's own. */
export interface ConsoleConnection {
	/** Run statements, results ignored. */
	exec(sql: string): Promise<void>;
	/** Run one statement, the Arrow result. */
	queryArrow(sql: string): Promise<Table>;
	/** Start one statement that can be cancelled, fetching at most `maxRows` rows. */
	send(sql: string, maxRows: number): RunningQuery;
	close(): Promise<void>;
}

/**
 * Settings applied right after `open()` on both platforms. Extension autoloading is off: the
 * extensions are downloaded from the internet on first use, which the app must never do (and which
 * hangs offline); with it off, a missing extension is a clean catalog error instead.
 */
export const SESSION_SETTINGS = `
SET autoload_known_extensions = false;
SET autoinstall_known_extensions = false;
`;

/**
 * Result casts set once at `open()`: BIGINT and DECIMAL become doubles (DECIMAL sums otherwise come
 * back scaled), timestamps become dates; so no caller ever meets a bigint or a Decimal.
 */
export const QUERY_CONFIG = {
	castBigIntToDouble: true,
	castDecimalToDouble: true,
	castTimestampToDate: true
} as const;

/**
 * The engine stopped working (its worker crashed or was stopped, the wasm trapped or ran out of
 * memory). Every call waiting on it fails with this; the app starts a new engine and reloads its data.
 */
export class EngineLostError extends Error {
	constructor(readonly reason: string) {
		super(`The database stopped (${reason}).`);
		this.name = 'EngineLostError';
	}
}

/**
 * Whether an error from the engine means the engine itself died, rather than one statement failing:
 * a WebAssembly trap or abort, running out of memory, or a worker that is gone.
 */
export function isEngineDeath(message: string): boolean {
	return /RuntimeError|memory access out of bounds|^unreachable|unreachable executed|Out of Memory|out of memory|Aborted\(|worker (was |has been )?terminated|worker is not set/i.test(message);
}
