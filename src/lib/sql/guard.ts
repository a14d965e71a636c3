/**
 * The statement guard of the SQL console: decides, before anything runs, whether a script may run.
 *
 * The console must not change or destroy the loaded dataset, nor reach outside the page (files, URLs,
 * extensions, settings). What is refused:
 *   - altering, dropping or writing to the base tables, the derived macros, the filtered_* views and
 *     the scope tables (db/derived `_scope_*`);
 *   - ATTACH/DETACH, COPY, INSTALL/LOAD, EXPORT/IMPORT DATABASE, SET/RESET, PRAGMAs that are not
 *     read-only, CALL, USE, transactions, CHECKPOINT/VACUUM, CREATE of anything but a temporary
 *     table or view (so no SECRET, MACRO, SCHEMA, persistent TABLE);
 *   - functions that read files or URLs (read_csv, read_parquet, glob, …) and a string used as a
 *     table (`FROM 'file.csv'`, DuckDB's replacement scan).
 * What is allowed: queries (SELECT, WITH, FROM-first, VALUES, PIVOT, DESCRIBE, SHOW, SUMMARIZE,
 * EXPLAIN of an allowed statement) and temporary tables and views of the user's own, with
 * INSERT/UPDATE/DELETE/ALTER/DROP on them.
 *
 * It works on tokens, not on text: comments are dropped and string literals and quoted identifiers
 * are single tokens, so neither can hide or fake a keyword. Several statements separated by `;` are
 * each checked; one refusal refuses the script (nothing runs).
 */
import { TABLE_NAMES } from '../model/schema';
import { SCOPE_RELATIONS } from '../db/derived';

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct';
export interface Token {
	kind: TokenKind;
	/** Words lower-cased; quoted identifiers unquoted; strings without quotes. */
	text: string;
	/** Offset of the token's first character in the SQL. */
	at: number;
}

/** The derived-fact macros (src/lib/db/derived.ts). */
export const PROTECTED_MACROS = [
	'status_at', 'is_closed', 'is_overdue', 'days_overdue', 'completed_on_time', 'review_year',
	'action_facts', 'recommendation_facts'
] as const;
/** The views the console rebuilds before each run from the dashboard's filters. */
export const FILTERED_VIEWS = ['filtered_reviews', 'filtered_recommendations', 'filtered_actions'] as const;
const PROTECTED = new Set<string>([...TABLE_NAMES, ...PROTECTED_MACROS, ...FILTERED_VIEWS, ...SCOPE_RELATIONS]);

/** Table functions and scalar functions that read files or URLs, or the environment. */
const OUTSIDE_FUNCTIONS = new Set([
	'read_csv', 'read_csv_auto', 'read_parquet', 'parquet_scan', 'read_json', 'read_json_auto',
	'read_json_objects', 'read_json_objects_auto', 'read_ndjson', 'read_ndjson_auto', 'read_ndjson_objects',
	'read_text', 'read_blob', 'csv_scan', 'glob', 'parquet_metadata', 'parquet_schema', 'parquet_file_metadata',
	'parquet_kv_metadata', 'parquet_bloom_probe', 'sniff_csv', 'iceberg_scan', 'iceberg_metadata',
	'iceberg_snapshots', 'delta_scan', 'sqlite_scan', 'sqlite_attach', 'postgres_scan', 'postgres_attach',
	'mysql_scan', 'read_xlsx', 'st_read', 'getenv', 'query', 'query_table', 'load_aws_credentials'
]);
/** PRAGMAs that only read. */
const READ_PRAGMAS = new Set([
	'table_info', 'show_tables', 'show_tables_expanded', 'show', 'database_size', 'database_list',
	'version', 'functions', 'platform', 'storage_info', 'metadata_info', 'collations', 'user_agent'
]);
const QUERY_VERBS = new Set(['select', 'from', 'values', 'table', 'pivot', 'unpivot', 'describe', 'show', 'summarize']);

/** The outcome for a whole script. */
export type Verdict = { ok: true; statements: number } | { ok: false; message: string; statement: number };

