/**
 * One entry point for every reader: bytes + file name -> Sources (one per table or sheet).
 * The format is chosen by the file's own bytes where they say it (zip, Parquet, Arrow magic),
 * else by its extension; anything unreadable ends in an ImportError, never a hang.
 */
import { readCsv } from './csv';
import { readArrow, readJson, readParquet } from './tables';
import { readXlsx } from './xlsx';
import { ImportError, MAX_FILE_BYTES, type Source } from './types';

const startsWith = (b: Uint8Array, s: string) => [...s].every((ch, i) => b[i] === ch.charCodeAt(0));
const extension = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';

export type Format = 'csv' | 'xlsx' | 'parquet' | 'arrow' | 'json';

export function detectFormat(bytes: Uint8Array, file: string): Format {
	const ext = extension(file);
	if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
	if (ext === 'xls') throw new ImportError(`${file}: old Excel .xls files cannot be read; save it as .xlsx or CSV.`, file);
	if (startsWith(bytes, 'PAR1')) return 'parquet';
	if (startsWith(bytes, 'ARROW1')) return 'arrow';
	if (ext === 'parquet') return 'parquet';
	if (ext === 'arrow' || ext === 'arrows' || ext === 'ipc' || ext === 'feather') return 'arrow';
	if (ext === 'json') return 'json';
	if (startsWith(bytes, 'PK\x03\x04')) return 'xlsx';
	return 'csv';
}

/** The refusal for a file over MAX_FILE_BYTES (checked from its size, before reading it), or null. */
export function sizeProblem(size: number, file: string): ImportError | null {
	if (size <= MAX_FILE_BYTES) return null;
	return new ImportError(`${file}: at ${(size / 1048576).toFixed(1)} MB it is larger than the ${MAX_FILE_BYTES / 1048576} MB an import can take; split the file.`, file);
}

export async function readFile(bytes: Uint8Array, file: string): Promise<Source[]> {
	const tooLarge = sizeProblem(bytes.length, file);
	if (tooLarge) throw tooLarge;
	if (bytes.length === 0) throw new ImportError(`${file}: the file is empty.`, file);
	switch (detectFormat(bytes, file)) {
		case 'xlsx':
			return readXlsx(bytes, file);
		case 'parquet':
			return [await readParquet(bytes, file)];
		case 'arrow':
			return [readArrow(bytes, file)];
		case 'json':
			return [readJson(bytes, file)];
		default:
			return [readCsv(bytes, file)];
	}
}
