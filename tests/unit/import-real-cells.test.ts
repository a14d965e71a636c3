/**
 * Cells as real trackers write them: a status cell that says more than its status ("Complete –
 * evidence received", "Green: on track"), a status column holding progress notes, and
 * recommendations numbered at the level of their actions ("1.1", "1.2"), and RAG ratings kept as
 * cell colours with no word in the cell. Each is read, and what was
 * guessed is said; nothing that was a status word before reads differently.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '$lib/import';
import { dottedNumberOf, isProgressNote, ragMeaningOf, statusOf, statusReading } from '$lib/import/values';
import { ragOfColour, ragStyles } from '$lib/import/xlsx-fills';
import { makeXlsx } from '../fixtures/import/make-xlsx';

describe('a status cell read by its first words', () => {
	const cases: [string, string | null][] = [
		['Complete – evidence received', 'completed'],
		['Completed (March 2024)', 'completed'],
		['Completed 12/03/2024', 'completed'],
		['Completed March 2024', 'completed'],
		['COMPLETE - see update', 'completed'],
		['Closed. Evidence submitted to the board', 'completed'],
		['Green: on track', 'in progress'],
		['Green on track', 'in progress'],
		['Amber – delayed by staffing', 'in progress'],
		['Ongoing - training booked', 'in progress'],
		['Not started – awaiting the new policy', 'not started'],
		['Action complete', 'completed'],
		['Fully implemented', 'completed'],
		['Yellow', 'in progress'],
		['Amber/Green', 'in progress'],
		// Not a status followed by a note: an instruction, or two statuses that disagree.
		['Complete the audit by March', null],
		['Red – not started', null],
		['Not complete', null],
		['Completely new approach', null]
	];
	it.each(cases)('%s -> %s', (cell, code) => expect(statusOf(cell)).toBe(code));
	it('says when only the first words were read', () => {
		expect(statusReading('Complete')).toMatchObject({ status: 'completed', whole: true });
		expect(statusReading('Complete – evidence received')).toMatchObject({ status: 'completed', phrase: 'complete', whole: false });
	});
	it('reads the RAG meaning of a cell that begins with a colour', () => {
		expect(ragMeaningOf('Amber – delayed by staffing')).toBe('at risk');
		expect(ragMeaningOf('Green')).toBe('on track');
		expect(ragMeaningOf('Complete')).toBeUndefined();
	});
	it('a user mapping of the whole cell wins over the first words', () =>
		expect(statusOf('Complete – awaiting evidence', { 'complete awaiting evidence': 'in progress' })).toBe('in progress'));
});

describe('progress notes and action-level numbers', () => {
	it('a progress note has several words and no status', () => {
		expect(isProgressNote('Training delivered to 120 staff; audit due in June')).toBe(true);
		expect(isProgressNote('Waiting')).toBe(false);
		expect(isProgressNote('Complete – training delivered to all staff')).toBe(false);
	});
	it('reads "1.1", "Rec 2.3" and a number cell 2.3 as the recommendation and its part', () => {
		expect(dottedNumberOf('1.1')).toEqual({ number: 1, part: '1' });
		expect(dottedNumberOf('Rec 2.3')).toEqual({ number: 2, part: '3' });
		expect(dottedNumberOf(2.3)).toEqual({ number: 2, part: '3' });
		expect(dottedNumberOf('3')).toBeNull();
		expect(dottedNumberOf(3)).toBeNull();
	});
});

const csv = (lines: string[]) => ({ name: 'Eastvale CSP tracker.csv', bytes: new TextEncoder().encode(lines.join('\n') + '\n') });

describe('a tracker written the way boards write them', () => {
	it('reads status notes and action-level numbers, reports each guess, and blocks nothing', async () => {
		const r = await importFiles(
			[
				csv([
					'Review,Rec No,Recommendation,Action,Lead agency,Target date,Progress,Date completed',
					'EV-01,1.1,GPs should ask about abuse when a patient presents with anxiety.,Add a prompt to the template,Eastvale GP Federation,31/03/2025,Complete – prompt live in all practices,14/02/2025',
					'EV-01,1.2,,Brief practice staff at the learning event,Eastvale GP Federation,30/06/2025,Learning event held for 40 staff; second event booked for September,',
					'EV-01,2.1,Police should record the children present at every call-out.,Change the call-out form,Eastvale Police,31/12/2025,Green: on track,',
					'EV-01,2.2,Police should check the history of both parties before closing a call.,Brief response officers,Eastvale Police,31/12/2025,Waiting,'
				])
			],
			{ asAt: '2025-09-30', statusWords: { waiting: 'not started' } }
		);
		expect(r.blocking).toBe(false);
		expect(r.tables.recommendations.map((x) => [x.recommendation_id, x.rec_number])).toEqual([
			['EV-01-R1', 1],
			['EV-01-R2', 2],
			['EV-01-R2.2', 2]
		]);
		expect(r.tables.actions.map((a) => [a.recommendation_id, a.status])).toEqual([
			['EV-01-R1', 'completed'],
			['EV-01-R1', 'in progress'],
			['EV-01-R2', 'in progress'],
			['EV-01-R2.2', 'not started']
		]);
		expect(String(r.tables.actions[1].evidence)).toBe('Progress: Learning event held for 40 staff; second event booked for September');
		const said = r.problems.map((p) => p.problem).join('\n');
		expect(said).toMatch(/read as completed from its first words \("complete"\)/);
		expect(said).toMatch(/progress note, not a status word: read as in progress/);
		expect(said).toMatch(/4 row\(s\) number the recommendation at action level \("1\.1"\): read as actions of recommendation 1/);
		expect(said).toMatch(/1 of them have a text of their own/);
		const guessed = r.statusWords.filter((w) => w.guessed).map((w) => [w.word, w.mapped, w.guessed]);
		expect(guessed).toEqual(expect.arrayContaining([
			['Complete – prompt live in all practices', 'completed', 'its first words'],
			['Learning event held for 40 staff; second event booked for September', 'in progress', 'a progress note']
		]));
	});
	it('reads "1.1 …" at the start of a recommendation as its number, and keeps sub-recommendations with their own text apart', async () => {
		const r = await importFiles(
			[
				csv([
					'Review,Recommendation,Action,Status',
					'EV-02,1.1 Housing should ask about abuse at every tenancy visit.,Add the question to the visit form,Complete',
					'EV-02,1.2 Housing should refer tenants who disclose abuse to the local service.,Publish the referral route,In progress',
					'EV-02,2. Schools should train designated leads.,Deliver the course,Not started'
				])
			],
			{ asAt: '2025-09-30' }
		);
		expect(r.blocking).toBe(false);
		expect(r.tables.recommendations.map((x) => [x.recommendation_id, x.rec_number, String(x.text).slice(0, 16)])).toEqual([
			['EV-02-R1', 1, 'Housing should a'],
			['EV-02-R1.2', 1, 'Housing should r'],
			['EV-02-R2', 2, 'Schools should t']
		]);
	});
});

describe('RAG ratings kept as cell colours', () => {
	it('knows the colours trackers use, and not greys, whites or pale header blues', () => {
		const cases: [string, string | null][] = [
			['FF0000', 'red'], ['C00000', 'red'], ['FFC7CE', 'red'], // Excel's "Bad"
			['FFC000', 'amber'], ['FFFF00', 'amber'], ['FFEB9C', 'amber'], ['ED7D31', 'amber'],
			['00B050', 'green'], ['92D050', 'green'], ['C6EFCE', 'green'], // Excel's "Good"
			['0070C0', 'blue'], ['00B0F0', 'blue'],
			['FFFFFF', null], ['D9D9D9', null], ['000000', null], ['DDEBF7', null], ['BDD7EE', null], ['7030A0', null]
		];
		for (const [hex, rag] of cases) expect([hex, ragOfColour(hex)]).toEqual([hex, rag]);
		// The Office theme's accent 6 (green) lightened by 40%, and indexed 10 (red).
		expect(ragOfColour('70AD47', 0.4)).toBe('green');
		const styles = ragStyles('<fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="solid"><fgColor indexed="10"/></patternFill></fill></fills><cellXfs><xf fillId="0"/><xf fillId="1"/></cellXfs>');
		expect([...styles]).toEqual([[1, 'red']]);
	});
	it('reads an empty, coloured status cell by its colour, says so, and lets the user say what a colour means', async () => {
		const header = ['Review', 'Rec', 'Recommendation', 'Action', 'Lead agency', 'Target date', 'RAG', 'Date completed'];
		const rows = [
			header,
			['WV-01', 1, 'Police should check both parties\' histories before closing a call.', 'Brief officers', 'Westvale Police', '31/03/2025', null, '01/03/2025'],
			['WV-01', 1, null, 'Audit closed calls', 'Westvale Police', '30/06/2025', null, null],
			['WV-01', 2, 'Housing should ask about abuse at tenancy visits.', 'Add the question', 'Westvale Homes', '31/12/2025', null, null],
			['WV-01', 2, null, 'Train visiting staff', 'Westvale Homes', '31/12/2025', 'Amber', null]
		];
		const file = { name: 'Westvale CSP tracker.xlsx', bytes: makeXlsx([{ name: 'Tracker', rows, fills: { G2: '00B050', G3: 'FF0000', G4: 'theme:9:0.4', G5: 'FFC000' } }]) };
		const r = await importFiles([file], { asAt: '2025-09-30' });
		expect(r.blocking).toBe(false);
		// Green with a completion date is done; red and the pale theme green are open; the word "Amber" is read as a word.
		expect(r.tables.actions.map((a) => a.status)).toEqual(['completed', 'in progress', 'in progress', 'in progress']);
		expect(r.problems.map((p) => p.problem).join('\n')).toMatch(/3 status cell\(s\) hold no word but are coloured \(2 green, 1 red\)/);
		expect(r.statusWords.map((w) => [w.word, w.mapped, w.guessed])).toEqual(
			expect.arrayContaining([
				['Green (cell colour)', 'in progress', 'its cell colour'],
				['Red (cell colour)', 'in progress', 'its cell colour']
			])
		);
		// A board whose green means done says so once, for every green cell.
		const mine = await importFiles([file], { asAt: '2025-09-30', statusWords: { 'green cell colour': 'completed' } });
		expect(mine.tables.actions.map((a) => a.status)).toEqual(['completed', 'in progress', 'completed', 'in progress']);
	});
});

describe('headers as real trackers write them', () => {
	it('maps the long and short forms boards use', async () => {
		const { suggestMapping } = await import('$lib/import/mapping');
		const cases: [string, string][] = [
			['Completed Y/N', 'actions.completed_date'], ['Date action completed', 'actions.completed_date'], ['Actual completion date', 'actions.completed_date'], ['Date closed', 'actions.completed_date'],
			['Current RAG rating', 'actions.status'], ['Date due', 'actions.target_date'], ['Revised target date', 'actions.target_date'], ['Date of update', 'actions.last_updated'],
			['Accountable agency', 'actions.lead_agency'], ['Single/multi agency', 'recommendations.scope'], ['Date report published', 'reviews.published_date'],
			['Date DHR commissioned', 'reviews.commissioned_date'], ['Key actions', 'actions.description'], ['SMART action', 'actions.description']
		];
		for (const [h, t] of cases) expect([h, suggestMapping([h]).columns[0].target]).toEqual([h, t]);
	});
	it('reads "Completed Y/N" as done or not when there is no status', async () => {
		const r = await importFiles(
			[
				csv([
					'Review,Recommendation,Action,Target date,Completed Y/N',
					'EV-03,Probation should check addresses before release.,Add the check,31/03/2025,Yes',
					'EV-03,Probation should check addresses before release.,Audit the check,30/09/2025,No'
				])
			],
			{ asAt: '2025-09-30' }
		);
		expect(r.blocking).toBe(false);
		expect(r.tables.actions.map((a) => [a.status, a.completed_date])).toEqual([
			['completed', null],
			['not started', null]
		]);
		expect(r.problems.map((p) => p.problem).join('\n')).toMatch(/No status; the completion column says "Yes": read as completed \(no completion date\)/);
	});
});
