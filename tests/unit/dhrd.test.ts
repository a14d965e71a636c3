/**
 * The national DHRD (Cook & Cook 2026, CC BY 4.0) through the import, on the real release at
 * ../shared/data/dhrd/raw when it exists (it is never copied into this repository). Counts are
 * checked against the source files: 647 reviews, 619 victims (469 female, 145 male, 5 unknown),
 * 647 perpetrators. The factor-naming rule is tested on its own, without the files.
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { openNodeEngine } from '$lib/db/node';
import { factorName, importFiles, loadImport, type ImportResult } from '$lib/import';

const RAW = new URL('../../../shared/data/dhrd/raw/', import.meta.url);
const present = existsSync(new URL('incidents.csv', RAW));
if (!present) console.warn(`dhrd.test.ts: ${RAW.pathname} not found; the DHRD conversion tests are skipped.`);

describe('factor names: the column without its subject and group prefix', () => {
	it.each([
		['victim_vuln_alcohol', 'victim', 'alcohol'],
		['victim_mh_depression', 'victim', 'depression'],
		['perpetrator_vuln_substance_misuse', 'perpetrator', 'substance_misuse'],
		['perpetrator_carer_for_victim', 'perpetrator', 'carer_for_victim'],
		['coercive_control', 'incident', 'coercive_control'],
		['prev_offence_history', 'victim', 'prev_offence_history']
	] as const)('%s -> %s / %s', (column, subject, factor) => expect(factorName(column, subject)).toBe(factor));
});

describe.skipIf(!present)('the DHRD release in ../shared/data/dhrd/raw', () => {
	let engine: Engine;
	let r: ImportResult;
	const raw = (name: string) => new Uint8Array(readFileSync(new URL(name, RAW)));
	const trueCount = (file: string, column: string) =>
		Papa.parse<Record<string, string>>(new TextDecoder().decode(raw(file)), { header: true, skipEmptyLines: true }).data.filter((row) => row[column] === 'True').length;

	beforeAll(async () => {
		// Files in any order, recognised by their headers.
		r = await importFiles(['victims.csv', 'perpetrators.csv', 'incidents.csv'].map((n) => ({ name: n, bytes: raw(n) })));
		engine = await openNodeEngine();
		await loadImport(engine, r);
	});
	afterAll(() => engine?.close());

	it('is recognised and carries its citation and licence', () => {
		expect(r.kind).toBe('dhrd');
		expect(r.blocking).toBe(false);
		expect(r.meta.fictional).toBe(false);
		expect(r.meta.citation).toBe(
			'Cook, D., & Cook, E. A. (2026). The Domestic Homicide Review Dataset (DHRD) for England and Wales [Data set]. Zenodo. https://doi.org/10.5281/zenodo.21108268'
		);
		expect(r.meta.source).toContain('https://doi.org/10.5281/zenodo.21108268');
		expect(r.meta.licence).toMatch(/^CC BY 4\.0/);
	});

	it('647 reviews, 619 victims (469 female, 145 male, 5 unknown), 647 perpetrators', async () => {
		const [c] = await engine.query<Record<string, number>>(`SELECT count(*) AS reviews,
			count(victim_sex) AS victims,
			count(*) FILTER (WHERE victim_sex = 'female') AS female,
			count(*) FILTER (WHERE victim_sex = 'male') AS male,
			count(*) FILTER (WHERE victim_sex = 'unknown') AS unknown,
			count(perpetrator_sex) AS perpetrators,
			count(*) FILTER (WHERE multiple_victims) AS multiple
			FROM reviews`);
		expect(c).toEqual({ reviews: 647, victims: 619, female: 469, male: 145, unknown: 5, perpetrators: 647, multiple: 28 });
	});

	it('every True flag is a factor row, named by the rule, counted as in the source', async () => {
		const rows = await engine.query<{ subject: string; factor: string; n: number }>(
			`SELECT subject, factor, count(*) AS n FROM review_factors GROUP BY ALL ORDER BY subject, factor`
		);
		const n = (subject: string, factor: string) => rows.find((x) => x.subject === subject && x.factor === factor)?.n;
		expect(n('victim', 'alcohol')).toBe(trueCount('victims.csv', 'victim_vuln_alcohol'));
		expect(n('perpetrator', 'alcohol')).toBe(trueCount('perpetrators.csv', 'perpetrator_vuln_alcohol'));
		expect(n('incident', 'coercive_control')).toBe(trueCount('incidents.csv', 'coercive_control'));
		expect(n('victim', 'depression')).toBe(trueCount('victims.csv', 'victim_mh_depression'));
		expect(rows.some((x) => x.factor === 'multiple_victims')).toBe(false);
	});

	it('month-precision death dates become the first of the month; bare years stay empty and are reported', async () => {
		const [first] = r.tables.reviews;
		expect(first).toMatchObject({ review_id: 'INC-0001', partnership: 'Lincoln', region: 'East Midlands', death_month: '2018-09-01' });
		const years = r.problems.filter((p) => /gives only a year/.test(p.problem));
		const empty = r.tables.reviews.filter((x) => x.death_month == null).length;
		const reported = years.reduce((s, p) => s + Number(p.problem.match(/\((\d+) rows?\)/)![1]), 0);
		expect(reported).toBe(empty);
	});
});
