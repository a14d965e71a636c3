/**
 * The national data beside the local: the reviews and case factors of a national dataset (the
 * DHRD) loaded into the same engine as the open dataset, under their own schema (`national.reviews`,
 * `national.review_factors`), so one query can read both. The open dataset's tables (schema `main`)
 * are never touched.
 *
 * All or nothing, as `loadDataset`: both files are read into staging tables and checked (required
 * columns present; every value cast to the model's type), and only then are the `national` tables
 * replaced, in one call to the engine (two plain copies of checked tables, run back to back in the
 * worker). A bad file leaves the national tables as they were.
 */
import { tableFromIPC } from 'apache-arrow';
import { tableDef, type TableName } from '../model/schema';
import { DatasetError } from './dataset';
import type { Engine } from './engine';

export const NATIONAL_SCHEMA = 'national';
/** The tables a comparison needs. */
export const COMPARISON_TABLES = ['reviews', 'review_factors'] as const satisfies readonly TableName[];
export type ComparisonTable = (typeof COMPARISON_TABLES)[number];

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
let loads = 0;

/**
 * Load the national reviews and factors from Arrow IPC buffers (empty afterwards in the browser).
 * `name` says whose files they are in messages. Throws a DatasetError in words.
 */
export async function loadComparison(
	engine: Engine,
	buffers: Record<ComparisonTable, Uint8Array>,
	name = 'The national dataset'
): Promise<void> {
	const load = ++loads;
	const raw = (t: ComparisonTable) => `_national_${load}_${t}_raw`;
	const typed = (t: ComparisonTable) => `_national_${load}_${t}`;
	const made: string[] = [];
	try {
		for (const t of COMPARISON_TABLES) {
			const file = `${name}, table ${t}`;
			const bytes = buffers[t];
			try {
				if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0 || tableFromIPC(bytes).schema.fields.length === 0) {
					throw new Error('no columns found');
				}
			} catch (e) {
				throw new DatasetError(`${file}: could not be read as an Arrow IPC stream (${(e as Error).message}).`, file);
			}
			made.push(raw(t));
			await engine.insertArrowIPC(raw(t), bytes);
			const cols = await engine.query<{ column_name: string }>(
				`SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main'`,
				[raw(t)]
			);
			const present = new Set(cols.map((c) => c.column_name));
			const def = tableDef(t);
			const missing = def.columns.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
			if (missing.length) throw new DatasetError(`${file}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`, file);
			const select = def.columns
				.map((c) => (present.has(c.name) ? `CAST(${quote(c.name)} AS ${c.type}) AS ${c.name}` : `CAST(NULL AS ${c.type}) AS ${c.name}`))
				.join(', ');
			made.push(typed(t));
			try {
				await engine.exec(`CREATE TABLE ${typed(t)} AS SELECT ${select} FROM ${raw(t)}`);
			} catch (e) {
				throw new DatasetError(`${file}: a value is not of the model's type (${(e as Error).message}).`, file);
			}
		}
		// Both tables are checked and typed: swap them in, in one call (no other statement between).
		await engine.exec(
			`CREATE SCHEMA IF NOT EXISTS ${NATIONAL_SCHEMA};\n` +
				COMPARISON_TABLES.map((t) => `CREATE OR REPLACE TABLE ${NATIONAL_SCHEMA}.${t} AS SELECT * FROM ${typed(t)};`).join('\n')
		);
	} finally {
		for (const t of made) await engine.exec(`DROP TABLE IF EXISTS ${t}`).catch(() => {});
	}
}

/** Remove the national tables (nothing happens when there are none). */
export async function dropComparison(engine: Engine): Promise<void> {
	await engine.exec(`DROP SCHEMA IF EXISTS ${NATIONAL_SCHEMA} CASCADE`);
}

/** Whether national tables are loaded now. */
export async function hasComparison(engine: Engine): Promise<boolean> {
	const rows = await engine.query<{ n: number }>(
		`SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = '${NATIONAL_SCHEMA}' AND table_name IN ('reviews', 'review_factors')`
	);
	return rows[0].n === 2;
}