/** Split SQL into tokens; comments are dropped. An unterminated string or comment runs to the end. */
export function tokenize(sql: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	const n = sql.length;
	while (i < n) {
		const c = sql[i];
		const at = i;
		if (/\s/.test(c)) { i++; continue; }
		if (c === '-' && sql[i + 1] === '-') {
			while (i < n && sql[i] !== '\n') i++;
			continue;
		}
		if (c === '/' && sql[i + 1] === '*') {
			const end = sql.indexOf('*/', i + 2);
			i = end < 0 ? n : end + 2;
			continue;
		}
		if (c === "'" || c === '"') {
			// '' or "" inside doubles the quote; no backslash escapes (E'' strings are handled as a word then a string).
			let j = i + 1;
			let text = '';
			while (j < n) {
				if (sql[j] === c) {
					if (sql[j + 1] === c) { text += c; j += 2; continue; }
					break;
				}
				text += sql[j++];
			}
			out.push({ at, kind: c === "'" ? 'string' : 'ident', text: c === '"' ? text.toLowerCase() : text });
			i = j + 1;
			continue;
		}
		if (c === '$') {
			// Dollar-quoted string: $tag$ … $tag$.
			const m = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i));
			if (m) {
				const end = sql.indexOf(m[0], i + m[0].length);
				const stop = end < 0 ? n : end;
				out.push({ at, kind: 'string', text: sql.slice(i + m[0].length, stop) });
				i = end < 0 ? n : end + m[0].length;
				continue;
			}
		}
		const word = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(sql.slice(i, i + 256));
		if (word) {
			out.push({ at, kind: 'word', text: word[0].toLowerCase() });
			i += word[0].length;
			continue;
		}
		const num = /^\d[\w.]*/.exec(sql.slice(i, i + 64));
		if (num) {
			out.push({ at, kind: 'number', text: num[0] });
			i += num[0].length;
			continue;
		}
		out.push({ at, kind: 'punct', text: c });
		i++;
	}
	return out;
}

/** Statements as token lists, split on `;` (empty statements dropped). */
export function splitStatements(tokens: Token[]): Token[][] {
	const out: Token[][] = [[]];
	for (const t of tokens) {
		if (t.kind === 'punct' && t.text === ';') out.push([]);
		else out[out.length - 1].push(t);
	}
	return out.filter((s) => s.length > 0);
}

/** The text of each statement of a script (without its `;`), with its offset in the script. */
export function statementTexts(sql: string): { text: string; at: number }[] {
	const tokens = tokenize(sql);
	const out: { text: string; at: number }[] = [];
	let first: number | null = null;
	const flush = (end: number) => {
		if (first !== null) out.push({ text: sql.slice(first, end).trim(), at: first });
		first = null;
	};
	for (const t of tokens) {
		if (t.kind === 'punct' && t.text === ';') {
			flush(t.at);
		} else if (first === null) first = t.at;
	}
	flush(sql.length);
	return out;
}

/** Check a whole script. */
export function guard(sql: string): Verdict {
	const statements = splitStatements(tokenize(sql));
	if (statements.length === 0) return { ok: false, message: 'There is no statement to run.', statement: 0 };
	for (let i = 0; i < statements.length; i++) {
		const why = checkStatement(statements[i]);
		if (why) {
			const where = statements.length > 1 ? ` (statement ${i + 1} of ${statements.length})` : '';
			return { ok: false, message: `Refused${where}: ${why}`, statement: i + 1 };
		}
	}
	return { ok: true, statements: statements.length };
}

const isWord = (t: Token | undefined, ...w: string[]) => t?.kind === 'word' && w.includes(t.text);
const isPunct = (t: Token | undefined, p: string) => t?.kind === 'punct' && t.text === p;
const verbOf = (s: Token[]) => s.slice(0, 3).filter((t) => t.kind === 'word').map((t) => t.text.toUpperCase()).join(' ');

