/**
 * Real action-plan layouts (issue 14): the Home Office template (one review per sheet, title rows,
 * merged recommendation cells, no status column), one sheet of all reviews with a RAG column and no
 * partnership column, a recommendations sheet joined to an actions sheet by number, and a CSV whose
 * partnership is only in its file name. Each imports with exact numbers of reviews, recommendations,
 * actions and completed actions, through the library, the session the page's worker holds, and the CLI.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportSession, guessFileValues, importFiles, partnershipIn, reviewIn, type ImportResult } from '$lib/import';
import { readOutcome } from '$lib/import/outcome';
import { main } from '../../scripts/import';
import { allReviewsSheet, csvNoPartnership, templateWorkbook, twoSheetWorkbook, type LayoutFile } from '../fixtures/import/make-layouts';
import { actionPlanDocx } from '../fixtures/import/make-docx';
import { reportPdf } from '../fixtures/import/make-pdf';

const AS_AT = '2025-09-30';
const run = (f: LayoutFile, extra: Parameters<typeof importFiles>[1] = {}) => importFiles([f], { asAt: AS_AT, ...extra });
const figures = (r: ImportResult) => ({
	reviews: r.tables.reviews.length,
	recommendations: r.tables.recommendations.length,
	actions: r.tables.actions.length,
	completed: r.tables.actions.filter((a) => a.status === 'completed').length
});
const tmp = mkdtempSync(path.join(tmpdir(), 'dhr-layouts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the Home Office template, one review per sheet', () => {
	it('reads each review sheet as a review, skips the read-me and lookup sheets, and fills recommendations down', async () => {
		const r = await run(templateWorkbook());
		expect(r.blocking).toBe(false);
		expect(figures(r)).toEqual({ reviews: 3, recommendations: 6, actions: 10, completed: 4 });
		expect(r.tables.reviews.map((x) => [x.review_id, x.partnership])).toEqual([
			['DHR Adult A', 'Anytown Community Safety Partnership'],
			['DHR Mr C', 'Anytown Community Safety Partnership'],
			['Ms D', 'Anytown Community Safety Partnership']
		]);
		const skipped = r.problems.filter((p) => /has no column the data model knows: skipped/.test(p.problem)).map((p) => p.sheet);
		expect(skipped).toEqual(['Read me', 'Lists']);
		// The number at the start of a recommendation is its number, not part of its text.
		expect(r.tables.recommendations.slice(0, 3).map((x) => [x.recommendation_id, x.rec_number, String(x.text).slice(0, 20)])).toEqual([
			['DHR Adult A-R1', 1, 'Every agency should '],
			['DHR Adult A-R2', 2, 'GP practices should '],
			['DHR Adult A-R3', 3, 'The Home Office shou']
		]);
	});
	it('derives each status from the completion and outcome cell, with a report line for each', async () => {
		const r = await run(templateWorkbook());
		const a = new Map(r.tables.actions.map((x) => [x.action_id, x]));
		expect(a.get('DHR Adult A-R1-A1')).toMatchObject({ status: 'completed', completed_date: '2024-03-12', target_date: '2024-03-31' });
		expect(String(a.get('DHR Adult A-R1-A1')?.evidence)).toMatch(/^214 staff trained — Milestones: Course written/);
		expect(a.get('DHR Adult A-R1-A2')).toMatchObject({ status: 'in progress', target_date: '2024-12-31' });
		expect(a.get('DHR Adult A-R1-A3')).toMatchObject({ status: 'not started', target_date: null });
		expect(a.get('DHR Adult A-R2-A1')).toMatchObject({ status: 'completed', completed_date: '2023-12-01', target_date: '2023-12-31' });
		expect(a.get('DHR Adult A-R3-A1')).toMatchObject({ status: 'not accepted' });
		// The row with only a milestone is the rest of the action above it.
		expect(String(a.get('DHR Adult A-R3-A1')?.evidence)).toBe('the reply said the guidance already covers this — Milestones: Letter sent in June 2023 — Follow-up meeting held in September 2023');
		expect(a.get('DHR Mr C-R1-A1')).toMatchObject({ status: 'completed', completed_date: '2022-09-05' });
		expect(a.get('Ms D-R1-A1')).toMatchObject({ status: 'completed', completed_date: null, target_date: '2024-03-31' });
		expect(r.problems.filter((p) => p.problem.startsWith('Status derived')).length).toBe(10);
	});
	it('maps local and national scope, and says why', async () => {
		const r = await run(templateWorkbook());
		expect(r.tables.recommendations.map((x) => x.scope)).toEqual(['multi-agency', 'single-agency', 'national', 'single-agency', 'multi-agency', 'single-agency']);
		expect(r.problems.filter((p) => /^Scope "Local" says where/.test(p.problem)).length).toBe(3);
	});
	it('resolves "Within 6 months" from the publication date given for the file, and reports it when unknown', async () => {
		const r = await run(templateWorkbook());
		expect(r.problems.some((p) => /"Within 6 months" counts from the review's publication, which is not known/.test(p.problem))).toBe(true);
	});
});

describe('one sheet of all reviews, with a RAG column and no partnership column', () => {
	it('imports with the partnership from the title row; Green is on track, not done', async () => {
		const r = await run(allReviewsSheet());
		expect(r.blocking).toBe(false);
		expect(figures(r)).toEqual({ reviews: 3, recommendations: 5, actions: 6, completed: 3 });
		expect(new Set(r.tables.reviews.map((x) => x.partnership))).toEqual(new Set(['Borsetshire Community Safety Partnership']));
		expect(r.wholeFile).toEqual([
			expect.objectContaining({ lacks: ['partnership', 'review_type', 'region'], used: { partnership: 'Borsetshire Community Safety Partnership', guessed: ['partnership'] } })
		]);
		const status = Object.fromEntries(r.tables.actions.map((a) => [a.action_id, a.status]));
		expect(status['DHR 2019-01-R1-A2']).toBe('in progress'); // Green, no completion date
		expect(status['DHR 2021-02-R1-A1']).toBe('completed'); // Green with a completion date
		expect(r.readWords.map((w) => [w.word, w.mapped, w.meaning ?? null])).toEqual([
			['Amber', 'in progress', 'at risk'],
			['Blue', 'completed', 'done'],
			['Complete', 'completed', null],
			['Green', 'in progress', 'on track'],
			['Red', 'in progress', 'off track']
		]);
		// "Within 6 months" of a review published 1 May 2021.
		expect(r.tables.actions.find((a) => a.action_id === 'DHR 2020-03-R2-A1')?.target_date).toBe('2021-11-01');
	});
	it('a partnership the user types wins over the guess', async () => {
		const r = await run(allReviewsSheet(), { fileValues: { 'Borsetshire DHR tracker 2025.xlsx': { partnership: 'Borsetshire CSP', region: 'South West' } } });
		expect(r.tables.reviews.map((x) => [x.partnership, x.region])).toEqual(Array(3).fill(['Borsetshire CSP', 'South West']));
	});
});

describe('a recommendations sheet and an actions sheet joined by number', () => {
	it('is blocked without a partnership, with a message that says how to give it once; imports once given', async () => {
		const blocked = await run(twoSheetWorkbook());
		expect(blocked.blocking).toBe(true);
		expect(blocked.problems.filter((p) => p.blocking).map((p) => p.problem)).toEqual([
			'Missing required reviews column partnership: empty for 1 row(s) (Review E action plan). Say once which partnership the file belongs to ("Values for the whole file" on this page; --partnership NAME for npm run import), or map a partnership column.'
		]);
		expect(blocked.wholeFile[0].lacks).toEqual(['partnership', 'review_type', 'region', 'review', 'published']);
		const r = await run(twoSheetWorkbook(), { fileValues: { '*': { partnership: 'Westshire CSP', review: 'DHR E', published: 'June 2023' } } });
		expect(r.blocking).toBe(false);
		expect(figures(r)).toEqual({ reviews: 1, recommendations: 3, actions: 5, completed: 2 });
		expect(r.tables.reviews).toEqual([{ review_id: 'DHR E', partnership: 'Westshire CSP', published_date: '2023-06-01', review_type: 'DHR' }]);
		expect(r.tables.actions.map((a) => a.recommendation_id)).toEqual(['DHR E-R1', 'DHR E-R1', 'DHR E-R2', 'DHR E-R3', 'DHR E-R3']);
	});
});

describe('a CSV whose partnership is only in its file name', () => {
	it('imports with the partnership from the file name, said in the report', async () => {
		const r = await run(csvNoPartnership());
		expect(r.blocking).toBe(false);
		expect(figures(r)).toEqual({ reviews: 2, recommendations: 2, actions: 3, completed: 1 });
		expect(r.problems[0].problem).toBe(
			'Partnership not in any column: "Northtown Safer Partnership" is taken from the file name. Change it under "Values for the whole file" (or --partnership for npm run import) if it is wrong.'
		);
		// No review date at all: the year is taken from the earliest action date, with a warning.
		expect(r.tables.reviews.map((x) => x.published_date)).toEqual(['2024-07-01', '2024-12-01']);
	});
});

describe('a Word action plan, one review per table', () => {
	it('reads each table as a review, the header repeated after a page break dropped, the signature box skipped', async () => {
		const r = await run({ name: 'plan.docx', bytes: actionPlanDocx() });
		expect(r.blocking).toBe(false);
		expect(figures(r)).toEqual({ reviews: 2, recommendations: 5, actions: 9, completed: 3 });
		expect(r.tables.reviews.map((x) => [x.review_id, x.partnership, x.published_date ?? null])).toEqual([
			['DHR Adult B', 'Anytown CSP', '2023-12-01'], // derived from its earliest action date, with a warning
			['DHR Adult C', 'Anytown CSP', '2023-06-01'] // "report published June 2023" in its title row
		]);
	});
});

describe("recommendations from a report's text", () => {
	it('a PDF: eight recommendations, no actions; review and partnership from its title, the year asked once', async () => {
		const bare = await run({ name: 'report.pdf', bytes: reportPdf() });
		expect(bare.blocking).toBe(false);
		expect(figures(bare)).toEqual({ reviews: 1, recommendations: 8, actions: 0, completed: 0 });
		expect(bare.tables.reviews[0]).toMatchObject({ review_id: 'Adult D', partnership: 'Anytown Community Safety Partnership' });
		expect(bare.problems.some((p) => /has no date: it is counted under no year/.test(p.problem))).toBe(true);
		const r = await run({ name: 'report.pdf', bytes: reportPdf() }, { fileValues: { 'report.pdf': { review: 'DHR Adult D', published: 'March 2024' } } });
		expect(r.tables.reviews).toEqual([{ review_id: 'DHR Adult D', partnership: 'Anytown Community Safety Partnership', published_date: '2024-03-01', review_type: 'DHR' }]);
		expect(r.tables.recommendations.map((x) => x.scope)).toEqual(['multi-agency', 'multi-agency', 'single-agency', 'single-agency', 'single-agency', 'single-agency', 'national', 'national']);
	});
	it('the split as corrected on the page replaces the one read', async () => {
		const r = await run({ name: 'report.pdf', bytes: reportPdf() }, { reportEdits: { 'report.pdf': [[1, 'The first, joined with the second.', null, null], [2, 'The third.', 'national', 'Home Office']] } });
		expect(r.tables.recommendations.map((x) => [x.rec_number, x.text, x.scope ?? null])).toEqual([
			[1, 'The first, joined with the second.', null],
			[2, 'The third.', 'national']
		]);
	});
	it('npm run import -- report.pdf --partnership … --review …', async () => {
		const file = path.join(tmp, 'report.pdf');
		writeFileSync(file, reportPdf());
		const out = path.join(tmp, 'report');
		expect(await main([file, '--out', out, '--partnership', 'Anytown CSP', '--review', 'DHR Adult D', '--published', '2024'], () => {})).toBe(0);
		const meta = JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8'));
		expect(meta.row_counts).toMatchObject({ reviews: 1, recommendations: 8, actions: 0 });
	});
});

describe('the page worker session and the CLI give the same figures', () => {
	it('ImportSession with whole-file values', async () => {
		const f = twoSheetWorkbook();
		const s = new ImportSession();
		await s.read([{ name: f.name, size: f.bytes.length, arrayBuffer: async () => f.bytes.slice().buffer as ArrayBuffer }]);
		expect(s.run({ asAt: AS_AT }).blocking).toBe(true);
		const ok = s.run({ asAt: AS_AT, fileValues: { [f.name]: { partnership: 'Westshire CSP' } } });
		expect(ok.blocking).toBe(false);
		expect(ok.meta.row_counts).toMatchObject({ reviews: 1, recommendations: 3, actions: 5 });
		expect(ok.statusCounts).toEqual({ completed: 2, 'in progress': 2, 'not started': 1 });
	});
	it.each([
		['template', templateWorkbook, [], { reviews: 3, recommendations: 6, actions: 10 }],
		['all reviews', allReviewsSheet, [], { reviews: 3, recommendations: 5, actions: 6 }],
		['two sheets', twoSheetWorkbook, ['--partnership', 'Westshire CSP', '--review', 'DHR E', '--review-type', 'dardr', '--region', 'South West'], { reviews: 1, recommendations: 3, actions: 5 }],
		['CSV', csvNoPartnership, [], { reviews: 2, recommendations: 2, actions: 3 }]
	] as const)('npm run import: %s', async (label, make, flags, counts) => {
		const f = make();
		const file = path.join(tmp, f.name);
		writeFileSync(file, f.bytes);
		const out = path.join(tmp, label);
		const log: string[] = [];
		expect(await main([file, '--out', out, '--as-at', AS_AT, ...flags], (s) => log.push(s))).toBe(0);
		const meta = JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8'));
		expect(meta.row_counts).toMatchObject(counts);
		expect(readFileSync(path.join(out, 'report.csv'), 'utf8').split('\r\n').length).toBeGreaterThan(2);
	});
	it('npm run import without --partnership for a file that names none: exit 1, the reason, report.csv', async () => {
		const f = twoSheetWorkbook();
		const file = path.join(tmp, 'e.xlsx');
		writeFileSync(file, f.bytes);
		const log: string[] = [];
		expect(await main([file, '--out', path.join(tmp, 'e')], (s) => log.push(s))).toBe(1);
		expect(log.join('\n')).toContain('--partnership NAME');
		expect(readFileSync(path.join(tmp, 'e', 'report.csv'), 'utf8')).toContain('Missing required reviews column partnership');
	});
});

describe('guesses from titles and file names', () => {
	it.each([
		['Anytown CSP – DHR action plan tracker', 'Anytown CSP'],
		['Anytown_CSP_DHR_tracker_2024', 'Anytown CSP'],
		['Safer Anytown Partnership DHR Action Plan', 'Safer Anytown Partnership'],
		['Domestic Homicide Review action plans - Borsetshire Community Safety Partnership', 'Borsetshire Community Safety Partnership'],
		['Westshire County Council DHR recommendations', 'Westshire County Council'],
		['DHR tracker', null],
		['Community Safety Partnership', null],
		['Action plan v4', null]
	])('partnership in %j: %j', (text, expected) => expect(partnershipIn(text)).toBe(expected));
	it.each([
		["DHR 'Adult A' – Action Plan", 'DHR Adult A'],
		['Domestic Homicide Review – Jane (2021)', 'DHR Jane'],
		["Review into the death of 'Ruth'", 'Ruth'],
		['DHR Adult B action plan', 'DHR Adult B'],
		['Borsetshire Community Safety Partnership — DHR recommendations tracker', null],
		['Action plan', null]
	])('review in %j: %j', (text, expected) => expect(reviewIn(text)).toBe(expected));
	it('a review is guessed only for a file of one table', () => {
		expect(guessFileValues('x.xlsx', [{ file: 'x.xlsx', sheet: 'A', titles: ["DHR 'Adult A'"] }]).review?.value).toBe('DHR Adult A');
		expect(guessFileValues('x.xlsx', [{ file: 'x.xlsx', sheet: 'A', titles: ["DHR 'Adult A'"] }, { file: 'x.xlsx', sheet: 'B' }]).review).toBeUndefined();
	});
});

describe('completion and outcome cells', () => {
	it.each([
		['12/03/2024 – 214 staff trained', 'completed', '2024-03-12', '214 staff trained'],
		['Completed March 2024', 'completed', '2024-03-01', null],
		['Complete - 1 June 2023. Audit showed 92% compliance', 'completed', '2023-06-01', 'Audit showed 92% compliance'],
		['Training delivered to 40 staff 03.05.23', 'completed', '2023-05-03', 'Training delivered to 40 staff'],
		['Ongoing', 'in progress', null, null],
		['In progress – two of four teams briefed', 'in progress', null, 'two of four teams briefed'],
		['Partially complete: 2 of 3 sessions held', 'in progress', null, '2 of 3 sessions held'],
		['Due 31/03/2025', 'in progress', null, 'Due 31/03/2025'],
		['Policy being rewritten', 'in progress', null, 'Policy being rewritten'],
		['Not accepted – the trust has no such service', 'not accepted', null, 'the trust has no such service'],
		['Not started', 'not started', null, null]
	])('%j -> %s', (cell, status, date, evidence) => expect(readOutcome(cell)).toMatchObject({ status, completed_date: date, evidence }));
	it('a blank cell is not started, or in progress when milestones are recorded', () => {
		expect(readOutcome(null).status).toBe('not started');
		expect(readOutcome(null, true).status).toBe('in progress');
		expect(readOutcome(45000)).toMatchObject({ status: 'completed', completed_date: '2023-03-15' });
	});
});
