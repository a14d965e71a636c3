/**
 * The import writes Arrow without Arrow's builders (which need eval, forbidden by the app's CSP):
 * the files must read back with exactly the rows, types and nulls that the model's own writer gives.
 */
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { toRows } from '$lib/db/rows';
import { tableFromRows, toIPC } from '$lib/model/arrow';
import { SCHEMA } from '$lib/model/schema';
import { rowsToIPC } from '$lib/import/arrow-data';
import { SMALL } from './helpers/small';

describe('Arrow without builders', () => {
	it.each(SCHEMA.map((d) => [d.name, d] as const))('%s equals the model writer', (name, def) => {
		const rows = SMALL[name] ?? [];
		const mine = tableFromIPC(rowsToIPC(def, rows));
		const model = tableFromIPC(toIPC(tableFromRows(def, rows)));
		expect(mine.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(model.schema.fields.map((f) => `${f.name}:${f.type}`));
		expect(toRows(mine)).toEqual(toRows(model));
	});
	it('nulls, unicode, dates before 1970, yes/no', () => {
		const def = SCHEMA.find((d) => d.name === 'reviews')!;
		const rows = [
			{ review_id: 'Ä-1 “quoted”', death_month: '1969-12-01', children_present: true, multiple_victims: false },
			{ review_id: 'B', death_month: null, children_present: null }
		];
		expect(toRows(tableFromIPC(rowsToIPC(def, rows)))).toEqual(toRows(tableFromIPC(toIPC(tableFromRows(def, rows)))));
	});
});
