/**
 * Where in the query an engine error points. DuckDB's parser and binder messages end with
 *   LINE 2: SELECT * FORM actions
 *                    ^
 * i.e. the line (1-based, of the statement that failed) and a caret under the column. The caret line
 * is indented by the width of the "LINE n: " prefix.
 */
export interface ErrorPosition {
	/** 1-based line in the whole script. */
	line: number;
	/** 1-based column, when a caret was given. */
	column: number | null;
}

/** The position an error message gives, in a statement that starts at `statementStart` of `script`. */
export function errorPosition(message: string, script = '', statementStart = 0): ErrorPosition | null {
	const lines = message.split('\n');
	const k = lines.findIndex((l) => /^LINE \d+:/.test(l));
	if (k < 0) return null;
	const m = /^(LINE (\d+): )/.exec(lines[k])!;
	const lineInStatement = Number(m[2]);
	const caret = lines[k + 1]?.indexOf('^') ?? -1;
	// DuckDB shows a window of a long line with "..." before it: then the column cannot be trusted.
	const shown = lines[k].slice(m[1].length);
	const column = caret >= m[1].length && !shown.startsWith('...') ? caret - m[1].length + 1 : null;
	const before = script.slice(0, statementStart).split('\n').length - 1;
	// The statement's own first line may start mid-line in the script.
	const lineStart = script.lastIndexOf('\n', statementStart - 1) + 1;
	const shift = lineInStatement === 1 ? statementStart - lineStart : 0;
	return { line: before + lineInStatement, column: column == null ? null : column + shift };
}

/** The message without the LINE/caret lines (they are shown separately, in a monospace block). */
export function errorSummary(message: string): string {
	const k = message.split('\n').findIndex((l) => /^LINE \d+:/.test(l));
	return (k < 0 ? message : message.split('\n').slice(0, k).join('\n')).trim();
}

/**
 * The LINE/caret lines of the message, or null. With `line`, the statement's line number is replaced
 * by the script's (and the caret moved to stay under its character).
 */
export function errorExcerpt(message: string, line?: number): string | null {
	const lines = message.split('\n');
	const k = lines.findIndex((l) => /^LINE \d+:/.test(l));
	if (k < 0) return null;
	const [text, caret = ''] = lines.slice(k, k + 2);
	if (line == null) return caret ? `${text}\n${caret}` : text;
	const old = /^LINE \d+: /.exec(text)![0];
	const prefix = `LINE ${line}: `;
	const shift = prefix.length - old.length;
	const moved = caret.includes('^') ? (shift >= 0 ? ' '.repeat(shift) + caret : caret.slice(-shift)) : caret;
	return [prefix + text.slice(old.length), moved].filter(Boolean).join('\n');
}

/**
 * The engine's message in DuckDB's usual words. A streamed query (`send` in the browser) reports its
 * error as JSON, {"exception_type":"Parser","exception_message":"…"}; it becomes "Parser Error: …",
 * as a plain query would say.
 */
export function normaliseError(message: string): string {
	const t = message.trim();
	if (!t.startsWith('{')) return message;
	try {
		const j = JSON.parse(t) as { exception_type?: string; exception_message?: string };
		if (typeof j.exception_message !== 'string') return message;
		return j.exception_type ? `${j.exception_type} Error: ${j.exception_message}` : j.exception_message;
	} catch {
		return message;
	}
}
