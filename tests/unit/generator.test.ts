/**
 * The demo dataset generator (scripts/generate-demo.ts, src/lib/demo/): deterministic output,
 * files that match the data model exactly, and distributions close to the published figures the
 * generator cites. Everything is checked on the files as written, read back with apache-arrow.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataType, DateUnit, Precision, tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { CATEGORY_IDS } from '$lib/model/categories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA, TABLE_NAMES, type DatasetMeta, type TableName } from '$lib/model/schema';
import { AGE_BANDS, AGENCY_SECTORS, DEATH_TYPES, FACTORS, RELATIONSHIPS, SCOPES, SEXES, STATUSES } from '$lib/model/vocab';
import { main } from '$lib/demo/cli';
import { dayFromIso } from '$lib/demo/days';
import { TableBuilder } from '$lib/demo/table-builder';
import themesFile from '../../data/themes.json';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AS_AT = '2026-09-30';
const AS_AT_MS = Date.UTC(2026, 8, 30);
const DAY_MS = 86_400_000;

let dirA: string;
let dirB: string;
const tables = {} as Record<TableName, Table>;
let meta: DatasetMeta;

/** All values of a column as plain JS (strings, numbers, booleans; dates as epoch ms; nulls). */
function col(t: TableName, name: string): (string | number | boolean | null)[] {
	const v = tables[t].getChild(name);
	if (!v) throw new Error(`${t}.${name} missing`);
	return Array.from(v) as (string | number | boolean | null)[];
}
const yearOf = (ms: number) => new Date(ms).getUTCFullYear();
const codes = (terms: readonly { code: string }[]) => new Set(terms.map((t) => t.code));

beforeAll(() => {
	dirA = mkdtempSync(join(tmpdir(), 'demo-a-'));
	dirB = mkdtempSync(join(tmpdir(), 'demo-b-'));
	// Run 1: the real CLI in its own process, default options except the output folder.
	execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/generate-demo.ts', '--out', dirA], {
		cwd: ROOT,
		stdio: 'pipe'
	});
	// Run 2: the same entry point in this process, defaults spelt out.
	main(['--reviews', '250', '--seed', '20260930', '--as-at', AS_AT, '--out', dirB], () => {});
	for (const t of TABLE_NAMES) tables[t] = tableFromIPC(readFileSync(join(dirA, `${t}.arrows`)));
	meta = JSON.parse(readFileSync(join(dirA, 'meta.json'), 'utf8')) as DatasetMeta;
}, 120_000);

afterAll(() => {
	for (const d of [dirA, dirB]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('determinism and files', () => {
	it('two runs write byte-identical files, meta.json included', () => {
		const files = readdirSync(dirA).sort();
		expect(files).toEqual(readdirSync(dirB).sort());
		expect(files).toEqual([...TABLE_NAMES.map((t) => `${t}.arrows`), 'meta.json'].sort());
		for (const f of files) expect(readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))), f).toBe(true);
	});

	it('meta.json describes the dataset', () => {
		const text = readFileSync(join(dirA, 'meta.json'), 'utf8');
		expect(text.endsWith('}\n')).toBe(true);
		expect(Object.keys(meta)).toEqual(['name', 'fictional', 'as_at', 'source', 'generator', 'row_counts', 'files']);
		expect(meta.name).toBe('Marlshire (fictional demo)');
		expect(meta.fictional).toBe(true);
		expect(meta.as_at).toBe(AS_AT);
		expect(meta.source).toMatch(/fictional/i);
		expect(meta.source).toContain('scripts/generate-demo.ts');
		expect(meta.generator).toEqual({ script: 'scripts/generate-demo.ts', seed: 20260930, reviews: 250 });
		for (const t of TABLE_NAMES) {
			expect(meta.row_counts[t], t).toBe(tables[t].numRows);
			expect(meta.files[t]).toBe(`${t}.arrows`);
		}
	});

	it('a DATE written at UTC midnight reads back as the same calendar day', () => {
		const b = new TableBuilder<{ d: number | null }>({
			name: 'reviews',
			description: '',
			columns: [{ name: 'd', type: 'DATE', required: false, description: '' }]
		});
		for (const iso of ['2026-09-30', '2011-04-01', '2024-02-29']) b.append({ d: dayFromIso(iso) });
		b.append({ d: null });
		const back = tableFromIPC(tableToIPC(b.toTable(), 'stream'));
		const got = Array.from(back.getChild('d')!).map((ms) => (ms == null ? null : new Date(ms as number).toISOString().slice(0, 10)));
		expect(got).toEqual(['2026-09-30', '2011-04-01', '2024-02-29', null]);
	});

	it('strings round-trip through the UTF-8 encoder, ASCII or not', () => {
		const b = new TableBuilder<{ s: string | null }>({
			name: 'reviews',
			description: '',
			columns: [{ name: 's', type: 'VARCHAR', required: false, description: '' }]
		});
		const values = ['Ashbury', '', "Children's Services", 'Café – naïve ü 😀', null, 'x'.repeat(5000)];
		for (const s of values) b.append({ s });
		const back = tableFromIPC(tableToIPC(b.toTable(), 'stream'));
		expect(Array.from(back.getChild('s')!)).toEqual(values);
	});
});

