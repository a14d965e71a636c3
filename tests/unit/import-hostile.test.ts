/**
 * Hostile files: random bytes renamed .xlsx, a zip bomb renamed .xlsx (its sheet unpacks to a
 * gigabyte; the zip directory either says so or lies), a truncated workbook and a file over
 * MAX_FILE_BYTES. Each stops with a plain message and changes nothing: the data loaded before is
 * still there, unchanged. The bombs are generated here, never committed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { openNodeEngine } from '$lib/db/node';
import { importFiles, loadImport, MAX_FILE_BYTES, type ImportResult } from '$lib/import';
import { MAX_INFLATED_BYTES } from '$lib/import/zip';
import { makeXlsx } from '../fixtures/import/make-xlsx';
import { deflatedZeros, makeZipBomb } from '../fixtures/import/make-zip-bomb';
import { inflateSync } from 'fflate';
import { loadFixture } from './helpers/fixture';
import { SMALL } from './helpers/small';

const GB = 1024 * 1024 * 1024;
let engine: Engine;
let before: unknown;
const snapshot = () =>
	engine.query(`SELECT (SELECT count(*) FROM reviews) AS reviews, (SELECT count(*) FROM actions) AS actions,
		(SELECT string_agg(action_id || ':' || status, ',' ORDER BY action_id) FROM actions) AS ids`);

beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, SMALL);
	before = await snapshot();
});
afterAll(() => engine?.close());

async function refused(name: string, bytes: Uint8Array): Promise<string[]> {
	const r: ImportResult = await importFiles([{ name, bytes }], { asAt: '2026-09-30' });
	expect(r.blocking).toBe(true);
	await expect(loadImport(engine, r)).rejects.toThrow(/blocking problem/);
	expect(await snapshot()).toEqual(before);
	return r.problems.map((p) => `${p.blocking ? 'B' : 'w'} ${p.problem}`);
}

describe('hostile files stop with a message and change nothing', () => {
	it('the bomb generator makes what it says (a small check of the deflate stream)', () => {
		expect(inflateSync(deflatedZeros(10_000))).toEqual(new Uint8Array(10_000));
	});

	it('random bytes renamed .xlsx', async () => {
		const bytes = new Uint8Array(readFileSync(new URL('../fixtures/import/random-bytes.xlsx', import.meta.url)));
		expect(await refused('random-bytes.xlsx', bytes)).toEqual(['B random-bytes.xlsx: this is not an Excel .xlsx workbook (it is not a zip archive).']);
	});

	it('a zip bomb whose directory says it unpacks to 1 GB: refused before inflating anything', async () => {
		const bomb = await makeZipBomb(GB, true);
		expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
		expect(await refused('bomb.xlsx', bomb)).toEqual([
			`B bomb.xlsx: the workbook would unpack to 1,024 MB, more than the ${MAX_INFLATED_BYTES / 1048576} MB an import can take; nothing was read from it. Save the sheet as CSV, or split it.`
		]);
	});

	it('a zip bomb whose directory lies (says a few hundred bytes, unpacks to 1 GB): stopped at the limit', async () => {
		const bomb = await makeZipBomb(GB, false);
		const heap = process.memoryUsage().rss;
		const t0 = performance.now();
		expect(await refused('liar.xlsx', bomb)).toEqual([
			`B liar.xlsx: the workbook unpacks to more than ${MAX_INFLATED_BYTES / 1048576} MB (far more than its zip directory says, as in a "zip bomb"); reading was stopped and nothing was read from it.`
		]);
		// Printed, not asserted: the inflated bytes are counted and dropped, never held.
		console.log(`zip bomb stopped in ${Math.round(performance.now() - t0)} ms; resident memory grew by ${Math.round((process.memoryUsage().rss - heap) / 1048576)} MB`);
	});

	it('a workbook cut short', async () => {
		const book = makeXlsx([{ name: 'Tracker', rows: [['Review', 'Partnership', 'Recommendation', 'Action', 'Status'], ['DHR-X', 'Marlshire CSP', 'Train.', 'Train staff', 'Green']] }]);
		expect(await refused('half.xlsx', book.slice(0, Math.floor(book.length / 2)))).toEqual([
			'B half.xlsx: the workbook is truncated or damaged (its zip directory is missing); nothing was read from it.'
		]);
	});

	it('a file over MAX_FILE_BYTES is refused before it is parsed', async () => {
		const big = new Uint8Array(MAX_FILE_BYTES + 1);
		expect(await refused('huge.csv', big)).toEqual(['B huge.csv: at 200.0 MB it is larger than the 200 MB an import can take; split the file.']);
	});
});
