/**
 * A 20 MB CSV, generated at test time into a temp dir (never committed), read through the same
 * ImportSession the page's worker uses: it imports whole with the expected row counts, reporting
 * progress as it reads, and loads into the engine. The time taken is printed, not asserted.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import { loadDataset } from '$lib/db/dataset';
import { ImportSession, type ReadProgress } from '$lib/import';

const dir = mkdtempSync(path.join(tmpdir(), 'dhr-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REVIEWS = 1_000;
const RECS = 5;
const ACTIONS = 14;
const STATUS = ['Complete', 'Amber', 'Red', 'On track'];

function writeCsv(file: string): { rows: number; completed: number } {
	let completed = 0;
	const lines = ['DHR ref,Partnership,Date commissioned,Rec no,Recommendation,Action ID,Action,Lead agency,Lead officer,Target date,RAG,Date completed,Evidence'];
	for (let r = 1; r <= REVIEWS; r++)
		for (let n = 1; n <= RECS; n++)
			for (let a = 1; a <= ACTIONS; a++) {
				const s = STATUS[(r + n + a) % 4];
				if (s === 'Complete') completed++;
				lines.push(
					[
						`DHR-${r}`,
						`Partnership ${r % 12}`,
						'01/03/2020',
						n,
						`"Agencies to improve practice ${n} for review ${r}, including training on risk assessment and information sharing."`,
						`DHR-${r}-${n}-${a}`,
						`"Action ${a}: deliver the agreed change and report progress to the board, with evidence of completion."`,
						`Agency ${(r + a) % 30}`,
						'Service lead',
						`${String(1 + (a % 28)).padStart(2, '0')}/0${1 + (n % 9)}/2023`,
						s,
						s === 'Complete' ? '15/06/2023' : '',
						s === 'Complete' ? 'Audit report to the board' : ''
					].join(',')
				);
			}
	writeFileSync(file, lines.join('\n') + '\n');
	return { rows: lines.length - 1, completed };
}

describe('a 20 MB CSV', () => {
	it('imports whole (about 21 MB, 70,000 actions), with the expected counts, reporting progress', async () => {
		const file = path.join(dir, 'big-tracker.csv');
		const { rows, completed } = writeCsv(file);
		const size = statSync(file).size;
		expect(size).toBeGreaterThan(20 * 1024 * 1024);
		const bytes = new Uint8Array(readFileSync(file));
		const like = { name: 'big-tracker.csv', size, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };

		const t0 = performance.now();
		const session = new ImportSession();
		const seen: ReadProgress[] = [];
		const read = await session.read([like], (p) => seen.push(p));
		const t1 = performance.now();
		expect(read.problems).toEqual([]);
		expect(read.sources.map((s) => [s.file, s.rowCount, s.preview.length])).toEqual([['big-tracker.csv', rows, 5]]);
		expect(seen.map((p) => p.stage)).toEqual(['reading', 'reading', 'parsing']);
		expect(seen.at(-1)).toMatchObject({ file: 1, files: 1, bytes: size, total: size });

		const summary = session.run({ asAt: '2024-03-31' });
		const t2 = performance.now();
		expect(summary.blocking).toBe(false);
		expect(summary.meta.row_counts).toMatchObject({ reviews: REVIEWS, recommendations: REVIEWS * RECS, actions: REVIEWS * RECS * ACTIONS });
		const buffers = session.buffers();
		const t3 = performance.now();
		console.log(
			`20 MB CSV (${(size / 1048576).toFixed(1)} MB, ${rows.toLocaleString('en-GB')} rows): read ${Math.round(t1 - t0)} ms, checked ${Math.round(t2 - t1)} ms, Arrow ${Math.round(t3 - t2)} ms`
		);

		const engine = await openNodeEngine();
		try {
			await loadDataset(engine, buffers);
			const [n] = await engine.query<{ n: number; done: number }>(`SELECT count(*) AS n, count(*) FILTER (WHERE status = 'completed') AS done FROM actions`);
			expect(n).toEqual({ n: REVIEWS * RECS * ACTIONS, done: completed });
		} finally {
			await engine.close();
		}
	}, 180_000);
});
