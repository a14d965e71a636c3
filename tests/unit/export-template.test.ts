/**
 * The blank tracker template: the mapper maps every column of it at once (CSV and .xlsx), and
 * importing the .xlsx with one row filled in gives that row, so the template and the import agree.
 */
import { describe, expect, it } from 'vitest';
import { importFiles, readFile, suggestMapping } from '$lib/import';
import { TEMPLATE_COLUMNS, templateCsv, templateXlsx } from '$lib/export/template';

describe('the blank tracker template', () => {
	it('every header is recognised by the mapper, each to a different column', () => {
		const m = suggestMapping([...TEMPLATE_COLUMNS]);
		expect(m.columns.filter((c) => c.target === null).map((c) => c.source)).toEqual([]);
		expect(new Set(m.columns.map((c) => c.target)).size).toBe(TEMPLATE_COLUMNS.length);
	});

	it('the CSV is the header row', async () => {
		expect(templateCsv().trim()).toBe(TEMPLATE_COLUMNS.join(','));
		const [s] = await readFile(new TextEncoder().encode(templateCsv()), 'template.csv');
		expect(s.headers).toEqual([...TEMPLATE_COLUMNS]);
		expect(s.rows).toEqual([]);
	});

	it('the .xlsx is a workbook the import reads back with the same headers', async () => {
		const bytes = new Uint8Array(await (await templateXlsx()).arrayBuffer());
		const [s] = await readFile(bytes, 'template.xlsx');
		expect(s.sheet).toBe('Tracker');
		expect(s.headers).toEqual([...TEMPLATE_COLUMNS]);
		expect(s.rows).toEqual([]);
		expect(suggestMapping(s.headers).columns.every((c) => c.target !== null)).toBe(true);
	});

	it('filled in, the template imports as one review, recommendation and action', async () => {
		const row = ['DHR-T', 'Marlshire CSP', '1', 'Single-agency', 'Marlshire Police', 'Officers to be trained in coercive control.', 'Workforce training', 'A1', 'Deliver training', 'Marlshire Police', 'Training lead', '31/03/2025', 'Complete', '15/03/2025', 'Training records', '01/04/2025'];
		const csv = templateCsv() + row.join(',') + '\n';
		const r = await importFiles([{ name: 'filled.csv', bytes: new TextEncoder().encode(csv) }], { asAt: '2025-06-30' });
		expect(r.problems.filter((p) => p.blocking)).toEqual([]);
		expect(r.meta.row_counts).toMatchObject({ reviews: 1, recommendations: 1, actions: 1 });
		expect(r.tables.actions[0]).toMatchObject({ action_id: 'A1', status: 'completed', target_date: '2025-03-31', completed_date: '2025-03-15', lead_agency: 'Marlshire Police' });
	});
});
