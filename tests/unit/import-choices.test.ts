/**
 * What the user decides on /import goes into the imported tables: status words mapped (with how
 * many rows use each), agency names kept or mapped to a known agency, automatic themes removed or
 * added (added ones stored as 'coded': a person assigned them). Also the committed Parquet fixture,
 * and the ImportSession the page's worker holds. After each refused import the loaded data is intact.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { openNodeEngine } from '$lib/db/node';
import { ImportSession, importFiles, loadImport, type ImportResult } from '$lib/import';
import { trackerParquet } from '../fixtures/import/make-parquet';
import { loadFixture } from './helpers/fixture';
import { SMALL } from './helpers/small';

const AS_AT = '2026-09-30';
const KNOWN = ['Marlshire Police', 'Probation Service', 'Marlshire Housing'];
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const run = (name: string, extra: Parameters<typeof importFiles>[1] = {}) => importFiles([{ name, bytes: bytes(name) }], { asAt: AS_AT, knownAgencies: KNOWN, ...extra });

let engine: Engine;
let before: unknown;
const snapshot = () => engine.query(`SELECT (SELECT count(*) FROM actions) AS n, (SELECT string_agg(action_id || ':' || status, ',' ORDER BY action_id) FROM actions) AS ids`);
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, SMALL);
	before = await snapshot();
});
afterAll(() => engine?.close());

async function expectRefused(r: ImportResult) {
	expect(r.blocking).toBe(true);
	await expect(loadImport(engine, r)).rejects.toThrow(/blocking problem/);
	expect(await snapshot()).toEqual(before);
}

describe('status words the vocabulary does not know', () => {
	it('are listed with their row counts, block until mapped, and load once mapped', async () => {
		const r = await run('unknown-status.csv');
		expect(r.statusWords).toEqual([{ word: 'Waiting', key: 'waiting', rows: 1, mapped: null }]);
		// Known words are listed too, with how each was read (a RAG colour with what it says).
		expect(r.readWords).toEqual([
			{ word: 'Green', key: 'green', rows: 1, mapped: 'in progress', meaning: 'on track' },
			{ word: 'Partially met', key: 'partially met', rows: 1, mapped: 'in progress' }
		]);
		await expectRefused(r);
		// A stale choice for another word changes nothing: still blocked.
		const half = await run('unknown-status.csv', { statusWords: { 'not here': 'in progress' } });
		expect(half.statusWords.map((w) => [w.key, w.mapped])).toEqual([['waiting', null]]);
		expect(half.unknownStatuses).toEqual(['Waiting']);
		await expectRefused(half);
		const all = await run('unknown-status.csv', { statusWords: { waiting: 'not started' } });
		expect(all.blocking).toBe(false);
		expect(all.unknownStatuses).toEqual([]);
		expect(all.tables.actions.map((a) => a.status)).toEqual(['in progress', 'in progress', 'not started']);
	});
});

describe('agency names that are not known agencies', () => {
	it('are kept as written by default, or mapped to the known agency the user chose', async () => {
		const kept = await run('tracker-flat.csv');
		expect(kept.agencies).toEqual([{ name: 'North Marlshire GP Federation', rows: 1, mapped: null }]);
		expect(kept.tables.actions.find((a) => a.action_id === 'DHR-A-R2-A1')?.lead_agency).toBe('North Marlshire GP Federation');

		const mapped = await run('tracker-flat.csv', { agencyNames: { 'North Marlshire GP Federation': 'Marlshire Police' } });
		expect(mapped.agencies).toEqual([{ name: 'North Marlshire GP Federation', rows: 1, mapped: 'Marlshire Police' }]);
		expect(mapped.unknownAgencies).toEqual([]);
		expect(mapped.tables.actions.find((a) => a.action_id === 'DHR-A-R2-A1')?.lead_agency).toBe('Marlshire Police');

		// A choice that is not a known agency (a stale saved one) is ignored: the name stays as written.
		const stale = await run('tracker-flat.csv', { agencyNames: { 'North Marlshire GP Federation': 'Gone Agency' } });
		expect(stale.tables.actions.find((a) => a.action_id === 'DHR-A-R2-A1')?.lead_agency).toBe('North Marlshire GP Federation');
		expect(stale.unknownAgencies).toEqual(['North Marlshire GP Federation']);
	});
});

describe('automatic themes, corrected by the user', () => {
	it('a removed tag is not stored, an added theme is stored as coded, untouched tags stay auto', async () => {
		const plain = await run('tracker-flat.csv');
		// DHR-A-R3 has a coded theme but no kind of change: its kinds are read from the text.
		expect(plain.autoRecommendations.map((r) => r.recommendation_id)).toEqual(['DHR-A-R1', 'DHR-A-R2', 'DHR-A-R3', 'DHR-B-R1']);
		expect(plain.autoThemes.some((t) => t.recommendation_id === 'DHR-A-R3')).toBe(false);
		const first = plain.autoThemes.filter((t) => t.recommendation_id === 'DHR-A-R1').map((t) => t.theme);
		expect(first.length).toBeGreaterThan(0);
		const [removed, ...rest] = first;
		const r = await run('tracker-flat.csv', { themeEdits: { 'DHR-A-R1': { remove: [removed], add: ['risk_assessment'] }, 'DHR-B-R1': { add: ['not_a_theme'] } } });
		const themes = r.tables.recommendation_themes.filter((t) => t.recommendation_id === 'DHR-A-R1');
		// Corrected by a person: what the recommendation keeps is stored as 'corrected', with no confidence.
		expect(themes).toEqual([
			...rest.map((theme) => ({ recommendation_id: 'DHR-A-R1', theme, source: 'corrected', confidence: null })),
			{ recommendation_id: 'DHR-A-R1', theme: 'risk_assessment', source: 'corrected', confidence: null }
		]);
		// Untouched suggestions stay 'auto', with the tagger's confidence where it has one.
		for (const t of r.tables.recommendation_themes.filter((t) => t.recommendation_id === 'DHR-A-R2')) expect(t.source).toBe('auto');
		// The list of automatic tags (what the page shows) is the algorithm's, whatever the user changed.
		expect(r.autoThemes).toEqual(plain.autoThemes);
		// A theme id not in data/themes.json is never stored; coded themes from the file are untouched.
		expect(r.tables.recommendation_themes.some((t) => t.theme === 'not_a_theme')).toBe(false);
		expect(r.tables.recommendation_themes.find((t) => t.recommendation_id === 'DHR-A-R3')).toEqual({ recommendation_id: 'DHR-A-R3', theme: 'information_sharing', source: 'coded' });
	});
});

describe('the Parquet fixture (tests/fixtures/import/tracker.parquet)', () => {
	it('is what make-parquet.ts writes', () => {
		expect(bytes('tracker.parquet')).toEqual(trackerParquet());
	});
	it('imports with typed dates and numbers read as the model wants them', async () => {
		const r = await run('tracker.parquet');
		expect(r.blocking).toBe(false);
		expect(r.meta.row_counts).toMatchObject({ reviews: 1, recommendations: 2, actions: 3 });
		expect(r.tables.actions.map((a) => [a.action_id, a.status, a.target_date, a.completed_date, a.lead_agency])).toEqual([
			['DHR-P-R1-A1', 'completed', '2024-03-31', '2024-02-20', 'Marlshire Police'],
			['DHR-P-R1-A2', 'in progress', '2024-09-30', null, 'Marlshire Police'],
			['DHR-P-R2-A1', 'not started', null, null, 'Marlshire Housing']
		]);
		expect(r.problems.filter((p) => p.blocking)).toEqual([]);
	});
	it('cut short, it is refused and the loaded data stays', async () => {
		const b = bytes('tracker.parquet');
		const r = await importFiles([{ name: 'cut.parquet', bytes: b.slice(0, b.length - 40) }], { asAt: AS_AT });
		expect(r.problems.map((p) => p.problem)[0]).toMatch(/^cut\.parquet: could not be read as Parquet; it may be truncated or damaged/);
		await expectRefused(r);
	});
});

describe('ImportSession (what the page worker holds)', () => {
	const file = (name: string, data: Uint8Array) => ({ name, size: data.length, arrayBuffer: async () => data.slice().buffer as ArrayBuffer });
	it('reads once, re-runs with new options, gives buffers only without blocking problems', async () => {
		const s = new ImportSession();
		const read = await s.read([file('unknown-status.csv', bytes('unknown-status.csv'))]);
		expect(read.sources.map((x) => [x.id, x.rowCount, x.headers.length])).toEqual([['unknown-status.csv', 3, 6]]);
		const first = s.run({ asAt: AS_AT });
		expect(first.blocking).toBe(true);
		expect(first.statusCounts).toEqual({ 'in progress': 2, unknown: 1 });
		expect(() => s.buffers()).toThrow(/blocking problems/);
		const ok = s.run({ asAt: AS_AT, statusWords: { waiting: 'not started' } });
		expect(ok.blocking).toBe(false);
		expect('tables' in ok).toBe(false);
		expect(ok.statusCounts).toEqual({ 'in progress': 2, 'not started': 1 });
		expect(Object.keys(s.buffers()).sort()).toEqual(['actions', 'recommendation_categories', 'recommendation_themes', 'recommendations', 'review_factors', 'reviews']);
	});
	it('refuses a file over the size limit from its size alone, without reading it', async () => {
		const s = new ImportSession();
		let touched = false;
		const huge = { name: 'huge.csv', size: 300 * 1024 * 1024, arrayBuffer: async () => ((touched = true), new ArrayBuffer(0)) };
		const read = await s.read([huge]);
		expect(read.problems.map((p) => p.problem)).toEqual(['huge.csv: at 300.0 MB it is larger than the 200 MB an import can take; split the file.']);
		expect(touched).toBe(false);
		expect(s.run({}).blocking).toBe(true);
	});
});
