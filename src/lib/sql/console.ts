/**
 * Queries of the SQL console: the filtered_* views that put what the dashboard shows within reach,
 * the schema listing, and running a user's script (checked by the guard first).
 *
 * The console runs on a connection of its own (`Engine.connectConsole`) where the engine has one:
 * its temporary objects cannot hide a table from the dashboard, and its queries can be cancelled.
 */
import type { Table } from 'apache-arrow';
import type { ConsoleConnection, Engine, Row } from '../db/engine';
import { toRows } from '../db/rows';
import type { Filters } from '../filters/filters';
import { FILTERED_VIEWS, guard, statementTexts } from './guard';
import { normaliseError } from './errors';
import { scope } from '../queries/scope';

/** What each filtered view holds, for the schema panel. */
export const FILTERED_VIEW_NOTES: Record<(typeof FILTERED_VIEWS)[number], string> = {
	filtered_reviews: 'reviews under the current filters (with their year)',
	filtered_recommendations: 'their recommendations',
	filtered_actions: 'their actions, with status, overdue and on-time at the as-at date'
};

/** A console connection: the engine's own where it has one, else the engine's main connection. */
export async function openConsole(engine: Engine): Promise<ConsoleConnection> {
	if (engine.connectConsole) return engine.connectConsole();
	return {
		exec: (sql) => engine.exec(sql),
		queryArrow: (sql) => engine.queryArrow(sql),
		send(sql, maxRows) {
			const result = engine.queryArrow(sql).then((table) => {
				const truncated = table.numRows > maxRows;
				return { table: truncated ? table.slice(0, maxRows) : table, truncated };
			});
			return { result, cancel: async () => {} };
		},
		close: async () => {}
	};
}

/** The three temporary views, as SQL (values inlined by `scope`, which quotes them). */
export function filteredViewsSql(f: Filters, asAt: string): string {
	const s = scope(f, asAt, { text: true });
	const view = (name: string, cte: string) => `CREATE OR REPLACE TEMP VIEW ${name} AS ${s.sql(` SELECT * FROM ${cte}`)};`;
	return [
		view('filtered_reviews', 'f_reviews'),
		view('filtered_recommendations', 'f_recs'),
		view('filtered_actions', 'f_actions')
	].join('\n');
}

export async function refreshFilteredViews(conn: ConsoleConnection, f: Filters, asAt: string): Promise<void> {
	await conn.exec(filteredViewsSql(f, asAt));
}

export interface SchemaColumn {
	name: string;
	type: string;
}
export interface SchemaObject {
	name: string;
	kind: 'table' | 'view' | 'macro';
	/** Temporary: made in the console (or one of the filtered_* views). */
	temporary: boolean;
	columns: SchemaColumn[];
	/** Rows now; null for macros. */
	rows: number | null;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table and view (base, temporary, filtered_*) with columns, types and row counts; the macros. */
export async function schemaListing(conn: ConsoleConnection): Promise<SchemaObject[]> {
	const objects = toRows<{ name: string; kind: 'table' | 'view'; temporary: boolean }>(
		await conn.queryArrow(`
			SELECT table_name AS name, 'table' AS kind, temporary FROM duckdb_tables() WHERE NOT internal AND table_name NOT LIKE '\\_staging\\_%' ESCAPE '\\'
			  AND table_name NOT LIKE '\\_scope\\_%' ESCAPE '\\'
			UNION ALL
			SELECT view_name, 'view', temporary FROM duckdb_views() WHERE NOT internal AND view_name NOT LIKE '\\_scope\\_%' ESCAPE '\\'
			ORDER BY temporary, kind, name`)
	);
	const columns = toRows<{ table_name: string; column_name: string; data_type: string }>(
		await conn.queryArrow(
			`SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index`
		)
	);
	const macros = toRows<{ name: string; params: string }>(
		await conn.queryArrow(`
			SELECT function_name AS name, string_agg(p, ', ') AS params
			FROM (SELECT DISTINCT function_name, unnest(parameters) AS p FROM duckdb_functions()
			      WHERE NOT internal AND function_type IN ('macro', 'table_macro'))
			GROUP BY ALL ORDER BY name`)
	);
	const out: SchemaObject[] = [];
	for (const o of objects) {
		const [{ n }] = toRows<{ n: number }>(await conn.queryArrow(`SELECT count(*) AS n FROM ${quoteIdent(o.name)}`));
		out.push({
			...o,
			columns: columns.filter((c) => c.table_name === o.name).map((c) => ({ name: c.column_name, type: c.data_type })),
			rows: n
		});
	}
	for (const m of macros) out.push({ name: m.name, kind: 'macro', temporary: false, columns: [{ name: `(${m.params ?? ''})`, type: 'macro' }], rows: null });
	return out;
}

export interface ResultColumn {
	name: string;
	type: string;
}
export interface ConsoleResult {
	columns: ResultColumn[];
	rows: Row[];
	/** More rows than `maxRows`: only the first are kept. */
	truncated: boolean;
}

/** Raised for a statement the guard refuses: nothing has run. */
export class RefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RefusedError';
	}
}

