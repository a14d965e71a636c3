/**
 * `npm run sql` as a user runs it (spawned with tsx): the three formats on the demo data, a refused
 * statement and an SQL error exit 1 with the message on stderr, bad arguments exit 2. The runs go in
 * parallel to keep the file fast.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Out { code: number | null; stdout: string; stderr: string }

function sql(...args: string[]): Promise<Out> {
	return new Promise((resolve) => {
		const p = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/sql.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		p.stdout.on('data', (d) => (stdout += d));
		p.stderr.on('data', (d) => (stderr += d));
		p.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

const Q = "SELECT status, count(*) AS n FROM filtered_actions WHERE status IN ('completed', 'not started') GROUP BY status ORDER BY status";

describe('npm run sql', () => {
	it('prints the three formats, refuses, fails and checks its arguments with the right exit codes', { timeout: 300_000 }, async () => {
		const [table, csv, json, earlier, refused, bad, badFormat, badDate, none] = await Promise.all([
			sql(Q),
			sql('--format', 'csv', Q),
			sql('--format', 'json', Q),
			sql('--format', 'json', '--as-at', '2020-01-01', 'SELECT count(*) AS n FROM filtered_reviews'),
			sql('DROP TABLE actions'),
			sql('SELECT * FORM actions'),
			sql('--format', 'xml', 'SELECT 1'),
			sql('--as-at', '2026-02-30', 'SELECT 1'),
			sql()
		]);
		const rows = JSON.parse(json.stdout) as { status: string; n: number }[];
		expect(json.code).toBe(0);
		expect(rows.map((r) => r.status)).toEqual(['completed', 'not started']);
		expect(rows.every((r) => r.n > 0)).toBe(true);

		expect(csv.code).toBe(0);
		expect(csv.stdout).toBe(`status,n\r\ncompleted,${rows[0].n}\r\nnot started,${rows[1].n}\r\n`);

		expect(table.code).toBe(0);
		expect(table.stdout.split('\n')[0]).toMatch(/^status\s+n$/);
		expect(table.stdout).toMatch(new RegExp(`not started\\s+${rows[1].n}\\n`));
		expect(table.stdout).toContain('(2 rows)');
		expect(table.stderr).toContain('small-number suppression');

		// The as-at date reaches the views: fewer reviews had been completed by 2020.
		expect(earlier.code).toBe(0);
		const [{ n: before2020 }] = JSON.parse(earlier.stdout) as { n: number }[];
		expect(before2020).toBeLessThan(250);

		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('Refused: DROP TABLE actions');
		expect(refused.stdout).toBe('');
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('Parser Error');
		expect(bad.stderr).toContain('LINE 1:');

		for (const r of [badFormat, badDate, none]) {
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('usage: npm run sql');
		}
	});
});
