/** Small hand-written datasets for unit tests, loaded into a Node engine. */
import { emptyFilters, withValues, type Dimension, type Filters } from '$lib/filters/filters';
import type { Engine } from '$lib/db/engine';
import { loadDataset, materialiseScope } from '$lib/db/dataset';
import { tableFromRows, toIPC, type CellIn } from '$lib/model/arrow';
import { SCHEMA, type TableName } from '$lib/model/schema';

export type FixtureRows = Partial<Record<TableName, Record<string, CellIn>[]>>;

/** Arrow IPC buffers for every table; tables not given are empty. */
export function fixtureBuffers(rows: FixtureRows): Record<TableName, Uint8Array> {
	return Object.fromEntries(SCHEMA.map((def) => [def.name, toIPC(tableFromRows(def, rows[def.name] ?? []))])) as Record<
		TableName,
		Uint8Array
	>;
}

/**
 * Load hand-written rows, then build the scope tables as the app does after every load (the
 * joins they replace are held equal to them in scope-tables.test.ts).
 */
export async function loadFixture(engine: Engine, rows: FixtureRows): Promise<void> {
	await loadDataset(engine, fixtureBuffers(rows));
	await materialiseScope(engine);
}

/** Filters from a patch (period, as-at date) and values per dimension: the tests' shorthand. */
export function filtersWith(patch: Partial<Filters> = {}, values: Partial<Filters['values']> = {}): Filters {
	let out: Filters = { ...emptyFilters(), ...patch };
	for (const [k, v] of Object.entries(values)) out = withValues(out, k as Dimension, v!);
	return out;
}
