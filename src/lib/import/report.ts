/** The import report as CSV, for the user to download and work through in a spreadsheet. */
import type { Problem } from './types';

const COLUMNS = ['file', 'sheet', 'row', 'column', 'value', 'problem', 'blocking'] as const;

function field(v: unknown): string {
	let s = v == null ? '' : String(v);
	// A value starting with = + - @ would run as a formula when the CSV is opened in Excel.
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function reportCsv(problems: readonly Problem[]): string {
	const lines = [COLUMNS.join(',')];
	for (const p of problems) lines.push(COLUMNS.map((c) => field(c === 'blocking' ? (p.blocking ? 'yes' : 'no') : p[c])).join(','));
	return lines.join('\r\n') + '\r\n';
}

/** "3 blocking problems, 12 warnings" and the blocking ones listed, for a terminal or a summary line. */
export function reportSummary(problems: readonly Problem[]): string {
	const blocking = problems.filter((p) => p.blocking);
	const head = `${blocking.length} blocking problem${blocking.length === 1 ? '' : 's'}, ${problems.length - blocking.length} warning${problems.length - blocking.length === 1 ? '' : 's'}`;
	const where = (p: Problem) => [p.file, p.sheet, p.row != null ? `row ${p.row}` : null, p.column].filter(Boolean).join(' · ');
	return [head, ...blocking.slice(0, 20).map((p) => `  BLOCKING ${where(p)}: ${p.problem}`), ...(blocking.length > 20 ? [`  … and ${blocking.length - 20} more`] : [])].join('\n');
}
