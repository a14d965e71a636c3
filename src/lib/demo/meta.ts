/**
 * The meta.json record of a generated dataset (DatasetMeta in model/schema.ts). Keys are written in
 * a fixed order and tables in TABLE_NAMES order, so the file is byte-stable for a given seed.
 */
import { TABLE_NAMES, type DatasetMeta, type TableName } from '../model/schema';
import { DATASET_NAME } from './marlshire';

export const GENERATOR_SCRIPT = 'scripts/generate-demo.ts';

export function fileName(table: TableName): string {
	return `${table}.arrows`;
}

export function buildMeta(opts: { seed: number; reviews: number; asAt: string; rowCounts: Record<TableName, number> }): DatasetMeta {
	const row_counts = {} as Record<TableName, number>;
	const files = {} as Record<TableName, string>;
	for (const t of TABLE_NAMES) row_counts[t] = opts.rowCounts[t];
	for (const t of TABLE_NAMES) files[t] = fileName(t);
	return {
		name: DATASET_NAME,
		fictional: true,
		as_at: opts.asAt,
		source: `Generated fictional data: every review, person, place and local agency in it is invented. Made by ${GENERATOR_SCRIPT} (seed ${opts.seed}) with distributions shaped on published national figures.`,
		generator: { script: GENERATOR_SCRIPT, seed: opts.seed, reviews: opts.reviews },
		row_counts,
		files
	};
}

/** JSON text of meta.json: two-space indent, trailing newline. */
export function metaJson(meta: DatasetMeta): string {
	return JSON.stringify(meta, null, 2) + '\n';
}
