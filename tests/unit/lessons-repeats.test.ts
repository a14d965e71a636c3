/**
 * Repeated lessons: the finder (src/lib/lessons/repeats.ts) on recommendations with known repeats
 * (written below, with the answers), the words and choices of the view (src/lib/views/lessons.ts),
 * and the query (src/lib/queries/lessons.ts) run in a real DuckDB on the small fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	contentStems,
	findLessons,
	findLessonsInSlices,
	jaccardAtLeast,
	jaccardSorted,
	textSimilarity,
	themeAgencyLessons,
	wordingLessons,
	WORDING_THRESHOLD,
	type Lesson,
	type RepeatInput
} from '$lib/lessons/repeats';
import {
	agencyList,
	completionText,
	lessonHeadline,
	lessonTitle,
	listLessons,
	loadChoices,
	saveChoice,
	withheldText,
	yearSpan,
	CHOICES_KEY
} from '$lib/views/lessons';
import { lessonRecommendations } from '$lib/queries/lessons';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { filtersWith, loadFixture } from './helpers/fixture';
import { AS_AT, SMALL } from './helpers/small';

/**
 * Recommendations with known repeats, for the repeat finder (written as the query returns them).
 *
 * id  review year agency                 themes           text (gist)
 * P1  R1     2015 Marlshire Police       risk_assessment  DASH risk assessment with the victim seen alone
 * P2  R2     2017 Fenmoor Constabulary   risk_assessment  the same ask of another police force, other opener and a closing sentence
 * P3  R3     2020 Marlshire Police       risk_assessment  the same ask, other opener
 * P4  R1     2015 Marlshire Police       marac            refer high-risk victims to MARAC
 * P5  R1     2015 Marlshire Police       marac            P4 reworded, but in the SAME review: no lesson
 * P6  R4     2024 Marlshire Police       training         P1's ask, but no shared theme: not compared
 * P7  R5     2016 Marlshire Police       risk_assessment  a different ask (supervisor checks)
 * P8  R6     2017 Marlshire Police       risk_assessment  a different ask (stalking)
 * H1  R2     2017 Dallow Housing         housing          ask about abuse at tenancy visits
 *
 * The same change in any words: one lesson, P1 + P2 + P3: 3 reviews, 2015-2020.
 * Same theme and agency within 3 years: one lesson, risk_assessment / Marlshire Police 2015-2017:
 * P1 + P7 + P8 (3 reviews); P3 (2020) starts a window of its own with one review: no lesson.
 */
const rec = (
	recommendation_id: string,
	review_id: string,
	year: number,
	agency: string,
	themes: string[],
	text: string,
	[actions, completed, open, overdue]: number[] = [0, 0, 0, 0]
): RepeatInput => ({ recommendation_id, review_id, year, rec_number: Number(recommendation_id.slice(1)), agency, themes, text, actions, completed, open, overdue });

const LESSON_RECS: RepeatInput[] = [
	rec('P1', 'R1', 2015, 'Marlshire Police', ['risk_assessment'], 'Marlshire Police should ensure that officers complete a DASH risk assessment with the victim seen alone at every domestic abuse incident.', [2, 1, 1, 1]),
	rec('P2', 'R2', 2017, 'Fenmoor Constabulary', ['risk_assessment'], 'The Fenmoor Constabulary must make sure that staff complete a DASH risk assessment with the victim seen alone at every domestic abuse disclosure. Progress should be reported within six months.', [3, 3, 0, 0]),
	rec('P3', 'R3', 2020, 'Marlshire Police', ['risk_assessment'], 'Within twelve months, Marlshire Police should make sure officers complete a DASH risk assessment with the victim seen alone at each domestic abuse incident.', [1, 0, 1, 0]),
	rec('P4', 'R1', 2015, 'Marlshire Police', ['marac'], 'Marlshire Police should refer every high-risk victim to MARAC and attend every MARAC meeting.'),
	rec('P5', 'R1', 2015, 'Marlshire Police', ['marac'], 'Marlshire Police should refer each high-risk victim to MARAC and attend each MARAC meeting.'),
	rec('P6', 'R4', 2024, 'Marlshire Police', ['training'], 'Marlshire Police should ensure that officers complete a DASH risk assessment with the victim seen alone at every domestic abuse incident, and train them.'),
	rec('P7', 'R5', 2016, 'Marlshire Police', ['risk_assessment'], 'Marlshire Police should ask a supervisor to check the grading of every standard risk case before the end of the shift.', [1, 1, 0, 0]),
	rec('P8', 'R6', 2017, 'Marlshire Police', ['risk_assessment'], 'Marlshire Police should treat stalking and threats to kill as markers of high danger.', [2, 0, 2, 2]),
	rec('H1', 'R2', 2017, 'Dallow Housing', ['housing'], 'Dallow Housing should ask about domestic abuse at every tenancy visit.')
];

