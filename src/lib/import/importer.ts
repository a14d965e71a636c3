/**
 * The import, whole: files -> Sources -> (DHRD conversion | tracker mapping and split) -> checks ->
 * model tables + DatasetMeta + report. Nothing here touches the loaded data: the app (or the CLI)
 * loads `datasetBuffers(result)` with the all-or-nothing `loadDataset` only when `!result.blocking`.
 */
import { rowsToIPC } from './arrow-data';
import { SCHEMA, TABLE_NAMES, type DatasetMeta, type TableName } from '../model/schema';
import { buildTables, type BuildOptions, type Built, type SourceInput, type Tables } from './build';
import { checkTables, latestDate } from './checks';
import { convertDhrd, isDhrd } from './dhrd';
import type { Mapping } from './mapping';
import { readFile } from './read';
import { ImportError, type Problem, type Source } from './types';

export interface ImportFile {
	name: string;
	bytes: Uint8Array;
}

export interface ImportOptions extends BuildOptions {
	/** The date the data describes; when absent, the latest date in the data (said in the report). */
	asAt?: string | null;
	/** Dataset name; default from the file names. */
	name?: string;
	/** Mappings chosen by the user, by `sourceId(source)`; others are suggested from the headers. */
	mappings?: Record<string, Mapping>;
}

export interface ImportResult {
	kind: 'tracker' | 'dhrd';
	tables: Tables;
	meta: DatasetMeta;
	problems: Problem[];
	/** True when a problem blocks the import: nothing may be loaded. */
	blocking: boolean;
	unknownStatuses: string[];
	unknownAgencies: string[];
	autoThemes: Built['autoThemes'];
	autoRecommendations: Built['autoRecommendations'];
	statusWords: Built['statusWords'];
	readWords: Built['readWords'];
	agencies: Built['agencies'];
	mappings: Built['mappings'];
}

/**
 * What the /import page shows of a result: everything but the tables (which stay in the worker),
 * plus how many actions have each status ('unknown': a status word not mapped yet).
 */
export type ImportSummary = Omit<ImportResult, 'tables'> & { statusCounts: Record<string, number> };

export function summaryOf(result: ImportResult): ImportSummary {
	const { tables, ...rest } = result;
	const statusCounts: Record<string, number> = {};
	for (const a of tables.actions) {
		const s = a.status == null ? 'unknown' : String(a.status);
		statusCounts[s] = (statusCounts[s] ?? 0) + 1;
	}
	return { ...rest, statusCounts };
}

type Extras = Pick<Built, 'unknownStatuses' | 'unknownAgencies' | 'autoThemes' | 'autoRecommendations' | 'statusWords' | 'readWords' | 'agencies' | 'mappings'>;
const NO_EXTRAS: Extras = { unknownStatuses: [], unknownAgencies: [], autoThemes: [], autoRecommendations: [], statusWords: [], readWords: [], agencies: [], mappings: [] };

/** How a source is named in `ImportOptions.mappings`: the file, and the sheet for workbooks. */
export const sourceId = (s: Pick<Source, 'file' | 'sheet'>) => (s.sheet ? `${s.file}#${s.sheet}` : s.file);

/** Read every file; a file that cannot be read becomes a blocking problem, not an exception. */
export async function readFiles(files: readonly ImportFile[]): Promise<{ sources: Source[]; problems: Problem[] }> {
	const sources: Source[] = [];
	const problems: Problem[] = [];
	for (const f of files) {
		try {
			sources.push(...(await readFile(f.bytes, f.name)));
		} catch (e) {
			const message = e instanceof ImportError ? e.message : `${f.name}: could not be read (${(e as Error).message}).`;
			problems.push({ file: f.name, problem: message, blocking: true });
		}
	}
	return { sources, problems };
}

export function importSources(sources: readonly Source[], options: ImportOptions = {}, readProblems: Problem[] = []): ImportResult {
	const files = [...new Set(sources.map((s) => s.file))];
	const label = files.join(', ') || 'no file';
	let tables: Tables;
	let problems: Problem[];
	let built: Extras = NO_EXTRAS;
	let metaBase: Omit<DatasetMeta, 'row_counts' | 'files'>;
	let kind: ImportResult['kind'] = 'tracker';
	if (sources.length > 0 && isDhrd(sources)) {
		kind = 'dhrd';
		const d = convertDhrd(sources, options.asAt);
		tables = d.tables;
		problems = [...sources.flatMap((s) => s.notes), ...d.problems];
		metaBase = { ...d.meta, ...(options.name ? { name: options.name } : {}) };
	} else {
		const inputs: SourceInput[] = sources.map((source) => ({ source, mapping: options.mappings?.[sourceId(source)] }));
		const b = sources.length > 0 ? buildTables(inputs, options) : null;
		tables = b?.tables ?? { reviews: [], review_factors: [], recommendations: [], recommendation_themes: [], actions: [] };
		problems = b?.problems ?? [];
		if (b) {
			const { tables: _t, problems: _p, ...extras } = b;
			built = extras;
		}
		let asAt = options.asAt ?? null;
		if (!asAt) {
			asAt = latestDate(tables);
			if (asAt) problems.push({ file: label, problem: `No as-at date was given: the latest date in the data, ${asAt}, is used.`, blocking: false });
		}
		metaBase = { name: options.name ?? `Imported: ${label}`, fictional: false, as_at: asAt, source: `Imported from ${label}.` };
	}
	problems = [...readProblems, ...problems];
	if (sources.length === 0 && readProblems.length === 0) problems.push({ file: label, problem: 'No file to import.', blocking: true });
	if (sources.length > 0) problems.push(...checkTables(tables, metaBase.as_at, label));
	const meta: DatasetMeta = {
		...metaBase,
		row_counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].length])) as Record<TableName, number>,
		files: Object.fromEntries(TABLE_NAMES.map((t) => [t, `${t}.arrows`])) as Record<TableName, string>
	};
	return { kind, tables, meta, problems, blocking: problems.some((p) => p.blocking) || sources.length === 0, ...built };
}

export async function importFiles(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
	const { sources, problems } = await readFiles(files);
	return importSources(sources, options, problems);
}

/**
 * Arrow IPC stream per model table, what `loadDataset` and the dataset folder take. Written without
 * Arrow's builders (see arrow-data.ts), so it runs under the app's no-eval Content-Security-Policy.
 */
export function datasetBuffers(result: Pick<ImportResult, 'tables'>): Record<TableName, Uint8Array> {
	return Object.fromEntries(SCHEMA.map((def) => [def.name, rowsToIPC(def, result.tables[def.name])])) as Record<TableName, Uint8Array>;
}