describe('matches the data model', () => {
	it('every column of schema.ts, in order, with the right Arrow type and nullability', () => {
		for (const def of SCHEMA) {
			const fields = tables[def.name].schema.fields;
			expect(fields.map((f) => f.name), def.name).toEqual(def.columns.map((c) => c.name));
			def.columns.forEach((c, i) => {
				const type = fields[i].type;
				const ok =
					c.type === 'VARCHAR'
						? DataType.isUtf8(type)
						: c.type === 'INTEGER'
							? DataType.isInt(type) && type.bitWidth === 32 && type.isSigned
							: c.type === 'DOUBLE'
								? DataType.isFloat(type) && type.precision === Precision.DOUBLE
								: c.type === 'DATE'
								? DataType.isDate(type) && type.unit === DateUnit.DAY
								: DataType.isBool(type);
				expect(ok, `${def.name}.${c.name} is ${type}`).toBe(true);
				expect(fields[i].nullable, `${def.name}.${c.name} nullable`).toBe(!c.required);
			});
		}
	});

	it('no required column has a null', () => {
		for (const def of SCHEMA)
			for (const c of def.columns.filter((c) => c.required)) expect(tables[def.name].getChild(c.name)!.nullCount, `${def.name}.${c.name}`).toBe(0);
	});

	it('ids are unique and well formed, and every foreign key resolves', () => {
		const reviewIds = col('reviews', 'review_id') as string[];
		const recIds = col('recommendations', 'recommendation_id') as string[];
		const actionIds = col('actions', 'action_id') as string[];
		for (const ids of [reviewIds, recIds, actionIds]) expect(new Set(ids).size).toBe(ids.length);
		expect(reviewIds.every((id) => /^MAR-20\d\d-\d{3,}$/.test(id))).toBe(true);
		expect(recIds.every((id) => /^MAR-20\d\d-\d{3,}-R\d{2}$/.test(id))).toBe(true);
		expect(actionIds.every((id) => /^MAR-20\d\d-\d{3,}-R\d{2}-A\d$/.test(id))).toBe(true);

		const reviews = new Set(reviewIds);
		const recs = new Set(recIds);
		expect((col('review_factors', 'review_id') as string[]).every((id) => reviews.has(id))).toBe(true);
		expect((col('recommendations', 'review_id') as string[]).every((id) => reviews.has(id))).toBe(true);
		expect((col('recommendation_themes', 'recommendation_id') as string[]).every((id) => recs.has(id))).toBe(true);
		expect((col('actions', 'recommendation_id') as string[]).every((id) => recs.has(id))).toBe(true);

		// Long-form tables hold each fact once.
		const [subject, factor, theme] = [col('review_factors', 'subject'), col('review_factors', 'factor'), col('recommendation_themes', 'theme')];
		const f = col('review_factors', 'review_id').map((id, i) => `${id}|${subject[i]}|${factor[i]}`);
		expect(new Set(f).size).toBe(f.length);
		const th = col('recommendation_themes', 'recommendation_id').map((id, i) => `${id}|${theme[i]}`);
		expect(new Set(th).size).toBe(th.length);
	});

	it('coded columns hold vocabulary codes', () => {
		const check = (t: TableName, c: string, allowed: Set<string>) => {
			for (const v of col(t, c)) if (v !== null) expect(allowed.has(v as string), `${t}.${c} = ${v}`).toBe(true);
		};
		check('reviews', 'review_type', new Set(['DHR', 'DARDR']));
		check('reviews', 'region', new Set(['East Midlands']));
		check('reviews', 'death_type', codes(DEATH_TYPES));
		check('reviews', 'victim_sex', codes(SEXES));
		check('reviews', 'perpetrator_sex', codes(SEXES));
		check('reviews', 'victim_age_band', new Set(AGE_BANDS));
		check('reviews', 'perpetrator_age_band', new Set(AGE_BANDS));
		check('reviews', 'relationship', codes(RELATIONSHIPS));
		check('recommendations', 'scope', codes(SCOPES));
		check('recommendations', 'agency_sector', codes(AGENCY_SECTORS));
		check('recommendation_themes', 'theme', new Set(themesFile.themes.map((t) => t.id)));
		check('recommendation_themes', 'source', new Set(['coded', 'auto']));
		check('recommendation_categories', 'source', new Set(['coded', 'auto']));
		check('recommendation_categories', 'category', new Set(CATEGORY_IDS));
		check('actions', 'status', codes(STATUSES));
		const subjects = new Map<string, readonly string[]>(FACTORS.map((f) => [f.code, f.subjects]));
		const fs = col('review_factors', 'factor') as string[];
		col('review_factors', 'subject').forEach((s, i) => expect(subjects.get(fs[i])?.includes(s as string), `${s}:${fs[i]}`).toBe(true));
	});

	it('partnerships: twelve, all in one region', () => {
		const p = new Set(col('reviews', 'partnership'));
		expect(p.size).toBe(12);
		for (const name of p) expect(name).toMatch(/ Community Safety Partnership$/);
	});
});