/** Why a statement is refused, or null when it may run. */
function checkStatement(s: Token[]): string | null {
	const outside = reachesOutside(s);
	if (outside) return outside;
	const first = s[0];
	if (first.kind !== 'word') {
		// `(SELECT …) UNION …` and the like.
		return isPunct(first, '(') ? checkMain(s, mainVerbIndex(s, 0)) : 'this is not a statement the console runs.';
	}
	switch (first.text) {
		case 'with':
			return checkMain(s, mainVerbIndex(s, 1));
		case 'explain': {
			let k = 1;
			if (isWord(s[k], 'analyze', 'analyse')) k++;
			return s.length > k ? checkStatement(s.slice(k)) : null;
		}
		case 'describe':
		case 'summarize':
		case 'show':
			return s.length > 1 && isWord(s[1], 'select', 'with', 'from', 'values', 'table') ? checkStatement(s.slice(1)) : null;
		case 'create':
			return checkCreate(s);
		case 'drop':
			return checkDrop(s);
		case 'insert':
		case 'update':
		case 'delete':
		case 'truncate':
		case 'alter':
		case 'merge':
		case 'comment':
			return checkWrite(s, 0);
		case 'pragma': {
			const name = s[1]?.text ?? '';
			if (READ_PRAGMAS.has(name) && !s.some((t) => isPunct(t, '='))) return null;
			return `PRAGMA ${name} changes the engine's settings or state; only read-only PRAGMAs (such as table_info) run here.`;
		}
		case 'attach':
		case 'detach':
			return `${first.text.toUpperCase()} would connect or disconnect another database; the console works on the loaded dataset only.`;
		case 'copy':
			return 'COPY reads or writes files; use the Export buttons under the result instead.';
		case 'install':
		case 'load':
		case 'force':
			return `${verbOf(s)} would fetch or load an extension; the app never loads code from outside.`;
		case 'export':
		case 'import':
			return `${verbOf(s)} reads or writes files; use the Export buttons under the result instead.`;
		case 'set':
		case 'reset':
			return `${verbOf(s)} changes the engine's settings, which the whole app shares.`;
		case 'call':
			return 'CALL runs a procedure that may read files or change settings; query table functions with SELECT * FROM … instead.';
		case 'use':
			return 'USE changes the default database or schema, which the whole app shares.';
		case 'begin':
		case 'start':
		case 'commit':
		case 'end':
		case 'rollback':
		case 'abort':
		case 'savepoint':
		case 'release':
			return `${verbOf(s)}: transactions are not available in the console (an open transaction would hold up the dashboard).`;
		default:
			if (QUERY_VERBS.has(first.text)) return null;
			return `${first.text.toUpperCase()} is not a statement the console runs.`;
	}
}

/** Index of the main verb of a statement after WITH …: the first word at depth 0 outside the CTEs. */
function mainVerbIndex(s: Token[], start: number): number {
	let depth = 0;
	for (let k = start; k < s.length; k++) {
		const t = s[k];
		if (isPunct(t, '(')) depth++;
		else if (isPunct(t, ')')) depth--;
		else if (depth === 0 && t.kind === 'word' && (QUERY_VERBS.has(t.text) || ['insert', 'update', 'delete', 'merge'].includes(t.text))) return k;
	}
	return -1;
}

function checkMain(s: Token[], k: number): string | null {
	if (k < 0) return null; // a bare query (or an error DuckDB will report)
	if (QUERY_VERBS.has(s[k].text)) return null;
	return checkWrite(s, k);
}

/** Name of the object after position k: `[schema.]name`, the last part, lower-cased. */
function nameAt(s: Token[], k: number): string | null {
	let name: string | null = null;
	while (k < s.length && (s[k].kind === 'word' || s[k].kind === 'ident')) {
		name = s[k].text;
		if (isPunct(s[k + 1], '.')) k += 2;
		else break;
	}
	return name;
}

function protectedMessage(verb: string, name: string): string {
	const what = (TABLE_NAMES as readonly string[]).includes(name)
		? 'a table of the loaded dataset'
		: (FILTERED_VIEWS as readonly string[]).includes(name)
			? 'a view the console keeps in step with the dashboard filters'
			: SCOPE_RELATIONS.includes(name)
				? 'one of the scope tables every view of the dashboard reads'
				: 'a derived-fact macro the dashboard relies on';
	return `${verb} ${name}: ${name} is ${what}, which the console must not change. Create a temporary table of your own instead (CREATE TEMP TABLE my_${name} AS SELECT …).`;
}

