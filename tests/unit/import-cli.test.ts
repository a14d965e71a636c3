/** `npm run import` end to end on small fixtures: files written on success, nothing on a blocking problem. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '$lib/db/dataset';
import { openNodeEngine } from '$lib/db/node';
import { TABLE_NAMES, type TableName } from '$lib/model/schema';
import { main } from '../../scripts/import';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'dhr-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
	const out: string[] = [];
	const code = await main(args, (s) => out.push(s));
	return { code, out: out.join('\n') };
}

describe('npm run import', () => {
	it('writes a dataset folder the app can load', async () => {
		const dir = path.join(tmp, 'tracker');
		const { code, out } = await cli([fixture('tracker-flat.csv'), '--out', dir, '--as-at', '2026-09-30', '--name', 'Marlshire tracker']);
		expect(code).toBe(0);
		expect(out).toContain('Tracker import of 1 file(s): 0 blocking problems, 7 warnings');
		expect(out).toContain('warning  tracker-flat.csv · row 5 · Target date: "TBC" is a placeholder, not a value: left empty.');
		expect(out).toMatch(/reviews 2, review_factors 0, recommendations 4, recommendation_themes \d+, recommendation_categories \d+, actions 6; as at 2026-09-30\./);
		const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8'));
		expect(meta).toMatchObject({ name: 'Marlshire tracker', fictional: false, as_at: '2026-09-30', row_counts: { actions: 6 } });
		expect(readFileSync(path.join(dir, 'report.csv'), 'utf8').split('\r\n')[0]).toBe('file,sheet,row,column,value,problem,blocking');
		const engine = await openNodeEngine();
		try {
			const buffers = Object.fromEntries(TABLE_NAMES.map((t) => [t, new Uint8Array(readFileSync(path.join(dir, meta.files[t])))])) as Record<TableName, Uint8Array>;
			await loadDataset(engine, buffers);
			expect(await engine.query('SELECT count(*) AS n FROM actions')).toEqual([{ n: 6 }]);
		} finally {
			await engine.close();
		}
	});
	it('exits 1 on a blocking problem, lists every problem and writes report.csv but no dataset', async () => {
		const dir = path.join(tmp, 'blocked');
		const { code, out } = await cli([fixture('duplicate-ids.csv'), '--out', dir]);
		expect(code).toBe(1);
		expect(out).toContain('1 blocking problem, 2 warnings');
		expect(out).toContain('BLOCKING duplicate-ids.csv · row 4 · Action ID: Duplicate action id A1.');
		expect(out).toMatch(/warning {2}duplicate-ids\.csv/);
		expect(readdirSync(dir)).toEqual(['report.csv']);
		expect(readFileSync(path.join(dir, 'report.csv'), 'utf8')).toContain('Duplicate action id A1.');
	});
	it('exits 2 on wrong arguments, with the usage; --help prints the usage and exits 0', async () => {
		const none = await cli([fixture('tracker-flat.csv')]);
		expect(none.code).toBe(2);
		expect(none.out).toContain('No --out folder given.');
		expect(none.out).toContain('--partnership NAME');
		expect((await cli([fixture('tracker-flat.csv'), '--out', tmp, '--as-at', '30/09/2026'])).code).toBe(2);
		expect((await cli([fixture('tracker-flat.csv'), '--out', tmp, '--review-type', 'SAR'])).code).toBe(2);
		const help = await cli(['--help']);
		expect(help.code).toBe(0);
		expect(help.out).toMatch(/^Usage: npm run import -- <files or folders…> --out <dir>/);
		expect(help.out).not.toContain('Unknown option');
	});
});
