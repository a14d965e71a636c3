/** The SQL console's statement guard: what is refused and what is allowed, table-driven. */
import { describe, expect, it } from 'vitest';
import { guard, statementTexts } from '$lib/sql/guard';

const refused: [string, string][] = [
	['DROP TABLE actions', 'actions is a table of the loaded dataset'],
	['DELETE FROM _scope_actions_t', '_scope_actions_t is one of the scope tables every view of the dashboard reads'],
	['DROP VIEW _scope_recs', '_scope_recs is one of the scope tables'],
	['UPDATE _scope_rec_themes_t SET theme = NULL', '_scope_rec_themes_t is one of the scope tables'],
	['drop table if exists main.actions', 'actions'],
	['DROP TABLE mine, reviews', 'reviews'],
	['DROP VIEW filtered_actions', 'filtered_actions'],
	['DROP MACRO action_facts', 'DROP MACRO'],
	['DROP SCHEMA main CASCADE', 'DROP SCHEMA'],
	['DELETE FROM recommendations', 'recommendations'],
	['UPDATE actions SET status = \'completed\'', 'actions'],
	['INSERT INTO reviews SELECT * FROM reviews', 'reviews'],
	['INSERT OR REPLACE INTO "Actions" VALUES (1)', 'actions'],
	['TRUNCATE review_factors', 'review_factors'],
	['ALTER TABLE recommendation_themes ADD COLUMN x INT', 'recommendation_themes'],
	["UPDATE recommendation_categories SET source = 'coded'", 'recommendation_categories'],
	['DROP VIEW _scope_rec_categories', '_scope_rec_categories'],
	['ALTER TABLE actions RENAME TO old_actions', 'actions'],
	['WITH x AS (SELECT 1) DELETE FROM actions', 'actions'],
	['CREATE TABLE t AS SELECT 1', 'only temporary tables and views'],
	['CREATE OR REPLACE MACRO is_closed(s) AS true', 'only temporary'],
	['CREATE TEMP MACRO m() AS 1', 'only temporary'],
	['CREATE TEMP TABLE actions AS SELECT 1', 'hide actions'],
	['CREATE OR REPLACE TEMP VIEW action_facts AS SELECT 1', 'hide action_facts'],
	['CREATE SECRET s (TYPE s3)', 'only temporary'],
	['CREATE SCHEMA s', 'only temporary'],
	["ATTACH 'x.db' AS x", 'ATTACH'],
	['DETACH x', 'DETACH'],
	["COPY actions TO 'out.csv'", 'COPY'],
	['INSTALL httpfs', 'extension'],
	['LOAD httpfs', 'extension'],
	['FORCE INSTALL httpfs', 'extension'],
	["EXPORT DATABASE 'dir'", 'EXPORT DATABASE'],
	["IMPORT DATABASE 'dir'", 'IMPORT DATABASE'],
	['SET memory_limit = \'10GB\'', 'settings'],
	['SET autoload_known_extensions = true', 'settings'],
	['RESET memory_limit', 'settings'],
	['PRAGMA enable_profiling', 'PRAGMA enable_profiling'],
	["PRAGMA memory_limit = '1GB'", 'PRAGMA'],
	['CALL enable_logging()', 'CALL'],
	['USE other', 'USE'],
	['BEGIN TRANSACTION', 'transactions'],
	["SELECT * FROM read_csv('https://example.org/a.csv')", 'read_csv()'],
	["SELECT * FROM read_parquet(['a.parquet'])", 'read_parquet()'],
	["select * from READ_JSON_AUTO('x.json')", 'read_json_auto()'],
	["SELECT * FROM glob('*')", 'glob()'],
	["SELECT getenv('HOME')", 'getenv()'],
	["SELECT * FROM 'https://example.org/x.parquet'", "FROM 'https://example.org/x.parquet'"],
	["SELECT * FROM actions JOIN 'x.csv' USING (action_id)", "FROM 'x.csv'"],
	["SELECT * FROM actions, 'x.csv'", "FROM 'x.csv'"],
	["FROM 'data.csv'", "FROM 'data.csv'"],
	["CREATE TEMP TABLE t AS SELECT * FROM read_csv('x')", 'read_csv()'],
	['EXPLAIN ANALYZE DROP TABLE actions', 'actions'],
	// Several statements: one refusal refuses the script, and says which.
	['SELECT 1; DROP TABLE actions', 'statement 2 of 2'],
	// Comments and strings must not hide a statement...
	['/* harmless */ DROP TABLE actions', 'actions'],
	["-- SELECT\nDROP TABLE actions", 'actions'],
	["SELECT 'a;b'; DROP TABLE actions", 'statement 2 of 2'],
	['SELECT 1 /* ; */ ; DROP TABLE actions -- ;', 'statement 2 of 2'],
	['VACUUM', 'VACUUM'],
	['CHECKPOINT', 'CHECKPOINT']
];

const allowed: string[] = [
	'SELECT * FROM actions',
	'select count(*) from filtered_actions where overdue',
	'FROM reviews LIMIT 5',
	'WITH x AS (SELECT * FROM actions) SELECT count(*) FROM x',
	'WITH x AS MATERIALIZED (SELECT 1) FROM x',
	"SELECT * FROM action_facts(DATE '2026-09-30')",
	'DESCRIBE actions',
	'SUMMARIZE reviews',
	'SHOW TABLES',
	'EXPLAIN SELECT 1',
	"PRAGMA table_info('actions')",
	'VALUES (1, 2)',
	'(SELECT 1) UNION ALL (SELECT 2)',
	'CREATE TEMP TABLE mine AS SELECT * FROM actions WHERE overdue',
	'CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 1',
	'CREATE TEMP TABLE IF NOT EXISTS t2 (a INT)',
	'INSERT INTO mine SELECT * FROM actions',
	'UPDATE mine SET status = NULL',
	'DELETE FROM mine',
	'DROP TABLE mine',
	'DROP VIEW IF EXISTS v, w',
	'ALTER TABLE mine ADD COLUMN note VARCHAR',
	// Keywords inside strings, comments and quoted identifiers are not statements.
	"SELECT 'DROP TABLE actions; ATTACH x' AS s",
	'SELECT 1 -- DROP TABLE actions',
	'SELECT 1 /* COPY actions TO x */',
	'SELECT "drop" FROM (SELECT 1 AS "drop")',
	"SELECT $$DROP TABLE actions$$",
	"SELECT * FROM actions WHERE description LIKE '%read_csv(%'",
	// A column or alias that happens to be named like a function is fine without a call.
	'SELECT glob FROM (SELECT 1 AS glob)',
	'SELECT 1; SELECT 2;'
];

describe('the statement guard', () => {
	it.each(refused)('refuses %s', (sql, why) => {
		const v = guard(sql);
		expect(v.ok).toBe(false);
		if (!v.ok) {
			expect(v.message.startsWith('Refused')).toBe(true);
			expect(v.message).toContain(why);
		}
	});
	it.each(allowed)('allows %s', (sql) => {
		expect(guard(sql)).toMatchObject({ ok: true });
	});
	it('refuses an empty script (only a comment)', () => {
		expect(guard('-- nothing\n ; ').ok).toBe(false);
	});
});

describe('statementTexts', () => {
	it('splits on semicolons outside strings and comments, with offsets', () => {
		const sql = "SELECT ';' AS a; -- c;\nSELECT 2";
		expect(statementTexts(sql)).toEqual([
			{ text: "SELECT ';' AS a", at: 0 },
			{ text: 'SELECT 2', at: sql.indexOf('SELECT 2') }
		]);
	});
});
