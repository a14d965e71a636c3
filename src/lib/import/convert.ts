/**
 * One cell -> the value of its model column, with the problem to report when it cannot be used.
 * Placeholder words ("TBC", "ongoing", "N/A") in optional columns become empty with a warning;
 * status words that the vocabulary does not know block, and are returned so the user can map them.
 */
import { SCHEMA, type ColumnDef, type ColumnType } from '../model/schema';
import type { Status } from '../model/vocab';
import { parseDate } from './dates';
import { booleanOf, dottedNumberOf, integerOf, isPlaceholder, isProgressNote, statusReading, VOCAB } from './values';
import type { Cell } from './types';

const COLUMN = new Map<string, ColumnDef>(SCHEMA.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c] as const)));

export function columnType(target: string): ColumnType {
	return COLUMN.get(target)?.type ?? 'VARCHAR';
}

export interface Converted {
	value: string | number | boolean | null;
	problem?: string;
	blocking?: boolean;
	/** A status word the vocabulary does not know. */
	unknownStatus?: string;
}

/** A cell's text cut to 80 characters for a report line. */
const short = (cell: Cell) => {
	const t = String(cell).trim();
	return t.length > 80 ? `${t.slice(0, 79)}…` : t;
};

export function convertCell(target: string, cell: Cell, statusWords: Record<string, Status> = {}): Converted {
	if (cell === null) return { value: null };
	if (target === 'actions.status') {
		const s = statusReading(cell, statusWords);
		if (s?.whole) return { value: s.status };
		if (s) return { value: s.status, problem: `Status "${short(cell)}" read as ${s.status} from its first words ("${s.phrase}").` };
		// A progress note in the status column: the builder reads the status from the other cells and says so.
		if (isProgressNote(cell, statusWords)) return { value: null };
		return { value: null, unknownStatus: String(cell), blocking: true, problem: `Status "${cell}" is not a known status word; map it to not started, in progress, completed or not accepted.` };
	}
	const required = COLUMN.get(target)?.required ?? false;
	if (!required && isPlaceholder(cell)) return { value: null, problem: `"${cell}" is a placeholder, not a value: left empty.` };
	switch (columnType(target)) {
		case 'DATE': {
			// "Completed Y/N": a yes/no done flag in the completion column, read by the builder (build.ts).
			if (target === 'actions.completed_date' && typeof cell === 'string' && booleanOf(cell) !== null) return { value: null };
			// Target dates given as a month or quarter run to the end of it (see dates.ts).
			const r = parseDate(cell, target === 'actions.target_date' ? 'last' : 'first');
			if (r.error) return { value: null, problem: `"${cell}" is not a date (${r.error}): left empty.` };
			// A review's year of publication is what the charts count it under: kept, as 1 January, and said.
			if (r.precision === 'year' && target === 'reviews.published_date')
				return { value: r.iso, problem: `"${cell}" gives only a year: stored as ${r.iso}; only its year is used by the charts.` };
			if (r.precision === 'year' && target !== 'actions.target_date')
				return { value: null, problem: `"${cell}" gives only a year: left empty rather than invent a month.` };
			return { value: r.iso };
		}
		case 'INTEGER': {
			const dotted = target === 'recommendations.rec_number' ? dottedNumberOf(cell) : null;
			// "1.1", "1.2": actions of recommendation 1 (action-level numbering): the builder reports it once per sheet.
			if (dotted) return { value: dotted.number };
			const n = integerOf(cell);
			return n === null ? { value: null, problem: `"${cell}" is not a whole number: left empty.` } : { value: n };
		}
		case 'BOOLEAN': {
			const b = booleanOf(cell);
			return b === null ? { value: null, problem: `"${cell}" is not yes/no: left empty.` } : { value: b };
		}
		default: {
			const text = String(cell).trim();
			const vocab = VOCAB[target];
			if (!vocab) return { value: text };
			const code = vocab(text);
			if (code !== null) return { value: code };
			return { value: null, problem: `"${cell}" is not in the vocabulary of ${target.split('.')[1]}: left empty.` };
		}
	}
}
