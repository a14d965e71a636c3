/** CSV (comma, semicolon or tab; UTF-8 with/without BOM or Windows-1252) -> Source. */
import Papa from 'papaparse';
import { decodeText, looksBinary } from './decode';
import { toSource } from './header';
import { ImportError, type Cell, type Problem, type Source } from './types';

export function readCsv(bytes: Uint8Array, file: string): Source {
	if (looksBinary(bytes)) throw new ImportError(`${file}: this is not a text (CSV) file.`, file);
	const { text, encoding } = decodeText(bytes);
	const notes: Problem[] = [];
	if (encoding === 'windows-1252')
		notes.push({ file, problem: 'The file is not UTF-8; it was read as Windows-1252 (Excel "CSV" on Windows). Check accented letters.', blocking: false });
	const parsed = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false });
	// An unclosed quote means the file was cut off or is malformed: the rest of the file would be
	// swallowed into one cell, so this blocks.
	const quote = parsed.errors.find((e) => e.type === 'Quotes');
	if (quote) throw new ImportError(`${file}: a quoted value is never closed (row ${(quote.row ?? 0) + 1}); the file looks truncated or malformed.`, file);
	const rows: Cell[][] = parsed.data.map((r) => r.map((c) => (c.trim() === '' ? null : c.trim())));
	return toSource({ file, rows, rowNumbers: rows.map((_, i) => i + 1), notes });
}