const ids = (l: Lesson) => l.recommendations.map((r) => r.recommendation_id);

describe('similar wording', () => {
	it('groups the same ask made by different reviews into one lesson, its N and years from its recommendations', () => {
		const { lessons } = wordingLessons(LESSON_RECS);
		expect(lessons.map(ids)).toEqual([['P1', 'P2', 'P3']]);
		const [l] = lessons;
		expect(l).toMatchObject({ key: 'w:P1', kind: 'wording', reviews: 3, firstYear: 2015, lastYear: 2020 });
		expect(l.agencies).toEqual(['Marlshire Police', 'Fenmoor Constabulary']);
		expect([l.actions, l.completed, l.open, l.overdue]).toEqual([6, 4, 2, 1]);
	});

	it('a near-duplicate within one review is not a lesson (P4, P5)', () => {
		expect(textSimilarity(LESSON_RECS[3].text, LESSON_RECS[4].text)).toBeGreaterThanOrEqual(WORDING_THRESHOLD);
		expect(wordingLessons(LESSON_RECS).lessons.flatMap(ids)).not.toContain('P4');
	});

	it('compares only recommendations that share a theme: P6 joins once it has the theme', () => {
		const withTheme = LESSON_RECS.map((r) => (r.recommendation_id === 'P6' ? { ...r, themes: ['training', 'risk_assessment'] } : r));
		const [l] = wordingLessons(withTheme).lessons;
		expect(ids(l)).toEqual(['P1', 'P2', 'P3', 'P6']);
		expect([l.reviews, l.firstYear, l.lastYear]).toEqual([4, 2015, 2024]);
	});

	it('the threshold decides: at 0.8, P2 (0.66 like P1 in the finder) is left out', () => {
		expect(textSimilarity(LESSON_RECS[0].text, LESSON_RECS[1].text, 'Marlshire Police', 'Fenmoor Constabulary')).toBeCloseTo(0.529, 3);
		expect(wordingLessons(LESSON_RECS, { threshold: 0.8 }).lessons.map(ids)).toEqual([['P1', 'P3']]);
	});

	it('does not depend on the order the rows arrive in', () => {
		const shuffled = [...LESSON_RECS].reverse();
		expect(wordingLessons(shuffled).lessons).toEqual(wordingLessons(LESSON_RECS).lessons);
		expect(themeAgencyLessons(shuffled).lessons).toEqual(themeAgencyLessons(LESSON_RECS).lessons);
	});

	it('a lesson is one ask: no chain of A like B like C where C is not like A (each member matches the first and every other)', () => {
		const r = (id: string, review: string, year: number, text: string): RepeatInput => ({ ...LESSON_RECS[0], recommendation_id: id, review_id: review, year, rec_number: 1, text });
		// B shares half its ask with A and half with C; C shares nothing with A.
		const A = r('A', 'RA', 2015, 'Marlshire Police should train officers to recognise coercive control and record the pattern of behaviour.');
		const B = r('B', 'RB', 2016, 'Marlshire Police should train officers to recognise coercive control and refer stalking victims to the MARAC.');
		const C = r('C', 'RC', 2017, 'Marlshire Police should refer stalking victims to the MARAC and attend every meeting.');
		const { lessons } = wordingLessons([A, B, C]);
		for (const l of lessons) {
			const members = ids(l);
			expect(members.includes('A') && members.includes('C'), members.join(',')).toBe(false);
			for (const m of l.matches ?? []) expect(m.similarity).toBeGreaterThanOrEqual(WORDING_THRESHOLD);
		}
	});

	it('says when it stopped comparing at the cap', () => {
		const r = wordingLessons(LESSON_RECS, { maxCandidates: 0 });
		expect(r.capped).toBeGreaterThan(0);
		expect(r.lessons).toEqual([]);
		expect(wordingLessons(LESSON_RECS).capped).toBe(0);
	});
});

