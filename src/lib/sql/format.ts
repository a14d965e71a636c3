/**
 * A console result as text: an aligned plain-text table (for the terminal), CSV (neutralised against
 * formulas by src/lib/export/csv.ts), JSON, and a Markdown table (for pasting into notes and issues).
 */
import type { Row, Value } from '../db/engine';
import { toCsv } from '../export/csv';

export type TextFormat = 'table' | 'csv' | 'json' | 'markdown';

const cell = (v: Value): string => (v == null ? '' : String(v));

export function formatResult(columns: readonly string[], rows: readonly Row[], format: TextFormat): string {
	switch (format) {
		case 'csv':
			return toCsv(columns, rows.map((r) => columns.map((c) => r[c])));
		case 'json':
			return JSON.stringify(rows, null, 2) + '\n';
		case 'markdown':
			return markdownTable(columns, rows);
		case 'table':
			return plainTable(columns, rows);
	}
}

/** Columns padded to their widest cell; numbers right-aligned; NULL shown as empty. */
export function plainTable(columns: readonly string[], rows: readonly Row[]): string {
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
	const line = (cells: string[], right: boolean[]) =>
		cells.map((s, i) => (right[i] ? s.padStart(widths[i]) : s.padEnd(widths[i]))).join('  ').trimEnd();
	const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] == null || typeof r[c] === 'number'));
	return [
		line([...columns], numeric),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...rows.map((r) => line(columns.map((c) => cell(r[c])), numeric)),
		`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`
	].join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table; pipes and line breaks in cells escaped. */
export function markdownTable(columns: readonly string[], rows: readonly Row[]): string {
	const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
	const line = (cells: string[]) => `| ${cells.map(esc).join(' | ')} |`;
	return [line([...columns]), `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n') + '\n';
}