/** Raised for an engine error, with where the failing statement starts in the script. */
export class StatementError extends Error {
	constructor(
		message: string,
		readonly statementStart: number
	) {
		super(normaliseError(message));
		this.name = 'StatementError';
	}
}

/** An Arrow type in DuckDB's words (BIGINT and DECIMAL arrive as doubles: see QUERY_CONFIG). */
export function typeName(arrowType: string): string {
	if (/^Float/.test(arrowType)) return 'DOUBLE';
	if (/^Int64/.test(arrowType)) return 'BIGINT';
	if (/^U?Int/.test(arrowType)) return 'INTEGER';
	if (/^Decimal/.test(arrowType)) return 'DECIMAL';
	if (/Utf8/.test(arrowType)) return 'VARCHAR';
	if (/^Date/.test(arrowType)) return 'DATE';
	if (/^Timestamp/.test(arrowType)) return 'TIMESTAMP';
	if (arrowType === 'Bool') return 'BOOLEAN';
	if (/^List/.test(arrowType)) return 'LIST';
	if (/^Struct/.test(arrowType)) return 'STRUCT';
	return arrowType.toUpperCase();
}

export function resultOf(table: Table, truncated: boolean): ConsoleResult {
	return {
		columns: table.schema.fields.map((f) => ({ name: f.name, type: typeName(String(f.type)) })),
		rows: toRows(table),
		truncated
	};
}

export interface StartedScript {
	result: Promise<ConsoleResult>;
	cancel(): Promise<void>;
}

/**
 * Run a script: guard it, refresh the filtered_* views, run every statement but the last, then the
 * last one cancellably; its result is the script's. Throws RefusedError / StatementError.
 */
export function runScript(conn: ConsoleConnection, sql: string, f: Filters, asAt: string, maxRows = 200_000): StartedScript {
	let cancelled = false;
	let running: { cancel(): Promise<void> } | null = null;
	const result = (async () => {
		const verdict = guard(sql);
		if (!verdict.ok) throw new RefusedError(verdict.message);
		await refreshFilteredViews(conn, f, asAt);
		const statements = statementTexts(sql);
		const last = statements.pop()!;
		for (const s of statements) {
			if (cancelled) throw new Error('Cancelled.');
			try {
				await conn.exec(s.text);
			} catch (e) {
				throw new StatementError((e as Error)?.message ?? String(e), s.at);
			}
		}
		if (cancelled) throw new Error('Cancelled.');
		const run = conn.send(last.text, maxRows);
		running = run;
		try {
			const { table, truncated } = await run.result;
			return resultOf(table, truncated);
		} catch (e) {
			throw new StatementError((e as Error)?.message ?? String(e), last.at);
		}
	})();
	return {
		result,
		async cancel() {
			cancelled = true;
			await running?.cancel();
		}
	};
}
