/**
 * Importing kinds of change: a tracker with a "Kind of change" column keeps them as coded (names as
 * the Home Office writes them, several per cell); unknown names are reported, not kept; a
 * recommendation with none is tagged from its text (source 'auto', with confidence and reasons);
 * the user's corrections are stored as 'corrected'. The tracker is written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, loadImport } from '$lib/import';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { refitModel } from '$lib/lessons/tags';
import { suggestMapping } from '$lib/import/mapping';

const CSV = [
	'Review,Partnership,Review completed,Recommendation no,Recommendation,Kind of change,Theme,Action,Lead agency,Target date,Status',
	'DHR-K1,Kestlebury CSP,2024-03-01,1,"Kestlebury Police should train all response officers to recognise coercive control.","Training; Identification of Risk",Coercive control,Deliver training,Kestlebury Police,2025-03-31,Completed',
	'DHR-K1,Kestlebury CSP,2024-03-01,2,"The Partnership should agree an information sharing protocol with housing providers.",Multi-Agency Working|Policy,,Agree the protocol,Kestlebury CSP,2025-06-30,In progress',
	'DHR-K1,Kestlebury CSP,2024-03-01,3,"The GP practice should update its domestic abuse policy so that patients are asked about abuse when seen alone.",,,Update the policy,Kestlebury GP Practice,2025-06-30,Not started',
	'DHR-K1,Kestlebury CSP,2024-03-01,4,"The Trust should audit its records of domestic abuse disclosures.",Quality assurance,,Audit,Kestlebury Trust,2025-06-30,Not started'
].join('\n');
const file = () => ({ name: 'kinds.csv', bytes: new TextEncoder().encode(CSV) });
const run = (extra = {}) => importFiles([file()], { asAt: '2026-09-30', ...extra });

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
});
afterAll(() => engine?.close());

describe('a kinds-of-change column', () => {
	it('is matched by its header', () => {
		for (const h of ['Kind of change', 'HO category', 'Category', 'Home Office category']) expect(suggestMapping([h]).columns[0].target, h).toBe('recommendation_categories.category');
	});

	it('keeps coded kinds as written (several per cell), reports unknown names, tags the rest from the text', async () => {
		const r = await run();
		expect(r.blocking).toBe(false);
		const cats = r.tables.recommendation_categories;
		const of = (id: string) => cats.filter((c) => c.recommendation_id === id);
		expect(of('DHR-K1-R1').map((c) => [c.category, c.source])).toEqual([['training', 'coded'], ['identification_of_risk', 'coded']]);
		expect(of('DHR-K1-R2').map((c) => [c.category, c.source])).toEqual([['multi_agency_working', 'coded'], ['policy', 'coded']]);
		// No kind given: read from the text, with the tagger's confidence and reasons shown on /import.
		const r3 = of('DHR-K1-R3');
		expect(r3.length).toBeGreaterThan(0);
		for (const c of r3) {
			expect(c.source).toBe('auto');
			expect(Number(c.confidence)).toBeGreaterThan(0);
		}
		expect(r3.map((c) => c.category)).toContain('policy');
		const shown = r.autoCategories.filter((c) => c.recommendation_id === 'DHR-K1-R3');
		expect(shown.map((c) => c.category)).toEqual(r3.map((c) => c.category));
		for (const s of shown) {
			expect(s.reasons.length).toBeGreaterThan(0);
			expect(typeof s.check).toBe('boolean');
		}
		// An unknown name is reported (file, row, column, value) and not kept; the recommendation is then tagged.
		const p = r.problems.find((x) => x.value === 'Quality assurance');
		expect(p).toMatchObject({ file: 'kinds.csv', column: 'Kind of change', blocking: false });
		expect(p?.problem).toMatch(/not one of the Home Office's eight recommendation categories/);
		expect(of('DHR-K1-R4').every((c) => c.source === 'auto')).toBe(true);
		// Themes: coded where given, else tagged (with a confidence where the tagger gives one).
		expect(r.tables.recommendation_themes.filter((t) => t.recommendation_id === 'DHR-K1-R1')).toEqual([{ recommendation_id: 'DHR-K1-R1', theme: 'coercive_control', source: 'coded' }]);
	});

	it('stores a corrected recommendation as corrected: the kinds kept and added, none removed', async () => {
		const plain = await run();
		const first = plain.autoCategories.filter((c) => c.recommendation_id === 'DHR-K1-R3').map((c) => c.category);
		const r = await run({ categoryEdits: { 'DHR-K1-R3': { remove: [first[0]], add: ['training', 'not_a_kind'] } } });
		const kept = r.tables.recommendation_categories.filter((c) => c.recommendation_id === 'DHR-K1-R3');
		expect(kept.map((c) => c.category).sort()).toEqual([...first.slice(1).filter((c) => c !== 'training'), 'training'].sort());
		for (const c of kept) expect(c).toMatchObject({ source: 'corrected', confidence: null });
		// What the page lists is still the tagger's suggestion.
		expect(r.autoCategories).toEqual(plain.autoCategories);
	});

	it('loads into the engine with the kinds of change', async () => {
		const r = await run();
		await loadImport(engine, r);
		const rows = await engine.query<{ source: string; n: number }>('SELECT source, count(*) AS n FROM recommendation_categories GROUP BY ALL ORDER BY 1');
		expect(rows.find((x) => x.source === 'coded')?.n).toBe(4);
		expect(rows.find((x) => x.source === 'auto')?.n).toBeGreaterThan(0);
	});

	it('refit: the tagger refitted on the coded recommendations in the worker tags the rest, said in the report and kept in meta', async () => {
		const r = await run({ refit: true });
		expect(r.codedRecommendations).toBe(2);
		expect(r.tagger).toEqual({ refitted_on: 2 });
		expect(r.meta.tagger?.refitted_on).toBe(2);
		expect(r.problems.some((p) => /refitted on the 2 recommendations/.test(p.problem))).toBe(true);
		expect(r.tables.recommendation_categories.filter((c) => c.source === 'auto').length).toBeGreaterThan(0);
		const plain = await run();
		expect(plain.tagger).toBeNull();
		expect(plain.meta.tagger).toBeUndefined();
	});

	it('a model refitted on the coded recommendations can tag the rest', async () => {
		const model = refitModel([
			{ text: 'Kestlebury Police should train all response officers to recognise coercive control.', categories: ['training', 'identification_of_risk'] },
			{ text: 'The Partnership should agree an information sharing protocol with housing providers.', categories: ['multi_agency_working', 'policy'] }
		]);
		const r = await run({ tagger: model });
		expect(r.tables.recommendation_categories.filter((c) => c.recommendation_id === 'DHR-K1-R3').length).toBeGreaterThan(0);
	});
});
