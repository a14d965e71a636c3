/**
 * The import library (issue 4): read trackers and the national DHRD from CSV, Excel, Parquet,
 * JSON or Arrow, map their columns to the data model, check them, and produce a dataset the app
 * loads with `loadDataset`. Plain TypeScript, the same in the browser and under Node.
 */
export { readFile, detectFormat } from './read';
export { MAX_FILE_BYTES, ImportError, type Cell, type Problem, type Source } from './types';
export { suggestMapping, mappingKey, mappedTables, TARGETS, type Mapping, type Target } from './mapping';
export { parseDate } from './dates';
export { STATUS_WORDS, statusOf, isPlaceholder } from './values';
export { agencyMatcher } from './agencies';
export { autoThemes, themeIdsOf } from './autotheme';
export { buildTables, type Tables, type Row } from './build';
export { checkTables } from './checks';
export { reportCsv, reportSummary } from './report';
export { convertDhrd, isDhrd, factorName, DHRD_CITATION, DHRD_LICENCE } from './dhrd';
export { importFiles, importSources, readFiles, datasetBuffers, sourceId, summaryOf, wholeFileValues, type ImportFile, type ImportOptions, type ImportResult, type ImportSummary, type WholeFile } from './importer';
export { ImportSession, summarise, type SourceSummary, type ReadProgress, type FileLike } from './session';
export type { StatusWordUse, ThemeEdit } from './build';
export type { OtherAgency } from './agencies';
export { loadImport, ImportBlockedError } from './load';
export { guessFileValues, partnershipIn, reviewIn, FILE_VALUE_FIELDS, type FileValues, type FileValueField, type Guess } from './file-values';
export { readOutcome, type Outcome } from './outcome';