describe('dates', () => {
	it('are whole days, in order, and not after as-at (except action targets)', () => {
		const dates = (t: TableName, c: string) => col(t, c) as (number | null)[];
		for (const def of SCHEMA)
			for (const c of def.columns.filter((c) => c.type === 'DATE'))
				for (const ms of dates(def.name, c.name)) {
					if (ms === null) continue;
					expect(ms % DAY_MS).toBe(0);
					if (c.name !== 'target_date') expect(ms, `${def.name}.${c.name}`).toBeLessThanOrEqual(AS_AT_MS);
				}
		const death = dates('reviews', 'death_month');
		const comm = dates('reviews', 'commissioned_date');
		const done = dates('reviews', 'completed_date');
		const pub = dates('reviews', 'published_date');
		death.forEach((d, i) => {
			expect(new Date(d!).getUTCDate()).toBe(1);
			expect(d!).toBeLessThan(comm[i]!);
			expect(comm[i]!).toBeLessThan(done[i]!);
			if (pub[i] !== null) expect(pub[i]!).toBeGreaterThan(done[i]!);
		});
	});

	it('completed_date is set if and only if the action is completed', () => {
		const status = col('actions', 'status');
		const done = col('actions', 'completed_date');
		status.forEach((s, i) => expect(done[i] !== null, `row ${i}`).toBe(s === 'completed'));
	});
});

