/**
 * One entry point for every reader: bytes + file name -> Sources (one per table or sheet).
 * The format is chosen by the file's own bytes where they say it (zip, PDF, Parquet, Arrow magic;
 * a zip holding word/document.xml is a Word document), else by its extension; a text file that is
 * not a delimited table but holds numbered recommendations is report text. Anything unreadable
 * ends in an ImportError, never a hang.
 */
import { readCsv } from './csv';
import { decodeText, looksBinary } from './decode';
import { readDocx } from './docx';
import { looksLikeReportText, reportSource } from './report-text';
import { readArrow, readJson, readParquet } from './tables';
import { readXlsx } from './xlsx';
import { zipEntries } from './zip';
import { ImportError, MAX_FILE_BYTES, type Source } from './types';

const startsWith = (b: Uint8Array, s: string) => [...s].every((ch, i) => b[i] === ch.charCodeAt(0));
const extension = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';

export type Format = 'csv' | 'xlsx' | 'parquet' | 'arrow' | 'json' | 'docx' | 'pdf' | 'text';

/** A zip archive holding a Word document's main part (an .xlsx holds xl/workbook.xml instead). */
function isWordZip(bytes: Uint8Array, file: string): boolean {
	try {
		return zipEntries(bytes, file).some((e) => e.name === 'word/document.xml');
	} catch {
		return false; // a damaged zip: the workbook reader says what is wrong with it
	}
}

export function detectFormat(bytes: Uint8Array, file: string): Format {
	const ext = extension(file);
	if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
	if (ext === 'xls') throw new ImportError(`${file}: old Excel .xls files cannot be read; save it as .xlsx or CSV.`, file);
	if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
	if (ext === 'doc') throw new ImportError(`${file}: old Word .doc files cannot be read; save it as .docx (Word: File, Save As, Word Document).`, file);
	if (startsWith(bytes, '%PDF-') || ext === 'pdf') return 'pdf';
	if (startsWith(bytes, 'PAR1')) return 'parquet';
	if (startsWith(bytes, 'ARROW1')) return 'arrow';
	if (ext === 'parquet') return 'parquet';
	if (ext === 'arrow' || ext === 'arrows' || ext === 'ipc' || ext === 'feather') return 'arrow';
	if (ext === 'json') return 'json';
	if (startsWith(bytes, 'PK\x03\x04')) return isWordZip(bytes, file) ? 'docx' : 'xlsx';
	// Text pasted on /import comes as "….report.txt": always report text.
	if (/\.report\.txt$/i.test(file)) return 'text';
	// A .txt (or extension-less) file is report text when its content says so; .csv/.tsv are always tables.
	if (ext !== 'csv' && ext !== 'tsv' && !looksBinary(bytes) && looksLikeReportText(decodeText(bytes.subarray(0, 256 * 1024)).text)) return 'text';
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
		case 'docx':
			return readDocx(bytes, file);
		case 'pdf': {
			// pdf.js (about 1.8 MB) is loaded only when a PDF is read.
			const { readPdfText } = await import('./pdf');
			const { pages, text } = await readPdfText(bytes, file);
			const source = reportSource(file, text);
			source.notes.unshift({ file, problem: `Text read from the PDF's text layer (${pages.length} page${pages.length === 1 ? '' : 's'}); check the recommendations split from it.`, blocking: false });
			return [source];
		}
		case 'text': {
			const { text, encoding } = decodeText(bytes);
			const source = reportSource(file, text);
			if (encoding === 'windows-1252') source.notes.unshift({ file, problem: 'The file is not UTF-8; it was read as Windows-1252. Check accented letters and dashes.', blocking: false });
			return [source];
		}
		default:
			return [readCsv(bytes, file)];
	}
}
