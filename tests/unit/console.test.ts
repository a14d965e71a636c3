/**
 * The SQL console's queries under Node on the demo data: the example queries run, the filtered_*
 * views follow the filters and as-at date (compared with scope() itself), the schema lists every
 * object, a refused statement runs nothing, errors carry their position, and the text formats.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import { loadDataset } from '$lib/db/dataset';
import { readDatasetDir } from '$lib/db/files';
import type { ConsoleConnection, Engine } from '$lib/db/engine';
import { emptyFilters, withValues } from '$lib/filters/filters';
import { scope } from '$lib/queries/scope';
import { openConsole, RefusedError, runScript, schemaListing, StatementError } from '$lib/sql/console';
import { EXAMPLES, initialSql } from '$lib/sql/examples';
import { errorExcerpt, errorPosition, errorSummary, normaliseError } from '$lib/sql/errors';
import { formatResult } from '$lib/sql/format';
import { addHistory, deleteSaved, HISTORY_MAX, loadHistory, loadSaved, saveQuery } from '$lib/sql/store';

const AS_AT = '2026-09-30';
let engine: Engine;
let conn: ConsoleConnection;
beforeAll(async () => {
	const ds = await readDatasetDir(path.resolve('static/data/demo'));
	engine = await openNodeEngine();
	await loadDataset(engine, ds.buffers, ds.meta.files);
	conn = await openConsole(engine);
});
afterAll(() => engine?.close());

const run = (sql: string, f = emptyFilters(), asAt = AS_AT) => runScript(conn, sql, f, asAt).result;

describe('the example queries', () => {
	it.each(EXAMPLES.map((e) => [e.title, e.sql]))('%s runs on the demo and returns rows', async (_t, sql) => {
		const r = await run(sql);
		expect(r.rows.length).toBeGreaterThan(0);
		expect(r.columns.length).toBeGreaterThan(1);
	});

	it('the console opens with a shared link\'s query, else the default, which runs on the demo', async () => {
		expect(initialSql('SELECT 1')).toBe('SELECT 1');
		const r = await run(initialSql(null));
		expect(r.columns.map((c) => c.name)).toEqual(['lead_agency', 'overdue_actions']);
		expect(r.rows.length).toBeGreaterThan(0);
	});
});

describe('the filtered views', () => {
	const cases = [
		['no filters', emptyFilters(), AS_AT],
		['police, 2020–2023', { ...withValues(emptyFilters(), 'sector', ['police']), from: 2020, to: 2023 }, AS_AT],
		['an earlier as-at date', emptyFilters(), '2022-06-30']
	] as const;
	it.each(cases)('hold what scope() gives: %s', async (_n, f, asAt) => {
		const s = scope(f, asAt);
		const [want] = await engine.query<{ v: number; r: number; a: number; o: number }>(
			`${s.with} SELECT (SELECT count(*) FROM f_reviews) AS v, (SELECT count(*) FROM f_recs) AS r,
			 (SELECT count(*) FROM f_actions) AS a, (SELECT count(*) FROM f_actions WHERE overdue) AS o`
		);
		const got = await run(
			`SELECT (SELECT count(*) FROM filtered_reviews) AS v, (SELECT count(*) FROM filtered_recommendations) AS r,
			 (SELECT count(*) FROM filtered_actions) AS a, (SELECT count(*) FROM filtered_actions WHERE overdue) AS o`,
			f,
			asAt
		);
		expect(got.rows[0]).toEqual(want);
		expect(want.v).toBeGreaterThan(0);
	});
});

describe('running a script', () => {
	it('runs several statements, temp objects included, and returns the last result', async () => {
		const r = await run('CREATE OR REPLACE TEMP TABLE mine AS SELECT * FROM filtered_actions WHERE overdue; SELECT count(*) AS n FROM mine');
		const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM action_facts(DATE '${AS_AT}') WHERE overdue`);
		expect(r.rows).toEqual([{ n }]);
		await run('DROP TABLE mine');
	});
	it('refuses DROP TABLE actions and runs nothing of the script', async () => {
		const before = await engine.query<{ n: number }>('SELECT count(*) AS n FROM actions');
		await expect(run('CREATE TEMP TABLE should_not_exist AS SELECT 1; DROP TABLE actions')).rejects.toBeInstanceOf(RefusedError);
		expect(await engine.query('SELECT count(*) AS n FROM actions')).toEqual(before);
		await expect(run('SELECT * FROM should_not_exist')).rejects.toBeInstanceOf(StatementError);
	});
	it('keeps at most maxRows rows and says so', async () => {
		const r = await runScript(conn, 'SELECT * FROM range(100000)', emptyFilters(), AS_AT, 1000).result;
		expect(r.rows.length).toBe(1000);
		expect(r.truncated).toBe(true);
		const all = await run('SELECT * FROM range(100000)');
		expect(all.rows.length).toBe(100000);
		expect(all.truncated).toBe(false);
	});
	it('reports an error with the line and column in the script', async () => {
		const sql = 'SELECT 1;\nSELECT *\nFORM actions';
		const e = (await run(sql).catch((x) => x)) as StatementError;
		expect(e).toBeInstanceOf(StatementError);
		const pos = errorPosition(e.message, sql, e.statementStart);
		expect(pos?.line).toBe(3);
		expect(errorSummary(e.message)).toMatch(/^Parser Error: syntax error/);
		expect(errorExcerpt(e.message)).toContain('^');
	});
});

describe('errorPosition', () => {
	const msg = 'Binder Error: Referenced column "nope" not found\n\nLINE 1: SELECT nope FROM actions\n               ^';
	it.each([
		['the first statement', 'SELECT nope FROM actions', 0, { line: 1, column: 8 }],
		['a statement after another on the same line', 'SELECT 1; SELECT nope FROM actions', 10, { line: 1, column: 18 }],
		['a statement on line 3', 'SELECT 1;\n\nSELECT nope FROM actions', 11, { line: 3, column: 8 }]
	] as const)('%s', (_n, script, at, want) => {
		expect(errorPosition(msg, script, at)).toEqual(want);
	});
	it('is null without a LINE', () => expect(errorPosition('Out of Memory Error: failed')).toBeNull());
});

describe('the schema listing', () => {
	it('lists the six tables, the filtered views and the macros with their row counts', async () => {
		await run('SELECT 1'); // creates the filtered views
		const s = await schemaListing(conn);
		const byName = new Map(s.map((o) => [o.name, o]));
		for (const t of ['reviews', 'review_factors', 'recommendations', 'recommendation_themes', 'recommendation_categories', 'actions']) {
			const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
			expect(byName.get(t)).toMatchObject({ kind: 'table', rows: n });
		}
		expect(byName.get('filtered_actions')).toMatchObject({ kind: 'view', temporary: true });
		expect(byName.get('filtered_reviews')!.columns.map((c) => c.name)).toContain('year');
		expect(byName.get('action_facts')?.kind).toBe('macro');
		expect(byName.get('reviews')!.columns[0]).toEqual({ name: 'review_id', type: 'VARCHAR' });
	});
});

describe('formatResult', () => {
	const rows = [
		{ a: 1, b: '=cmd|x' },
		{ a: null, b: 'two\nlines' }
	];
	it.each([
		['csv', 'a,b\r\n1,\'=cmd|x\r\n,"two\nlines"\r\n'],
		['json', JSON.stringify(rows, null, 2) + '\n'],
		['markdown', '| a | b |\n| --- | --- |\n| 1 | =cmd\\|x |\n|  | two<br>lines |\n'],
		['table', 'a  b\n-  ---------\n1  =cmd|x\n   two\nlines\n(2 rows)\n']
	] as const)('%s', (format, want) => {
		expect(formatResult(['a', 'b'], rows, format)).toBe(want);
	});
});

describe('normaliseError', () => {
	it.each([
		['{"exception_type":"Parser","exception_message":"syntax error\\n\\nLINE 1: x","position":"3"}', 'Parser Error: syntax error\n\nLINE 1: x'],
		['Binder Error: no', 'Binder Error: no'],
		['{not json', '{not json']
	])('%s', (input, want) => expect(normaliseError(input)).toBe(want));
});

describe('history and saved queries (localStorage)', () => {
	const memory = (): Storage => {
		const m = new Map<string, string>();
		return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, length: 0 } as Storage;
	};
	it('keeps the newest first, moves a re-run to the top, and caps the list', () => {
		const s = memory();
		addHistory(s, { sql: 'a', at: '2026-01-01T00:00:00Z', rows: 1, ok: true });
		addHistory(s, { sql: 'b', at: '2026-01-01T00:00:01Z', rows: 2, ok: true });
		expect(addHistory(s, { sql: 'a', at: '2026-01-01T00:00:02Z', rows: 1, ok: true }).map((h) => h.sql)).toEqual(['a', 'b']);
		for (let i = 0; i < HISTORY_MAX + 5; i++) addHistory(s, { sql: `q${i}`, at: '', rows: 0, ok: true });
		expect(loadHistory(s)).toHaveLength(HISTORY_MAX);
	});
	it('saves by name (replacing), sorted, and deletes', () => {
		const s = memory();
		saveQuery(s, { name: 'zeta', sql: '1' });
		saveQuery(s, { name: 'alpha', sql: '2' });
		expect(saveQuery(s, { name: 'zeta', sql: '3' })).toEqual([{ name: 'alpha', sql: '2' }, { name: 'zeta', sql: '3' }]);
		expect(deleteSaved(s, 'alpha')).toEqual([{ name: 'zeta', sql: '3' }]);
	});
	it('reads nothing from a broken or missing store', () => {
		const s = memory();
		s.setItem('dhr.sql.history', '{oops');
		expect(loadHistory(s)).toEqual([]);
		expect(loadSaved(undefined)).toEqual([]);
	});
});

describe('errorExcerpt', () => {
	const msg = 'Parser Error: x\n\nLINE 2: FORM actions\n             ^';
	it.each([
		[undefined, 'LINE 2: FORM actions\n             ^'],
		[3, 'LINE 3: FORM actions\n             ^'],
		[12, 'LINE 12: FORM actions\n              ^']
	])('line %s', (line, want) => expect(errorExcerpt(msg, line)).toBe(want));
});