describe('distributions (default dataset)', () => {
	it('has 250 reviews completed in every year 2011-2026', () => {
		expect(tables.reviews.numRows).toBe(250);
		const years = new Set((col('reviews', 'completed_date') as number[]).map(yearOf));
		expect([...years].sort()).toEqual(Array.from({ length: 16 }, (_, i) => 2011 + i));
	});

	it('has 6-15 recommendations per review and 1-3 actions per recommendation', () => {
		const perReview = new Map<string, number>();
		for (const id of col('recommendations', 'review_id') as string[]) perReview.set(id, (perReview.get(id) ?? 0) + 1);
		expect(perReview.size).toBe(250);
		for (const n of perReview.values()) expect(n >= 6 && n <= 15, `${n} recommendations`).toBe(true);
		const perRec = new Map<string, number>();
		for (const id of col('actions', 'recommendation_id') as string[]) perRec.set(id, (perRec.get(id) ?? 0) + 1);
		expect(perRec.size).toBe(tables.recommendations.numRows);
		for (const n of perRec.values()) expect(n >= 1 && n <= 3, `${n} actions`).toBe(true);
	});

	it('victims about 80% female; intimate partner homicide about half', () => {
		const sex = col('reviews', 'victim_sex');
		const female = sex.filter((s) => s === 'female').length / sex.length;
		expect(female).toBeGreaterThanOrEqual(0.7);
		expect(female).toBeLessThanOrEqual(0.9);
		const types = col('reviews', 'death_type');
		const iph = types.filter((t) => t === 'intimate partner homicide').length / types.length;
		expect(iph).toBeGreaterThanOrEqual(0.4);
		expect(iph).toBeLessThanOrEqual(0.6);
	});

	it('uses every theme', () => {
		const used = new Set(col('recommendation_themes', 'theme'));
		for (const t of themesFile.themes) expect(used.has(t.id), t.id).toBe(true);
	});

	it('has 5-30% of actions overdue at as-at', () => {
		const status = col('actions', 'status');
		const target = col('actions', 'target_date') as number[];
		const overdue = status.filter((s, i) => (s === 'not started' || s === 'in progress') && target[i] < AS_AT_MS).length;
		const share = overdue / status.length;
		expect(share).toBeGreaterThanOrEqual(0.05);
		expect(share).toBeLessThanOrEqual(0.3);
	});

	it('re-plans or closes stalled actions as boards do: none open for years past its target', () => {
		const status = col('actions', 'status');
		const target = col('actions', 'target_date') as number[];
		const evidence = col('actions', 'evidence') as (string | null)[];
		const DAY = 86_400_000;
		const late = status.map((s, i) => ((s === 'not started' || s === 'in progress') && target[i] < AS_AT_MS ? (AS_AT_MS - target[i]) / DAY : 0));
		const longest = Math.max(...late);
		// Was 5,205 days (a June 2012 target still "in progress"); a board reviews an overdue action within 3.5 years.
		expect(longest).toBeGreaterThan(365);
		expect(longest).toBeLessThanOrEqual(4 * 365);
		// Was 719 of 6,302 over a year overdue.
		const overYear = late.filter((d) => d > 365).length;
		expect(overYear / status.length).toBeLessThan(0.03);
		expect(overYear).toBeGreaterThan(0);
		// What the board did is in the tracker's words.
		const revised = evidence.filter((e) => e && /target (date revised|moved)|new target/i.test(e)).length;
		const closed = status.filter((s, i) => s === 'not accepted' && /^(Closed|Not accepted at the)/.test(evidence[i] ?? '')).length;
		expect(revised).toBeGreaterThan(50);
		expect(closed).toBeGreaterThan(20);
	});

	it('has mostly completed actions for reviews completed before 2016', () => {
		const completedYear = new Map<string, number>();
		const ids = col('reviews', 'review_id') as string[];
		(col('reviews', 'completed_date') as number[]).forEach((ms, i) => completedYear.set(ids[i], yearOf(ms)));
		const recReview = new Map<string, string>();
		const recIds = col('recommendations', 'recommendation_id') as string[];
		(col('recommendations', 'review_id') as string[]).forEach((r, i) => recReview.set(recIds[i], r));
		const status = col('actions', 'status');
		const old = (col('actions', 'recommendation_id') as string[]).map((r, i) => [completedYear.get(recReview.get(r)!)!, status[i]] as const).filter(([y]) => y < 2016);
		expect(old.length).toBeGreaterThan(0);
		expect(old.filter(([, s]) => s === 'completed').length / old.length).toBeGreaterThan(0.8);
	});

	it('keeps the children_present factor in step with the reviews column', () => {
		const factor = col('review_factors', 'factor');
		const withFactor = new Set((col('review_factors', 'review_id') as string[]).filter((_, i) => factor[i] === 'children_present'));
		const ids = col('reviews', 'review_id') as string[];
		col('reviews', 'children_present').forEach((c, i) => expect(withFactor.has(ids[i]), ids[i]).toBe(c === true));
	});

	it('writes recommendation text a keyword tagger mostly, but not always, recognises', () => {
		const keywords = new Map(themesFile.themes.map((t) => [t.id, t.keywords.map((k) => new RegExp(`\\b${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'))]));
		const themesOf = new Map<string, string[]>();
		const themeCol = col('recommendation_themes', 'theme') as string[];
		(col('recommendation_themes', 'recommendation_id') as string[]).forEach((r, i) => themesOf.set(r, [...(themesOf.get(r) ?? []), themeCol[i]]));
		const texts = col('recommendations', 'text') as string[];
		const ids = col('recommendations', 'recommendation_id') as string[];
		// (A recommendation of the uncoded partnership may have no theme: the tagger found none.)
		const hits = texts.filter((text, i) => (themesOf.get(ids[i]) ?? []).some((t) => keywords.get(t)!.some((re) => re.test(text)))).length;
		const share = hits / texts.length;
		expect(share).toBeGreaterThan(0.6);
		expect(share).toBeLessThan(0.97);
		expect(texts.some((t) => /lorem|ipsum/i.test(t))).toBe(false);
	});
});
