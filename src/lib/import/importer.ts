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
import { FILE_VALUE_FIELDS, guessFileValues, type FileValueField, type FileValues, type Guess } from './file-values';
import { mapped as mappedTargets, suggestMapping, type Mapping } from './mapping';
import { readFile } from './read';
import { ImportError, type Cell, type Problem, type Source } from './types';

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
	/**
	 * Recommendations split from a report's text as the user corrected them on /import, by
	 * `sourceId(source)`: the rows (Rec no | Recommendation | Scope | Agency) replace the split's.
	 */
	reportEdits?: Record<string, Cell[][]>;
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
	autoCategories: Built['autoCategories'];
	codedRecommendations: Built['codedRecommendations'];
	tagger: Built['tagger'];
	autoRecommendations: Built['autoRecommendations'];
	statusWords: Built['statusWords'];
	readWords: Built['readWords'];
	agencies: Built['agencies'];
	mappings: Built['mappings'];
	/** Per file: the whole-file values it lacks a column for, the guesses offered, and the values used. */
	wholeFile: WholeFile[];
}

/** What /import asks once per file (see file-values.ts). */
export interface WholeFile {
	file: string;
	/** Values no column of the file gives; `partnership` among them must be given (or guessed). */
	lacks: FileValueField[];
	/** Guesses from the titles and the file name. */
	guesses: Partial<Record<FileValueField, Guess>>;
	/** The values the import used: the user's, else the guesses. */
	used: FileValues;
}

const REVIEW_DATES = ['reviews.completed_date', 'reviews.published_date', 'reviews.commissioned_date', 'reviews.death_month'];

/**
 * Which whole-file values each file lacks, what its titles and name suggest, and what is used:
 * the user's value, else the guess (each guess used said in the report, so it can be corrected).
 */
export function wholeFileValues(inputs: readonly { source: Source; mapping: Mapping }[], given: Record<string, FileValues> = {}): { wholeFile: WholeFile[]; values: Record<string, FileValues>; problems: Problem[] } {
	const files = [...new Set(inputs.map((i) => i.source.file))];
	const wholeFile: WholeFile[] = [];
	const values: Record<string, FileValues> = {};
	const problems: Problem[] = [];
	for (const file of files) {
		const own = inputs.filter((i) => i.source.file === file);
		const targets = new Set(own.flatMap((i) => [...mappedTargets(i.mapping)]));
		const trackerSheets = own.filter((i) => {
			const t = mappedTargets(i.mapping);
			return t.has('recommendations.text') || t.has('actions.description');
		});
		if (trackerSheets.length === 0 && !targets.has('reviews.review_id')) continue;
		const perSheet = trackerSheets.filter((i) => i.source.sheet && !mappedTargets(i.mapping).has('reviews.review_id') && mappedTargets(i.mapping).has('recommendations.text') && mappedTargets(i.mapping).has('actions.description')).length >= 2;
		const lacks = FILE_VALUE_FIELDS.filter((f) => {
			if (f === 'partnership') return !targets.has('reviews.partnership');
			if (f === 'review_type') return !targets.has('reviews.review_type');
			if (f === 'region') return !targets.has('reviews.region');
			if (f === 'review') return !targets.has('reviews.review_id') && !perSheet;
			return !REVIEW_DATES.some((t) => targets.has(t)) && !perSheet;
		});
		const guesses = guessFileValues(file, own.map((i) => i.source));
		const mine = { ...(given['*'] ?? {}), ...(given[file] ?? {}) };
		const used: FileValues = {};
		for (const f of lacks) {
			const v = mine[f];
			if (typeof v === 'string' && v.trim() !== '') used[f] = v.trim();
			else if (v === undefined && guesses[f]) {
				used[f] = guesses[f]!.value;
				used.guessed = [...(used.guessed ?? []), f];
				problems.push({ file, column: f, value: guesses[f]!.value, problem: `${FIELD_LABEL[f]} not in any column: "${guesses[f]!.value}" is taken from ${guesses[f]!.from}. Change it under "Values for the whole file" (or --${f.replace('_', '-')} for npm run import) if it is wrong.`, blocking: false });
			}
		}
		wholeFile.push({ file, lacks, guesses, used });
		values[file] = used;
	}
	return { wholeFile, values, problems };
}

