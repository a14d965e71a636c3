/**
 * Recommendations split from a report's text: numbering styles, sub-points, re-joined lines,
 * page furniture, the section inside a whole report, scope and agency sub-headings, PDFs read
 * under Node with pdf.js, and the real recommendation texts of ../shared/data/recs-dev.
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ImportError, readFile } from '$lib/import';
import { droppedOfSource, looksLikeReportText, mergeWithPrevious, recsOfSource, reportSource, rowsOfRecs, splitAt, splitLines, splitRecommendations } from '$lib/import/report-text';
import { makePdf, makeScanPdf, reportPdf } from '../fixtures/import/make-pdf';

const TEXTS = [
	'Anytown Police to review how risk is reassessed after a repeat call-out.',
	'GP practices to ask about abuse at home when a patient presents with low mood.',
	'The Home Office to publish guidance on reviews where the perpetrator has died.'
];

describe('numbering styles', () => {
	const styles: [string, (n: number) => string, string][] = [
		['1.', (n) => `${n}. `, 'number'],
		['1)', (n) => `${n}) `, 'number'],
		['(1)', (n) => `(${n}) `, 'number'],
		['1 –', (n) => `${n} – `, 'number'],
		['R1', (n) => `R${n} `, 'short'],
		['R1:', (n) => `R${n}: `, 'short'],
		['Rec 1', (n) => `Rec ${n} `, 'short'],
		['Rec. 1:', (n) => `Rec. ${n}: `, 'short'],
		['Recommendation 1:', (n) => `Recommendation ${n}: `, 'word'],
		['Recommendation 1 –', (n) => `Recommendation ${n} – `, 'word'],
		['Recommendation 1 (own line)', (n) => `Recommendation ${n}\n`, 'word'],
		['Recommendation one.', (n) => `Recommendation ${['one', 'two', 'three'][n - 1]}. `, 'word'],
		['8.1 Recommendation 1:', (n) => `8.${n} Recommendation ${n}: `, 'word'],
		['•', () => '• ', 'bullet'],
		['-', () => '- ', 'bullet'],
		['*', () => '* ', 'bullet'],
		['▪', () => '▪ ', 'bullet']
	];
	it.each(styles)('%s', (_, mark, style) => {
		const split = splitRecommendations(TEXTS.map((t, i) => mark(i + 1) + t).join('\n'));
		expect(split.style).toBe(style);
		expect(split.recs.map((r) => r.text)).toEqual(TEXTS);
		expect(split.recs.map((r) => r.number)).toEqual([1, 2, 3]);
		expect(split.dropped).toEqual([]);
	});
	it('sub-points a) and (a), and a list inside "Recommendation N", stay inside their recommendation', () => {
		const split = splitRecommendations(
			['Recommendation 1: The Trust to ask about abuse:', 'a) in the emergency department;', '(b) in the fracture clinic.', 'Recommendation 2: The CSP to check that:', '1. partners know the referral route;', '2. it is audited yearly.'].join('\n')
		);
		expect(split.recs.map((r) => r.text)).toEqual([
			'The Trust to ask about abuse:\na) in the emergency department;\n(b) in the fracture clinic.',
			'The CSP to check that:\n1. partners know the referral route;\n2. it is audited yearly.'
		]);
	});
	it('with numbered recommendations, bullets are sub-points; with bullets, another bullet character is', () => {
		const numbered = splitRecommendations('1. Records to show:\n• what was known\n• what was done\n2. Staff to be trained.');
		expect(numbered.recs.map((r) => r.text)).toEqual(['Records to show:\n• what was known\n• what was done', 'Staff to be trained.']);
		const bullets = splitRecommendations('• Records to show:\n- what was known\n- what was done\n• Staff to be trained.\n• Leads to report yearly.');
		expect(bullets.recs.map((r) => r.text)).toEqual(['Records to show:\n- what was known\n- what was done', 'Staff to be trained.', 'Leads to report yearly.']);
		expect(bullets.notes.map((n) => n.text)).toContain('The recommendations are not numbered: they were numbered 1 to 3 in order.');
	});
	it('numbering that restarts under each agency is renumbered in order, with a note', () => {
		const split = splitRecommendations('Anytown Police\n1. Train officers.\n2. Audit calls.\nAnytown Housing\n1. Ask tenants.');
		expect(split.recs.map((r) => [r.number, r.label, r.agency])).toEqual([
			[1, '1.', 'Anytown Police'],
			[2, '2.', 'Anytown Police'],
			[3, '1.', 'Anytown Housing']
		]);
		expect(split.notes.some((n) => n.text.startsWith('The numbering starts again part-way'))).toBe(true);
	});
	it('a gap in the numbers is noted', () => {
		const split = splitRecommendations('1. Train officers.\n2. Audit calls.\n4. Ask tenants.');
		expect(split.recs).toHaveLength(3);
		expect(split.notes.map((n) => n.text)).toContain('Recommendation 4 follows recommendation 2: a recommendation may be missing (or held in a table the text did not keep).');
	});
});

describe('lines broken by the PDF', () => {
	it('are re-joined, hyphenated words joined, real compounds kept, each with a note', () => {
		const split = splitRecommendations('1. Anytown Police to make sure officers check the\nhistory of the address and record a fresh assess-\nment of risk through multi-\nagency channels.\n2. Short one.');
		expect(split.recs[0].text).toBe('Anytown Police to make sure officers check the history of the address and record a fresh assessment of risk through multi-agency channels.');
		expect(split.notes.map((n) => n.text)).toEqual([
			'No heading such as "Recommendations" was found: the whole text was split.',
			'Recommendation 1: line re-joined to the line above (broken inside the recommendation).',
			'Recommendation 1: a word hyphenated across a line break was joined.',
			'Recommendation 1: a word hyphenated across a line break was joined.'
		]);
	});
	it('a blank line inside a recommendation keeps a paragraph break', () => {
		expect(splitRecommendations('1. First part.\n\nSecond part.\n2. Next.').recs[0].text).toBe('First part.\nSecond part.');
	});
});

describe('page furniture', () => {
	it('page numbers, bare numbers, markings and version lines are dropped wherever they are', () => {
		const split = splitRecommendations('1. Anytown Police to train\nPage 3 of 40\nofficers.\n12\nOFFICIAL\n2. Partners to share plans.\nFinal version\n- 4 -\nOFFICIAL-SENSITIVE');
		expect(split.recs.map((r) => r.text)).toEqual(['Anytown Police to train officers.', 'Partners to share plans.']);
		expect(split.dropped.map((d) => [d.line, d.why])).toEqual([
			[2, 'dropped: page number'],
			[4, 'dropped: page number (a bare number)'],
			[5, 'dropped: protective marking'],
			[7, 'dropped: version marking'],
			[8, 'dropped: page number (a bare number)'],
			[9, 'dropped: protective marking']
		]);
	});
	it('a line at the top or foot of most pages is a running header or footer (digits ignored)', () => {
		const page = (n: number, body: string) => `Anytown DHR Adult B\n${body}\nIssued 2025 – page ${n}`;
		const text = [page(1, 'Recommendations\n1. Train officers in'), page(2, 'coercive control.\n2. Audit calls.'), page(3, '3. Ask tenants.')].join('\n\f');
		const split = splitRecommendations(text);
		expect(split.recs.map((r) => r.text)).toEqual(['Train officers in coercive control.', 'Audit calls.', 'Ask tenants.']);
		expect(split.dropped.map((d) => d.why)).toEqual(Array(5).fill('dropped: running header or footer (on 3 of 3 pages)'));
		// The header of page 1 stands above the section heading: outside the section, it is not listed.
		expect(split.dropped.map((d) => d.line)).toEqual([4, 5, 8, 9, 11]);
	});
	it('pasted text without page breaks: a short line repeated three times is dropped', () => {
		const split = splitRecommendations('1. Train officers.\nAnytown DHR\n2. Audit calls.\nAnytown DHR\n3. Ask tenants.\nAnytown DHR');
		expect(split.recs.map((r) => r.text)).toEqual(['Train officers.', 'Audit calls.', 'Ask tenants.']);
		expect(split.dropped).toHaveLength(3);
	});
});

describe('the recommendations section of a whole report', () => {
	const report = (heading: string, end: string) =>
		['Anytown CSP', 'Overview report', '1. Introduction', '1.1 This review was commissioned in 2022.', '2. Findings', 'The panel found three things.', heading, 'The panel recommends:', '1. Train officers.', '2. Audit calls.', end, '1. First appendix item.', '2. Second appendix item.'].join('\n');
	it.each([
		['Recommendations', 'Appendix A'],
		['8. Panel recommendations', 'Glossary'],
		['Recommendations of the review', 'Action plan'],
		['Conclusions and recommendations', '9. References'],
		['8 Recommendations', '9 Dissemination']
	])('from "%s" to "%s"', (heading, end) => {
		const split = splitRecommendations(report(heading, end));
		expect(split.recs.map((r) => r.text)).toEqual(['Train officers.', 'Audit calls.']);
		expect(split.section).toEqual({ heading, from: 7, to: 11, end });
		expect(split.dropped.map((d) => d.text)).toEqual(['The panel recommends:']);
		expect(split.titles).toEqual(['Anytown CSP', 'Overview report', '1. Introduction']);
	});
	it('a heading that gives a scope ("Panel recommendations") gives it to the recommendations under it', () => {
		expect(splitRecommendations(report('Panel recommendations', 'Appendix 1')).recs.map((r) => r.scope)).toEqual(['multi-agency', 'multi-agency']);
	});
	it('the list with the most recommendations is read when the heading comes twice', () => {
		const text = ['Executive summary', 'Recommendations', '1. Train officers.', 'Contents', 'Recommendations', '1. Train officers in coercive control.', '2. Audit calls.', 'Appendix A'].join('\n');
		const split = splitRecommendations(text);
		expect(split.recs.map((r) => r.text)).toEqual(['Train officers in coercive control.', 'Audit calls.']);
		expect(split.notes.map((n) => n.text)).toContain('Another list headed "Recommendations" at line 2 (1 numbered item) was not read: the section with the most recommendations was.');
	});
	it('with no section heading the whole text is split, and the notes say so', () => {
		const split = splitRecommendations('1. Train officers.\n2. Audit calls.');
		expect(split.section).toBeNull();
		expect(split.notes[0].text).toBe('No heading such as "Recommendations" was found: the whole text was split.');
	});
});

describe('scope and agency sub-headings', () => {
	it('scope headings, agency headings, "Recommendations for X", and fields inside a recommendation', () => {
		const text = [
			'Recommendations',
			'Multi-agency recommendations',
			'1. Partners to agree a sharing protocol.',
			'Single agency recommendations',
			'Anytown Police',
			'2. The force to train call handlers.',
			'Recommendations for the Anytown Hospital NHS Trust',
			'3. The Trust to ask about abuse.',
			'National recommendations',
			'4. The Home Office to revise the guidance.',
			'5. Partners to report yearly.',
			'Scope: local',
			'Lead agency: Anytown CSP'
		].join('\n');
		const split = splitRecommendations(text);
		expect(split.recs.map((r) => [r.number, r.scope, r.agency])).toEqual([
			[1, 'multi-agency', null],
			[2, 'single-agency', 'Anytown Police'],
			[3, 'single-agency', 'Anytown Hospital NHS Trust'],
			[4, 'national', null],
			[5, 'local', 'Anytown CSP']
		]);
		expect(split.recs[4].text).toBe('Partners to report yearly.');
	});
	it('a scope guessed from an agency heading is noted', () => {
		const split = splitRecommendations('Anytown Police\n1. Train officers.\nHome Office\n2. Revise the guidance.');
		expect(split.recs.map((r) => [r.scope, r.agency])).toEqual([
			['single-agency', 'Anytown Police'],
			['national', 'Home Office']
		]);
		expect(split.notes.map((n) => n.text)).toEqual([
			'No heading such as "Recommendations" was found: the whole text was split.',
			'Recommendation 1: scope guessed as single-agency from the heading "Anytown Police" above it.',
			'Recommendation 2: scope guessed as national from the heading "Home Office" above it.'
		]);
	});
	it('a line that ends a broken sentence is not an agency heading', () => {
		const split = splitRecommendations('1. Share the plan with\nAnytown Police\n2. Audit calls.');
		expect(split.recs.map((r) => [r.text, r.agency])).toEqual([
			['Share the plan with Anytown Police', null],
			['Audit calls.', null]
		]);
	});
});

describe('reportSource', () => {
	it('is a report-text Source: Rec no | Recommendation | Scope | Agency, a note per dropped line and re-joined break', () => {
		const s = reportSource('Pasted text', 'Recommendations\nNational recommendations\n1. The Home Office to\nrevise the guidance.\nPage 2 of 9\n2. DWP to join reviews.');
		expect(s.kind).toBe('report-text');
		expect(s.headers).toEqual(['Rec no', 'Recommendation', 'Scope', 'Agency']);
		expect(s.rows).toEqual([
			[1, 'The Home Office to revise the guidance.', 'national', null],
			[2, 'DWP to join reviews.', 'national', null]
		]);
		expect(s.rowNumbers).toEqual([3, 6]);
		expect(s.notes.map((n) => [n.row, n.problem])).toEqual([
			[5, 'Line 5 dropped: page number.'],
			[1, 'Recommendations section read from line 1 ("Recommendations") to the end; the 0 other lines of the report were not read.'],
			[4, 'Recommendation 1: line re-joined to the line above (broken inside the recommendation).']
		]);
		expect(s.notes.every((n) => !n.blocking && n.file === 'Pasted text')).toBe(true);
	});
	it('text with no recommendation in it is an ImportError in plain words', () => {
		expect(() => reportSource('notes.txt', 'The panel met four times.\nIt thanks the family.')).toThrow(
			'notes.txt: no recommendations were found in the text (no heading such as "Recommendations" and no numbered list such as "1.", "R1" or "Recommendation 1").'
		);
	});
});

describe('text files', () => {
	const bytes = (s: string) => new TextEncoder().encode(s);
	it('a .txt of numbered recommendations is read as report text; a delimited .txt as a table', async () => {
		const [report] = await readFile(bytes('Recommendations\n1. Train officers.\n2. Audit calls.\n'), 'recs.txt');
		expect(report.kind).toBe('report-text');
		expect(report.rows).toHaveLength(2);
		const [table] = await readFile(bytes('Rec no\tRecommendation\tAgency\n1. \tTrain officers.\tPolice\n2. \tAudit calls.\tPolice\n'), 'tracker.txt');
		expect(table.kind).toBeUndefined();
		expect(table.headers).toEqual(['Rec no', 'Recommendation', 'Agency']);
	});
	it('detection reads the content, not the extension alone', () => {
		expect(looksLikeReportText('Recommendation 1: Train officers.')).toBe(false);
		expect(looksLikeReportText('Recommendations\nRecommendation 1: Train officers.')).toBe(true);
		expect(looksLikeReportText('id,text\n1,Train officers.\n2,Audit calls.')).toBe(false);
		expect(looksLikeReportText('R1 Train officers.\nR2 Audit calls.')).toBe(true);
	});
});

describe('PDF (pdf.js under Node)', () => {
	it('the made-up report: 8 recommendations, 6 dropped lines, scopes and agencies from its sub-headings', async () => {
		const [s] = await readFile(reportPdf(), 'report.pdf');
		expect(s.kind).toBe('report-text');
		expect(s.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(s.rows.map((r) => r[2])).toEqual(['multi-agency', 'multi-agency', 'single-agency', 'single-agency', 'single-agency', 'single-agency', 'national', 'national']);
		expect(s.rows.map((r) => r[3])).toEqual([null, null, 'Anytown Police', 'Anytown Police', 'Anytown Hospital NHS Trust', 'Anytown Hospital NHS Trust', null, null]);
		// Broken across the page break, with the footer and header between, and hyphenated.
		expect(s.rows[3][1]).toBe('Anytown Police to remind call handlers that repeat calls from one address need a fresh assessment of risk.');
		expect(s.rows[4][1]).toBe('The Trust to ask every patient attending with an injury whether they feel safe at home:\na) in the emergency department;\nb) in the fracture clinic.');
		expect(s.rows[7][1]).toBe('The Department for Work and Pensions to take part in reviews when a victim received benefits.');
		const dropped = s.notes.filter((n) => / dropped: /.test(n.problem));
		expect(dropped.map((n) => n.value)).toEqual([
			'7.1 The panel makes eight recommendations. They are listed by the agency',
			'asked to act on them.',
			'Final version – Page 3 of 5',
			'Anytown DHR ‘Adult D’ – OFFICIAL',
			'Final version – Page 4 of 5',
			'Anytown DHR ‘Adult D’ – OFFICIAL'
		]);
		expect(s.notes[0].problem).toBe("Text read from the PDF's text layer (5 pages); check the recommendations split from it.");
		expect(s.titles).toEqual(['Anytown Community Safety Partnership', 'Domestic Homicide Review', 'Overview report into the death of ‘Adult D’']);
	});
	it('lines are rebuilt from the text items by their baseline, pages kept apart', async () => {
		const { readPdfText } = await import('$lib/import/pdf');
		const pdf = makePdf([{ header: 'Head', lines: ['one (1) two', 'three – ‘four’'] }, { lines: ['five'], footer: 'Page 2' }]);
		expect(await readPdfText(pdf, 'x.pdf')).toEqual({ pages: [['Head', 'one (1) two', 'three – ‘four’'], ['five', 'Page 2']], text: 'Head\none (1) two\nthree – ‘four’\n\ffive\nPage 2' });
	});
	it('a PDF with no text layer (a scan), a damaged PDF and a file that is not a PDF say so', async () => {
		await expect(readFile(makeScanPdf(), 'scan.pdf')).rejects.toThrow('scan.pdf: the PDF has no text layer (its page is images, as a scanned report is), so no recommendation can be read from it. Copy the recommendations from the report and paste them as text instead.');
		await expect(readFile(reportPdf().subarray(0, 300), 'cut.pdf')).rejects.toThrow(/^cut\.pdf: the PDF could not be read; it may be damaged or truncated/);
		await expect(readFile(new TextEncoder().encode('hello'), 'fake.pdf')).rejects.toBeInstanceOf(ImportError);
	});
});

const REAL = new URL('../../../shared/data/recs-dev/recommendations.csv', import.meta.url);
describe('the real recommendation texts of recs-dev', () => {
	if (!existsSync(REAL)) {
		it.skip('skipped: ../shared/data/recs-dev/recommendations.csv is not here', () => {});
		return;
	}
	const rows = Papa.parse<Record<string, string>>(readFileSync(REAL, 'utf8'), { header: true, skipEmptyLines: true }).data;
	const byReview = new Map<string, string[]>();
	for (const r of rows) byReview.set(r.review, [...(byReview.get(r.review) ?? []), r.text.replace(/\s+$/g, '')]);
	const norm = (s: string) => s.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
	const styles: [string, (n: number) => string][] = [
		['1.', (n) => `${n}. `],
		['1)', (n) => `${n}) `],
		['R1', (n) => `R${n} `],
		['Rec 1:', (n) => `Rec ${n}: `],
		['Recommendation 1:', (n) => `Recommendation ${n}: `],
		['Recommendation 1 –', (n) => `Recommendation ${n} – `],
		['•', () => '• ']
	];
	it.each(styles)('%s: every review joined and split gives its texts back', (_, mark) => {
		let total = 0;
		for (const [review, texts] of byReview) {
			const split = splitRecommendations(`Recommendations\n${texts.map((t, i) => mark(i + 1) + t).join('\n')}\nAppendix A`);
			expect(split.recs.map((r) => r.text), review).toEqual(texts.map(norm));
			total += split.recs.length;
		}
		expect(total).toBe(rows.length);
	});
});

describe('corrections of a split (the list operations behind ImportReportSplit)', () => {
	const list = [
		{ text: 'Train officers.', scope: 'single-agency', agency: 'Anytown Police' },
		{ text: 'in coercive control.', scope: null, agency: null },
		{ text: 'Audit calls.\n\nAsk tenants.', scope: 'multi-agency', agency: null }
	];
	it('join to the previous, split at a character, split at blank lines or line breaks, rows numbered in order', () => {
		expect(mergeWithPrevious(list, 1)[0]).toEqual({ text: 'Train officers.\nin coercive control.', scope: 'single-agency', agency: 'Anytown Police' });
		expect(mergeWithPrevious(list, 0)).toEqual(list);
		expect(splitAt(list, 0, 6).map((r) => r.text)).toEqual(['Train', 'officers.', 'in coercive control.', 'Audit calls.\n\nAsk tenants.']);
		expect(splitAt(list, 0, 0)).toEqual(list);
		expect(splitLines(list, 2).slice(2)).toEqual([
			{ text: 'Audit calls.', scope: 'multi-agency', agency: null },
			{ text: 'Ask tenants.', scope: 'multi-agency', agency: null }
		]);
		expect(rowsOfRecs([...list, { text: '  ', scope: null, agency: null }]).map((r) => r[0])).toEqual([1, 2, 3]);
	});
	it('a report-text Source gives its recommendations and its dropped lines back', () => {
		const s = reportSource('Pasted text', '1. Train officers.\nPage 2 of 9\n2. Audit calls.');
		expect(recsOfSource(s)).toEqual([
			{ text: 'Train officers.', scope: null, agency: null },
			{ text: 'Audit calls.', scope: null, agency: null }
		]);
		expect(droppedOfSource(s)).toEqual([{ line: 2, text: 'Page 2 of 9', why: 'dropped: page number' }]);
	});
});
