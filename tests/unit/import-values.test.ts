/** The import library's pure helpers, table-driven: dates, status words, mapping, agencies, themes, report CSV. */
import { describe, expect, it } from 'vitest';
import {
	agencyMatcher,
	autoThemes,
	isPlaceholder,
	mappingKey,
	parseDate,
	reportCsv,
	statusOf,
	suggestMapping,
	themeIdsOf
} from '$lib/import';

describe('parseDate', () => {
	const cases: [string | number, 'first' | 'last', string | null, string?][] = [
		['05/04/2023', 'first', '2023-04-05'],
		['5/4/23', 'first', '2023-04-05'],
		['05.04.2023', 'first', '2023-04-05'],
		['2023-04-05', 'first', '2023-04-05'],
		['2023-04-05T10:30:00', 'first', '2023-04-05'],
		[45021, 'first', '2023-04-05'],
		['45021', 'first', '2023-04-05'],
		['Sept 2021', 'first', '2021-09-01', 'month'],
		['Sept 2021', 'last', '2021-09-30', 'month'],
		['September 2018', 'first', '2018-09-01', 'month'],
		['Feb-24', 'last', '2024-02-29', 'month'],
		['Q3 2022', 'first', '2022-07-01', 'quarter'],
		['Q3 2022', 'last', '2022-09-30', 'quarter'],
		['2022 Q1', 'last', '2022-03-31', 'quarter'],
		['Q4 2022/23', 'last', '2023-03-31', 'quarter'],
		['Q1 2022/23', 'first', '2022-04-01', 'quarter'],
		['2020', 'last', '2020-12-31', 'year'],
		['31/02/2023', 'first', null],
		['next spring', 'first', null],
		['Septober 2021', 'first', null]
	];
	it.each(cases)('parseDate(%j, %s) is %s', (input, end, iso, precision) => {
		const r = parseDate(input, end);
		expect(r.iso).toBe(iso);
		if (precision) expect(r.precision).toBe(precision);
		if (iso === null) expect(r.error).toBeTruthy();
	});
});

describe('statusOf maps the words of issue 4 exactly', () => {
	const cases: [string, string | null][] = [
		['Complete', 'completed'], ['Completed', 'completed'], ['Done', 'completed'], ['Closed', 'completed'], ['Achieved', 'completed'], ['Blue', 'completed'],
		// A RAG colour says whether an open action is on track: Green, Amber and Red are all still open.
		['GREEN', 'in progress'], ['G', 'in progress'], ['Amber', 'in progress'], ['Red', 'in progress'],
		['In progress', 'in progress'], ['on track', 'in progress'], ['Ongoing', 'in progress'], ['Partially met', 'in progress'],
		['Not started', 'not started'], ['Outstanding', 'not started'],
		['Not accepted', 'not accepted'], ['Rejected', 'not accepted'], ['Declined', 'not accepted'], ['Superseded', 'not accepted'],
		['Waiting', null], ['Purple', null]
	];
	it.each(cases)('%s -> %s', (word, code) => expect(statusOf(word)).toBe(code));
	it('uses the user mapping for unknown words', () => expect(statusOf('Waiting', { waiting: 'not started' })).toBe('not started'));
});

describe('placeholders', () => {
	it.each(['TBC', 'tbc ', 'N/A', 'n/a', 'NA', 'ongoing', 'To be confirmed', '-'])('%j is a placeholder', (w) => expect(isPlaceholder(w)).toBe(true));
	it.each(['Training records', '2021', 'Nation'])('%j is not', (w) => expect(isPlaceholder(w)).toBe(false));
});

describe('suggestMapping', () => {
	const cases: [string, string | null][] = [
		['Lead agency', 'actions.lead_agency'],
		['Organisation', 'actions.lead_agency'],
		['Target date', 'actions.target_date'],
		['Due date', 'actions.target_date'],
		['Deadline', 'actions.target_date'],
		['Timescale', 'actions.target_date'],
		['Status', 'actions.status'],
		['RAG', 'actions.status'],
		['Progress', 'actions.status'],
		['Rec no', 'recommendations.rec_number'],
		['Recommendation number', 'recommendations.rec_number'],
		['Recommendation No.', 'recommendations.rec_number'],
		['  LEAD_AGENCY: ', 'actions.lead_agency'],
		['Date completed', 'actions.completed_date'],
		['Shoe size', null]
	];
	it.each(cases)('a tracker column %j maps to %s', (header, target) => {
		// Beside an action column, as in a tracker.
		expect(suggestMapping(['Action', header]).columns[1].target).toBe(target);
	});
	it('"Agency" is the action lead agency in a tracker, the recommendation agency in a recommendations file', () => {
		expect(suggestMapping(['Action', 'Status', 'Agency']).columns[2].target).toBe('actions.lead_agency');
		expect(suggestMapping(['recommendation_id', 'text', 'scope', 'agency']).columns[3].target).toBe('recommendations.agency');
	});
	it('"completed_date" is the review date in a reviews file', () => {
		expect(suggestMapping(['review_id', 'partnership', 'completed_date']).columns[2].target).toBe('reviews.completed_date');
	});
	it('gives each target to one column only', () => {
		const m = suggestMapping(['Status', 'RAG']);
		expect(m.columns.map((c) => c.target)).toEqual(['actions.status', null]);
	});
	it('is JSON-serialisable and keyed by the headers', () => {
		const m = suggestMapping(['Rec no', 'Action']);
		expect(JSON.parse(JSON.stringify(m))).toEqual(m);
		expect(m.key).toBe(mappingKey(['rec  NO', 'action']));
		expect(m.key).not.toBe(mappingKey(['Action', 'Rec no']));
	});
});

describe('agencyMatcher', () => {
	it('forgives case, punctuation, "&" and a leading "The", keeps and lists the rest', () => {
		const m = agencyMatcher(['Marlshire Police', 'Health & Care Trust']);
		expect(m.match('MARLSHIRE POLICE.')).toBe('Marlshire Police');
		expect(m.match('The Health and Care Trust')).toBe('Health & Care Trust');
		expect(m.match('Marlshire Constabulary')).toBe('Marlshire Constabulary');
		expect(m.unknown()).toEqual(['Marlshire Constabulary']);
	});
});

describe('autoThemes', () => {
	it('tags from keywords at a word start and returns the words', () => {
		expect(autoThemes('Agencies to train staff on coercive control.')).toEqual([
			{ theme: 'coercive_control', words: ['coercive control'] },
			{ theme: 'workforce_training', words: ['train'] }
		]);
	});
	it('does not match inside a word', () => expect(autoThemes('A constrained budget.')).toEqual([]));
	it('reads coded theme cells by id or label', () =>
		expect(themeIdsOf('Information sharing; marac, Astrology')).toEqual({ ids: ['information_sharing', 'marac'], unknown: ['Astrology'] }));
});

describe('reportCsv', () => {
	it('writes every field, quotes where needed and neutralises formulas', () => {
		const csv = reportCsv([
			{ file: 'a.csv', row: 3, column: 'Status', value: '=HYPERLINK("x")', problem: 'Status "x", unknown', blocking: true },
			{ file: 'b.xlsx', sheet: 'Tracker', problem: 'Empty row', blocking: false }
		]);
		expect(csv).toBe(
			'file,sheet,row,column,value,problem,blocking\r\n' +
				'a.csv,,3,Status,"\'=HYPERLINK(""x"")","Status ""x"", unknown",yes\r\n' +
				'b.xlsx,Tracker,,,,Empty row,no\r\n'
		);
	});
});