describe('same theme and agency within 3 years', () => {
	it('one lesson per (theme, agency, window): P1, P7, P8 in 2015-2017; P3 (2020) alone is none', () => {
		const { lessons } = findLessons(LESSON_RECS, 'theme-agency');
		expect(lessons.map((l) => [l.key, ids(l), l.reviews, l.firstYear, l.lastYear])).toEqual([
			['t:risk_assessment|Marlshire Police|2015', ['P1', 'P7', 'P8'], 3, 2015, 2017]
		]);
		expect(lessons[0]).toMatchObject({ theme: 'risk_assessment', agency: 'Marlshire Police', actions: 5, completed: 2, open: 3, overdue: 3 });
	});

	it('a window spans its first year and the two after; the next starts at the first year left', () => {
		const years = [2015, 2017, 2018, 2019, 2021];
		const recs = years.map((y, i) => ({ ...LESSON_RECS[0], recommendation_id: `X${i}`, review_id: `V${i}`, year: y }));
		const { lessons } = themeAgencyLessons(recs);
		expect(lessons.map((l) => [l.firstYear, l.lastYear, l.reviews])).toEqual([
			[2018, 2019, 2],
			[2015, 2017, 2]
		]);
		// A wider window takes them all.
		expect(themeAgencyLessons(recs, { windowYears: 7 }).lessons.map((l) => l.reviews)).toEqual([5]);
	});
});

describe('the set arithmetic', () => {
	it.each([
		[[1, 2, 3], [1, 2, 3], 1],
		[[1, 2, 3], [4, 5], 0],
		[[1, 2, 3, 4], [3, 4, 5, 6], 2 / 6],
		[[], [], 0]
	])('jaccard(%j, %j) = %d', (a, b, j) => {
		expect(jaccardSorted(a, b)).toBeCloseTo(j, 10);
		expect(jaccardAtLeast(a, b, 0.3)).toBeCloseTo(j >= 0.3 ? j : 0, 10);
	});

	it('leaves out common words, numbers and the words of the agency addressed', () => {
		expect(contentStems('Marlshire Police should ensure that 12 officers are trained', 'Marlshire Police').sort()).toEqual(['offic', 'train']);
	});
});

describe('the view', () => {
	const [lesson] = wordingLessons(LESSON_RECS).lessons;

	it('says the lesson in words', () => {
		expect(lessonHeadline(lesson)).toBe('This lesson was made in 3 reviews between 2015 and 2020.');
		expect(yearSpan({ firstYear: 2019, lastYear: 2019 })).toBe('in 2019');
		expect(lessonTitle(lesson)).toBe(LESSON_RECS[0].text);
		expect(lessonTitle(themeAgencyLessons(LESSON_RECS).lessons[0])).toBe('Risk assessment (DASH): recommendations to Marlshire Police');
		expect(completionText(lesson, '2024-12-31')).toBe('Of 6 actions at 31 December 2024: 4 completed, 2 open (1 overdue).');
		expect(agencyList(['A', 'B', 'C'])).toBe('A, B and C');
		expect(agencyList(['A', 'B', 'C', 'D', 'E', 'F'], 4)).toBe('A, B, C, D and 2 more');
	});

	it('under protection, lists no lesson made in fewer than N reviews and says how many in protected words', () => {
		const two = { ...lesson, key: 'w:two', reviews: 2 };
		const all = [lesson, two];
		expect(listLessons(all, {}, false, null)).toEqual({ shown: all, dismissed: 0, withheld: 0 });
		const listed = listLessons(all, {}, false, { below: 3 });
		expect(listed.shown.map((l) => l.key)).toEqual(['w:P1']);
		expect(listed.withheld).toBe(1);
		expect(withheldText(1, { below: 3 })).toBe('<3 lesson made in fewer than 3 reviews is not listed: small-number protection is on.');
	});

	it('hides dismissed lessons unless asked, and counts them', () => {
		const two = { ...lesson, key: 'w:two' };
		const choices = { 'w:two': 'dismissed' as const, 'w:P1': 'confirmed' as const };
		expect(listLessons([lesson, two], choices, false, null)).toMatchObject({ shown: [lesson], dismissed: 1 });
		expect(listLessons([lesson, two], choices, true, null).shown).toEqual([lesson, two]);
	});

	it('keeps choices per dataset, clears one with null, and survives a damaged or refusing store', () => {
		const mem = new Map<string, string>();
		const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) };
		expect(saveChoice(storage, 'demo', 'w:P1', 'confirmed')).toEqual({ 'w:P1': 'confirmed' });
		saveChoice(storage, 'demo', 'w:two', 'dismissed');
		saveChoice(storage, 'other', 'w:P1', 'dismissed');
		expect(loadChoices(storage, 'demo')).toEqual({ 'w:P1': 'confirmed', 'w:two': 'dismissed' });
		expect(loadChoices(storage, 'other')).toEqual({ 'w:P1': 'dismissed' });
		expect(saveChoice(storage, 'demo', 'w:two', null)).toEqual({ 'w:P1': 'confirmed' });
		mem.set(CHOICES_KEY, '{not json');
		expect(loadChoices(storage, 'demo')).toEqual({});
		mem.set(CHOICES_KEY, JSON.stringify({ demo: { a: 'confirmed', b: 'maybe', c: 3 } }));
		expect(loadChoices(storage, 'demo')).toEqual({ a: 'confirmed' });
		const refusing = { getItem: () => null, setItem: () => { throw new Error('full'); } };
		expect(saveChoice(refusing, 'demo', 'w:P1', 'dismissed')).toEqual({ 'w:P1': 'dismissed' });
		expect(loadChoices(null, 'demo')).toEqual({});
	});
});