const FIELD_LABEL: Record<FileValueField, string> = { partnership: 'Partnership', review_type: 'Review type', region: 'Region', review: 'Review', published: 'Publication date' };

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

type Extras = Pick<Built, 'unknownStatuses' | 'unknownAgencies' | 'autoThemes' | 'autoCategories' | 'codedRecommendations' | 'tagger' | 'autoRecommendations' | 'statusWords' | 'readWords' | 'agencies' | 'mappings'>;
const NO_EXTRAS: Extras = { unknownStatuses: [], unknownAgencies: [], autoThemes: [], autoCategories: [], codedRecommendations: 0, tagger: null, autoRecommendations: [], statusWords: [], readWords: [], agencies: [], mappings: [] };

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

export function importSources(given: readonly Source[], options: ImportOptions = {}, readProblems: Problem[] = []): ImportResult {
	const sources = given.map((s) => {
		const rows = s.kind === 'report-text' ? options.reportEdits?.[sourceId(s)] : undefined;
		if (!rows) return s;
		const note: Problem = { file: s.file, problem: `The split of the recommendations was corrected on the page: ${rows.length} recommendation(s).`, blocking: false };
		return { ...s, rows, rowNumbers: rows.map((_, i) => i + 1), notes: [...s.notes, note] };
	});
	const files = [...new Set(sources.map((s) => s.file))];
	const label = files.join(', ') || 'no file';
	let tables: Tables;
	let problems: Problem[];
	let built: Extras = NO_EXTRAS;
	let metaBase: Omit<DatasetMeta, 'row_counts' | 'files'>;
	let kind: ImportResult['kind'] = 'tracker';
	let wholeFile: WholeFile[] = [];
	if (sources.length > 0 && isDhrd(sources)) {
		kind = 'dhrd';
		const d = convertDhrd(sources, options.asAt);
		tables = d.tables;
		problems = [...sources.flatMap((s) => s.notes), ...d.problems];
		metaBase = { ...d.meta, ...(options.name ? { name: options.name } : {}) };
	} else {
		const inputs = sources.map((source) => ({ source, mapping: options.mappings?.[sourceId(source)] ?? suggestMapping(source.headers) }));
		const whole = wholeFileValues(inputs, options.fileValues);
		wholeFile = whole.wholeFile;
		const b = sources.length > 0 ? buildTables(inputs satisfies SourceInput[], { ...options, fileValues: whole.values }) : null;
		tables = b?.tables ?? { reviews: [], review_factors: [], recommendations: [], recommendation_themes: [], recommendation_categories: [], actions: [] };
		problems = [...whole.problems, ...(b?.problems ?? [])];
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
		// A tagger refitted on this import's coded recommendations is kept with the dataset as how to remake it.
		...(built.tagger ? { tagger: { ...built.tagger, note: 'Kinds of change marked auto were tagged by the committed model refitted on the recommendations this dataset codes (refitModel); refitting on them again gives the same model.' } } : {}),
		row_counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, (tables[t] ?? []).length])) as Record<TableName, number>,
		files: Object.fromEntries(TABLE_NAMES.map((t) => [t, `${t}.arrows`])) as Record<TableName, string>
	};
	return { kind, tables, meta, problems, blocking: problems.some((p) => p.blocking) || sources.length === 0, ...built, wholeFile };
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
	return Object.fromEntries(SCHEMA.map((def) => [def.name, rowsToIPC(def, result.tables[def.name] ?? [])])) as Record<TableName, Uint8Array>;
}