/** INSERT INTO t / UPDATE t / DELETE FROM t / TRUNCATE [TABLE] t / ALTER TABLE t / MERGE INTO t / COMMENT ON … t. */
function checkWrite(s: Token[], k: number): string | null {
	const verb = s[k].text;
	if (verb === 'comment') return 'COMMENT ON changes the catalog, which the whole app shares.';
	let j = k + 1;
	while (isWord(s[j], 'into', 'from', 'table', 'view', 'only', 'or', 'replace', 'ignore', 'if', 'exists')) j++;
	const name = nameAt(s, j);
	if (!name) return `${verb.toUpperCase()} without a table name is not something the console can check.`;
	if (PROTECTED.has(name)) return protectedMessage(verb.toUpperCase(), name);
	if (verb === 'alter' && !isWord(s[k + 1], 'table', 'view')) return `ALTER ${s[k + 1]?.text.toUpperCase() ?? ''} is not allowed; only your own temporary tables and views can be altered.`;
	return null;
}

/** CREATE [OR REPLACE] TEMP|TEMPORARY TABLE|VIEW [IF NOT EXISTS] name … */
function checkCreate(s: Token[]): string | null {
	let j = 1;
	if (isWord(s[j], 'or') && isWord(s[j + 1], 'replace')) j += 2;
	const temp = isWord(s[j], 'temp', 'temporary');
	if (temp) j++;
	const kind = s[j]?.text ?? '';
	if (!temp || !['table', 'view'].includes(kind)) {
		const what = s.slice(1, j + 1).map((t) => t.text.toUpperCase()).join(' ');
		return `CREATE ${what}: only temporary tables and views can be created here (CREATE TEMP TABLE … or CREATE TEMP VIEW …); they last until the page is reloaded.`;
	}
	j++;
	if (isWord(s[j], 'if') && isWord(s[j + 1], 'not') && isWord(s[j + 2], 'exists')) j += 3;
	const name = nameAt(s, j);
	if (name && PROTECTED.has(name)) {
		return `CREATE TEMP ${kind.toUpperCase()} ${name}: it would hide ${name}, which the dashboard relies on. Choose another name.`;
	}
	return null;
}

/** DROP TABLE|VIEW [IF EXISTS] a, b … — any other DROP (macro, schema, secret…) is refused. */
function checkDrop(s: Token[]): string | null {
	const kind = s[1]?.text ?? '';
	if (!isWord(s[1], 'table', 'view')) return `DROP ${kind.toUpperCase()} is not allowed; only your own temporary tables and views can be dropped.`;
	let j = 2;
	if (isWord(s[j], 'if') && isWord(s[j + 1], 'exists')) j += 2;
	for (;;) {
		const name = nameAt(s, j);
		if (!name) break;
		if (PROTECTED.has(name)) return protectedMessage(`DROP ${kind.toUpperCase()}`, name);
		while (j < s.length && !isPunct(s[j], ',')) j++;
		if (j >= s.length) break;
		j++;
	}
	return null;
}

const CLAUSES = new Set(['select', 'from', 'join', 'where', 'group', 'having', 'order', 'limit', 'on', 'using', 'values', 'window', 'qualify', 'union', 'except', 'intersect', 'set', 'as']);

/** A file or URL read anywhere in the statement: a file function, or a string used as a table. */
function reachesOutside(s: Token[]): string | null {
	// The clause word in force at each parenthesis depth, to see `FROM a, 'file.csv'`.
	const clause: string[] = [''];
	for (let k = 0; k < s.length; k++) {
		const t = s[k];
		if (t.kind === 'word' && OUTSIDE_FUNCTIONS.has(t.text) && isPunct(s[k + 1], '(')) {
			return `${t.text}() reads files, URLs or the environment; the console works on the loaded dataset only.`;
		}
		if (isPunct(t, '(')) clause.push('');
		else if (isPunct(t, ')')) { if (clause.length > 1) clause.pop(); }
		else if (t.kind === 'word' && CLAUSES.has(t.text)) clause[clause.length - 1] = t.text;
		else if (t.kind === 'string') {
			const prev = s[k - 1];
			const inFrom = ['from', 'join'].includes(clause[clause.length - 1]);
			if (isWord(prev, 'from', 'join') || (inFrom && isPunct(prev, ','))) {
				return `FROM '${t.text}' would read a file or URL; the console works on the loaded dataset only.`;
			}
		}
	}
	return null;
}