describe('the query', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await openNodeEngine();
		await loadFixture(engine, SMALL);
	});
	afterAll(() => engine?.close());

	it('gives each recommendation its year, themes and actions at the as-at date, oldest first', async () => {
		const rows = await lessonRecommendations(engine, filtersWith(), AS_AT);
		expect(rows.map((r) => [r.recommendation_id, r.year, r.agency, r.themes, r.actions, r.completed, r.open, r.overdue])).toEqual([
			['R1-1', 2018, 'Police', ['marac', 'risk_assessment'], 2, 1, 1, 1],
			['R1-2', 2018, 'CSP', ['information_sharing'], 1, 0, 1, 1],
			['R2-1', 2020, 'Health', ['mental_health'], 1, 1, 0, 0],
			['R2-2', 2020, 'Police', ['risk_assessment'], 1, 0, 0, 0],
			['R3-1', 2023, 'Housing', ['housing', 'risk_assessment'], 2, 0, 2, 1]
		]);
	});

	it('honours the shared filters (a theme; a period) and the as-at date', async () => {
		const risk = await lessonRecommendations(engine, filtersWith({}, { theme: ['risk_assessment'] }), AS_AT);
		expect(risk.map((r) => r.recommendation_id)).toEqual(['R1-1', 'R2-2', 'R3-1']);
		const late = await lessonRecommendations(engine, filtersWith({ from: 2020 }), AS_AT);
		expect(late.map((r) => r.recommendation_id)).toEqual(['R2-1', 'R2-2', 'R3-1']);
		// As at 2021-12-31 review R3 (2023) did not exist yet, and A2 was not yet overdue.
		const before = await lessonRecommendations(engine, filtersWith(), '2021-12-31');
		expect(before.map((r) => r.recommendation_id)).toEqual(['R1-1', 'R1-2', 'R2-1', 'R2-2']);
		expect(before[0].overdue).toBe(0);
	});

	it('the theme-agency rule finds Police / risk assessment in R1 (2018) and R2 (2020)', async () => {
		const rows = await lessonRecommendations(engine, filtersWith(), AS_AT);
		const { lessons } = themeAgencyLessons(rows);
		expect(lessons.map((l) => [l.key, l.reviews, l.firstYear, l.lastYear])).toEqual([['t:risk_assessment|Police|2018', 2, 2018, 2020]]);
	});
});

describe('in slices', () => {
	it('gives what the plain finder gives, for both rules, and stops when a newer search begins', async () => {
		const many = Array.from({ length: 9 * 700 }, (_, i) => ({ ...LESSON_RECS[i % 9], recommendation_id: `M${i}`, review_id: `V${i % 40}` }));
		for (const kind of ['wording', 'theme-agency'] as const) {
			expect(await findLessonsInSlices(many, kind, () => false, {}, 0)).toEqual(findLessons(many, kind));
		}
		let calls = 0;
		expect(await findLessonsInSlices(many, 'wording', () => ++calls > 1, {}, 0)).toBeNull();
	});
});
