/**
 * Shared by the browser tests that compare a page's table twins with the Node queries: a table's
 * rows as the text of their cells, the rows a view's text table should show, and filters built
 * from a few values.
 */
import type { Locator } from 'playwright-core';
import { emptyFilters, withValues, type Filters } from '$lib/filters/filters';
import type { TextTable } from '$lib/views/themes';

/** Filters with these dimension values set, the rest empty. */
export const filtersOf = (values: Partial<Filters['values']>): Filters => {
	let f = emptyFilters();
	for (const [k, v] of Object.entries(values)) f = withValues(f, k as keyof Filters['values'], v!);
	return f;
};

/** Every row of a table (body, then footer) as the text of its cells. */
export async function tableText(table: Locator): Promise<string[][]> {
	const rows = table.locator('tbody tr, tfoot tr');
	const out: string[][] = [];
	for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('th, td').allTextContents()).map((s) => s.trim()));
	return out;
}

/** The rows a text table should show, body then footer. */
export const expectedText = (t: TextTable) => [...t.rows.map((r) => r.cells), ...(t.foot ? [t.foot] : [])];
