/**
 * Loading a dataset (one Arrow IPC stream per table) into the engine, all or nothing: each file is
 * read into a staging table, checked against the data model, and only when every table passed are
 * the live tables replaced, in one transaction. A bad file leaves what was loaded before untouched.
 *
 * Datasets made before the model grew still open (nothing in them is lost): a table added since
 * (`ADDED_TABLES`) that they lack is created empty, a column added since is filled with nulls, and
 * recommendations with no kind of change (`recommendation_categories`) get the tagger's reading of
 * their text, stored with source 'auto' and its confidence. The report returned says so in words.
 */
import { ADDED_COLUMNS, SCHEMA, TABLE_NAMES, tableDef, type TableDef, type TableName } from '../model/schema';
import { tableFromIPC } from 'apache-arrow';
import { DERIVED_SQL, MATERIALISE_SCOPE_SQL, SCOPE_VIEWS_IF_MISSING_SQL, SCOPE_VIEWS_SQL } from './derived';
import type { Engine } from './engine';

export class DatasetError extends Error {
	constructor(
		message: string,
		readonly file?: string
	) {
		super(message);
		this.name = 'DatasetError';
	}
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
// Staging names are new for every load: an insert that failed half-way can leave the engine
// expecting more batches for a name, and must not poison the next attempt.
let loadCount = 0;
const stagingName = (table: TableName, load: number) => `_staging_${load}_${table}`;

/** Refuse bytes that are not a whole Arrow IPC stream before the engine sees them. */
function checkIPC(bytes: Uint8Array, file: string): void {
	let fields = 0;
	try {
		fields = tableFromIPC(bytes).schema.fields.length;
	} catch (e) {
		throw new DatasetError(`${file}: could not be read as an Arrow IPC stream (${(e as Error).message}).`, file);
	}
	if (fields === 0) throw new DatasetError(`${file}: could not be read as an Arrow IPC stream (no columns found).`, file);
}

/** Create the empty tables of the model (so the views work before anything is loaded). */
export async function createEmptyTables(engine: Engine): Promise<void> {
	const ddl = SCHEMA.map(
		(t) => `CREATE TABLE IF NOT EXISTS ${t.name} (${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')});`
	).join('\n');
	// One round trip. The scope views only where missing: a later load redefines them only when its
	// data is in (a failed load leaves the scope of the data on screen as it was).
	await engine.exec(`${ddl}\n${DERIVED_SQL}\n${SCOPE_VIEWS_IF_MISSING_SQL}`);
}

/**
 * Build the scope tables of the loaded data (db/derived): the filtered relations every view starts
 * from become single-table scans. Run once after a load, in the background; until it is done the
 * same rows come from the joins.
 */
export async function materialiseScope(engine: Engine): Promise<void> {
	await engine.exec(MATERIALISE_SCOPE_SQL);
}

/** Kinds of change read from a text: the part of the tagger's answer the loader keeps. */
export type CategoryTagger = (text: string) => { categories: readonly { id: string; confidence: number }[] };

/** The committed tagger, fetched only when a dataset needs it (it is not part of the first page's code). */
const committedTagger = async (): Promise<CategoryTagger> => (await import('../lessons/tags')).tagRecommendation;

export interface LoadOptions {
	/** What reads kinds of change from text for recommendations that have none (default: the committed tagger). */
	tagger?: () => Promise<CategoryTagger>;
}

/** What a load did beyond copying the files in, for a notice; `notices` is empty for a dataset in today's shape. */
export interface LoadReport {
	/** Tables the dataset lacked (made before they were added to the model), created empty. */
	addedTables: TableName[];
	/** Columns added to the model since (`ADDED_COLUMNS`) that the files lacked, `table.column`, filled with nulls. */
	addedColumns: string[];
	/** Recommendations that had no kind of change, tagged from their text (source 'auto'). */
	taggedRecommendations: number;
	/** The above in plain words, one sentence each. */
	notices: string[];
}

/**
 * Load every table of the model from Arrow IPC buffers. `files[table]` names the source for
 * messages. Throws a `DatasetError` in plain words; on any error the live tables are as before.
 * A table of `ADDED_TABLES` may be absent (a dataset made before it existed).
 */
export async function loadDataset(
	engine: Engine,
	given: Partial<Record<TableName, Uint8Array>>,
	files: Partial<Record<TableName, string>> = {},
	options: LoadOptions = {}
): Promise<LoadReport> {
	// A dataset made before a table was added lacks it: the migration (and its Arrow writer) is fetched only then.
	const { buffers, added } = TABLE_NAMES.every((t) => given[t])
		? { buffers: given as Record<TableName, Uint8Array>, added: [] as TableName[] }
		: (await import('../model/migrate')).withAddedTables(given);
	const missing = TABLE_NAMES.filter((t) => !buffers[t]);
	if (missing.length) throw new DatasetError(`The dataset has no file for the table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
	const report: LoadReport = { addedTables: added, addedColumns: [], taggedRecommendations: 0, notices: [] };
	await createEmptyTables(engine);
	const load = ++loadCount;
	const staging = (table: TableName) => stagingName(table, load);
	const staged: string[] = [];
	const presentColumns = new Map<TableName, Set<string>>();
	// Staged tables already exactly in the model's shape are renamed into place rather than copied:
	// at a million actions a copy of every table was the largest part of the engine's peak memory.
	const exact = new Set<TableName>();
	try {
		for (const def of SCHEMA) {
			const file = files[def.name] ?? `${def.name}.arrows`;
			checkIPC(buffers[def.name], file);
			try {
				await engine.insertArrowIPC(staging(def.name), buffers[def.name]);
			} catch (e) {
				throw new DatasetError(`${file}: could not be read as an Arrow IPC stream (${(e as Error).message}).`, file);
			}
			staged.push(staging(def.name));
			const { problem, present, inShape } = await checkStaged(engine, def, staging(def.name), file);
			if (problem) throw new DatasetError(problem, file);
			presentColumns.set(def.name, present);
			if (inShape) exact.add(def.name);
			if (!added.includes(def.name))
				for (const c of def.columns) if (!present.has(c.name) && ADDED_COLUMNS.includes(`${def.name}.${c.name}`)) report.addedColumns.push(`${def.name}.${c.name}`);
		}
		// Recommendations with no kind of change: read from their text (an old dataset has none at all).
		const derivedName = `_staging_${load}_derived_categories`;
		const untagged = await engine.query<{ recommendation_id: string; text: string }>(
			`SELECT r.recommendation_id, r.text FROM ${staging('recommendations')} AS r
			 WHERE r.text IS NOT NULL AND r.recommendation_id NOT IN (SELECT recommendation_id FROM ${staging('recommendation_categories')} WHERE recommendation_id IS NOT NULL)
			 ORDER BY r.rowid`
		);
		if (untagged.length) {
			const tag = await (options.tagger ?? committedTagger)();
			const rows = untagged.flatMap((r) =>
				tag(r.text).categories.map((c) => ({ recommendation_id: r.recommendation_id, category: c.id, source: 'auto', confidence: c.confidence }))
			);
			const { rowsToIPC } = await import('../import/arrow-data');
			await engine.insertArrowIPC(derivedName, rowsToIPC(tableDef('recommendation_categories'), rows));
			staged.push(derivedName);
			exact.delete('recommendation_categories');
			report.taggedRecommendations = untagged.length;
		}
		// Every file is readable and has its columns: swap them in together.
		const selects = SCHEMA.map((def) => {
			if (exact.has(def.name)) return `DROP TABLE IF EXISTS ${def.name}; ALTER TABLE ${staging(def.name)} RENAME TO ${def.name};`;
			// Optional columns the file lacks are added empty.
			const present = presentColumns.get(def.name)!;
			const cols = def.columns.map((c) =>
				present.has(c.name) ? `CAST(${quote(c.name)} AS ${c.type}) AS ${c.name}` : `CAST(NULL AS ${c.type}) AS ${c.name}`
			);
			const rows = `SELECT ${cols.join(', ')} FROM ${staging(def.name)}`;
			// Categories read from the text follow those the file had.
			const derived = def.name === 'recommendation_categories' && report.taggedRecommendations > 0 ? ` UNION ALL SELECT * FROM ${derivedName}` : '';
			return `CREATE OR REPLACE TABLE ${def.name} AS ${rows}${derived};`;
		});
		await engine.exec('BEGIN TRANSACTION;');
		try {
			for (const s of selects) await engine.exec(s);
			// The scope views go back to the joins over the new tables (and any copies are dropped),
			// in the same transaction.
			await engine.exec(SCOPE_VIEWS_SQL);
			await engine.exec('COMMIT;');
		} catch (e) {
			await engine.exec('ROLLBACK;');
			throw new DatasetError(`The dataset could not be loaded: ${(e as Error).message}`);
		}
		await engine.exec(DERIVED_SQL);
	} finally {
		// One round trip; tables renamed into place are gone already.
		if (staged.length)
			await engine.exec(staged.map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n')).catch(() => {});
	}
	// The sentences (and their module) only when there is something to say.
	if (report.addedTables.length || report.addedColumns.length || report.taggedRecommendations)
		report.notices = (await import('../model/migrate')).loadNotices(report);
	return report;
}

/** Row count of every table of the model, as loaded. */
export async function rowCounts(engine: Engine): Promise<Record<TableName, number>> {
	const sql = TABLE_NAMES.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM ${t}`).join(' UNION ALL ');
	const rows = await engine.query<{ name: TableName; n: number }>(sql);
	return Object.fromEntries(rows.map((r) => [r.name, r.n])) as Record<TableName, number>;
}

/**
 * Check a staged table against its definition: required columns present and filled, every value
 * castable to the model's type. Returns the first problem in plain words (file, row, column, why),
 * or null. Rows are numbered from 1 in the order of the file.
 */
async function checkStaged(
	engine: Engine,
	def: TableDef,
	table: string,
	file: string
): Promise<{ problem: string | null; present: Set<string>; inShape: boolean }> {
	const cols = await engine.query<{ column_name: string; data_type: string }>(
		`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index`,
		[table]
	);
	const types = new Map(cols.map((c) => [c.column_name, c.data_type]));
	// Every column of the model, in its order and type, and no other.
	const inShape =
		cols.length === def.columns.length && cols.every((c, i) => c.column_name === def.columns[i].name && c.data_type === def.columns[i].type);
	const result = (problem: string | null) => ({ problem, present: new Set(types.keys()), inShape: problem === null && inShape });
	const missing = def.columns.filter((c) => !types.has(c.name) && c.required).map((c) => c.name);
	if (missing.length) {
		return result(`${file}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
	}
	// One pass over the table: for each check, the first row that fails it.
	const checks: { column: string; why: 'empty' | 'type'; expr: string }[] = [];
	for (const c of def.columns) {
		if (!types.has(c.name)) continue;
		const q = quote(c.name);
		if (c.required) checks.push({ column: c.name, why: 'empty', expr: `${q} IS NULL` });
		if (types.get(c.name) !== c.type) {
			checks.push({ column: c.name, why: 'type', expr: `${q} IS NOT NULL AND TRY_CAST(${q} AS ${c.type}) IS NULL` });
		}
	}
	if (!checks.length) return result(null);
	const sql = `SELECT ${checks.map((k, i) => `min(rowid) FILTER (WHERE ${k.expr}) AS c${i}`).join(', ')} FROM ${table}`;
	const [first] = await engine.query<Record<string, number | null>>(sql);
	const i = checks.findIndex((_, i) => first[`c${i}`] != null);
	if (i < 0) return result(null);
	const { column, why } = checks[i];
	const rowid = first[`c${i}`] as number;
	const row = rowid + 1;
	if (why === 'empty') return result(`${file}, row ${row}, column ${column}: a value is required but the cell is empty.`);
	const [{ v }] = await engine.query<{ v: string }>(
		`SELECT CAST(${quote(column)} AS VARCHAR) AS v FROM ${table} WHERE rowid = ${rowid}`
	);
	const want = { VARCHAR: 'text', INTEGER: 'a whole number', DOUBLE: 'a number', DATE: 'a date', BOOLEAN: 'true or false' }[
		def.columns.find((c) => c.name === column)!.type
	];
	return result(`${file}, row ${row}, column ${column}: "${v}" is not ${want}.`);
}
