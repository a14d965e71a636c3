/**
 * The kind-of-change queries (src/lib/queries/categories.ts) on a small dataset counted by hand,
 * run against the real DuckDB-WASM engine under Node.
 *
 * review year partnership  recommendation  agency   kinds of change (source)                themes
 * C1     2019 North        C1-1            Police   training, policy (coded)                coercive_control
 *                          C1-2            CSP      multi_agency_working (coded)            information_sharing, marac
 * C2     2020 South        C2-1            Police   training (auto, 0.62)                   risk_assessment
 * C3     2020 North        C3-1            Housing  policy (corrected)                      housing
 *                          C3-2            Police   identification_of_risk, training        risk_assessment
 * C4     —    North        C4-1            Police   other (coded)                           (none)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { categoryAgencyMix, categoryTopicMatrix, categoryTotals, categoryYearMix } from '$lib/queries/categories';
import { filterOptions } from '$lib/queries/options';
import { filtersWith, loadFixture } from './helpers/fixture';

const AS_AT = '2022-06-30';
let engine: Engine;

const review = (id: string, year: number | null, partnership: string) => ({
	review_id: id,
	review_type: 'DHR',
	partnership,
	completed_date: year == null ? null : `${year}-05-20`
});
const rec = (id: string, agency: string) => ({ recommendation_id: id, review_id: id.split('-')[0], agency, text: `Recommendation ${id}` });
const cat = (recommendation_id: string, category: string, source = 'coded', confidence: number | null = null) => ({ recommendation_id, category, source, confidence });
const theme = (recommendation_id: string, t: string) => ({ recommendation_id, theme: t, source: 'coded' });

beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, {
		reviews: [review('C1', 2019, 'North'), review('C2', 2020, 'South'), review('C3', 2020, 'North'), review('C4', null, 'North')],
		recommendations: [rec('C1-1', 'Police'), rec('C1-2', 'CSP'), rec('C2-1', 'Police'), rec('C3-1', 'Housing'), rec('C3-2', 'Police'), rec('C4-1', 'Police')],
		recommendation_categories: [
			cat('C1-1', 'training'),
			cat('C1-1', 'policy'),
			cat('C1-2', 'multi_agency_working'),
			cat('C2-1', 'training', 'auto', 0.62),
			cat('C3-1', 'policy', 'corrected'),
			cat('C3-2', 'identification_of_risk'),
			cat('C3-2', 'training'),
			cat('C4-1', 'other')
		],
		recommendation_themes: [
			theme('C1-1', 'coercive_control'),
			theme('C1-2', 'information_sharing'),
			theme('C1-2', 'marac'),
			theme('C2-1', 'risk_assessment'),
			theme('C3-1', 'housing'),
			theme('C3-2', 'risk_assessment')
		]
	});
});
afterAll(() => engine?.close());

describe('categoryTotals', () => {
	it('counts recommendations per kind of change, several per recommendation, and those tagged automatically', async () => {
		const t = await categoryTotals(engine, filtersWith(), AS_AT);
		expect(t.recommendations).toBe(6);
		expect(t.without).toBe(0);
		expect(t.all_auto).toBe(1);
		expect(t.categories.map((c) => c.category)).toEqual(['technology_systems', 'identification_of_risk', 'training', 'policy', 'multi_agency_working', 'record_keeping', 'awareness_raising', 'other']);
		const by = Object.fromEntries(t.categories.map((c) => [c.category, [c.recommendations, c.auto]]));
		expect(by).toEqual({ technology_systems: [0, 0], identification_of_risk: [1, 0], training: [3, 1], policy: [2, 0], multi_agency_working: [1, 0], record_keeping: [0, 0], awareness_raising: [0, 0], other: [1, 0] });
		expect(t.categories.find((c) => c.category === 'training')!.share).toBeCloseTo(50, 10);
	});

	it('a kind-of-change filter keeps recommendations with any chosen kind (and their other kinds)', async () => {
		const t = await categoryTotals(engine, filtersWith({}, { category: ['training'] }), AS_AT);
		expect(t.recommendations).toBe(3);
		expect(Object.fromEntries(t.categories.filter((c) => c.recommendations).map((c) => [c.category, c.recommendations]))).toEqual({ identification_of_risk: 1, training: 3, policy: 1 });
	});

	it('answers to the other filters: partnership, theme', async () => {
		const north = await categoryTotals(engine, filtersWith({}, { partnership: ['North'] }), AS_AT);
		expect(north.recommendations).toBe(5);
		const risk = await categoryTotals(engine, filtersWith({}, { theme: ['risk_assessment'] }), AS_AT);
		expect(Object.fromEntries(risk.categories.filter((c) => c.recommendations).map((c) => [c.category, c.recommendations]))).toEqual({ identification_of_risk: 1, training: 2 });
	});
});

describe('categoryYearMix', () => {
	it('gives each kind of change per year as a share of the year\'s recommendations, zeros and the undated apart', async () => {
		const m = await categoryYearMix(engine, filtersWith(), AS_AT);
		expect(m.years).toEqual([
			{ year: 2019, recommendations: 2 },
			{ year: 2020, recommendations: 3 }
		]);
		expect(m.recommendations).toBe(5);
		expect(m.without_year).toBe(1);
		expect(m.cells).toHaveLength(8 * 2);
		const training = m.cells.filter((c) => c.category === 'training');
		expect(training.map((c) => [c.year, c.recommendations, c.in_year])).toEqual([[2019, 1, 2], [2020, 2, 3]]);
		expect(training[0].share).toBe(50);
		expect(m.categories.find((c) => c.id === 'training')!.recommendations).toBe(3);
		expect(m.categories.find((c) => c.id === 'other')!.recommendations).toBe(0); // C4-1 has no year
	});
});

describe('categoryAgencyMix', () => {
	it('gives the agencies with most recommendations first, every kind of change of each', async () => {
		const m = await categoryAgencyMix(engine, filtersWith(), AS_AT);
		expect(m.agencies).toEqual([
			{ agency: 'Police', recommendations: 4 },
			{ agency: 'CSP', recommendations: 1 },
			{ agency: 'Housing', recommendations: 1 }
		]);
		expect(m.agency_count).toBe(3);
		const police = Object.fromEntries(m.cells.filter((c) => c.agency === 'Police' && c.recommendations).map((c) => [c.category, c.recommendations]));
		expect(police).toEqual({ identification_of_risk: 1, training: 3, policy: 1, other: 1 });
		const top1 = await categoryAgencyMix(engine, filtersWith(), AS_AT, 1);
		expect(top1.agencies.map((a) => a.agency)).toEqual(['Police']);
		expect(top1.agency_count).toBe(3);
		const chosen = await categoryAgencyMix(engine, filtersWith({}, { agency: ['Housing'] }), AS_AT);
		expect(chosen.agencies).toEqual([{ agency: 'Housing', recommendations: 1 }]);
	});
});

describe('categoryTopicMatrix', () => {
	it('counts recommendations with both a theme and a kind of change, per pair', async () => {
		const m = await categoryTopicMatrix(engine, filtersWith(), AS_AT);
		expect(m.recommendations).toBe(5);
		expect(m.themes.map((t) => [t.id, t.recommendations])).toEqual([
			['risk_assessment', 2],
			['marac', 1],
			['information_sharing', 1],
			['coercive_control', 1],
			['housing', 1]
		]);
		const cell = (t: string, c: string) => m.cells.find((x) => x.theme === t && x.category === c)!.recommendations;
		expect(cell('risk_assessment', 'training')).toBe(2);
		expect(cell('risk_assessment', 'identification_of_risk')).toBe(1);
		expect(cell('coercive_control', 'policy')).toBe(1);
		expect(cell('housing', 'training')).toBe(0);
		expect(m.categories.find((c) => c.id === 'other')!.recommendations).toBe(0); // C4-1 has no theme
		expect(m.cells).toHaveLength(5 * 8);
	});
});

describe('filter options', () => {
	it('list the kinds of change with their recommendations under the other filters', async () => {
		const o = await filterOptions(engine, filtersWith({}, { partnership: ['South'] }), AS_AT);
		expect(o.category).toEqual([{ value: 'training', n: 1 }]);
	});
});

describe('names written other usual ways', () => {
	it('reads aliases of categories and topics, and still knows nothing it should not', async () => {
		const { categoryId, topicId } = await import('$lib/model/categories');
		expect(['Technology and systems', 'Risk identification', 'Partnership working', 'Record-keeping', 'Raising awareness', 'Policies and procedures'].map(categoryId)).toEqual([
			'technology_systems', 'identification_of_risk', 'multi_agency_working', 'record_keeping', 'awareness_raising', 'policy'
		]);
		expect(['MARAC', 'Older people', 'Substance use', 'Suicide'].map(topicId)).toEqual(['risk_assessment_marac', 'older_carers', 'substance_misuse', 'suicide_risk']);
		expect(categoryId('housing')).toBeUndefined();
	});
});
