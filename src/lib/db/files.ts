/** Reading a dataset directory from disk (Node only: tests and scripts). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TABLE_NAMES, type DatasetMeta, type TableName } from '../model/schema';
import type { FetchedDataset } from './source';

export async function readDatasetDir(dir: string): Promise<FetchedDataset> {
	const meta: DatasetMeta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'));
	const buffers = Object.fromEntries(
		await Promise.all(
			TABLE_NAMES.map(async (t) => [t, new Uint8Array(await readFile(path.join(dir, meta.files[t])))] as const)
		)
	) as Record<TableName, Uint8Array>;
	return { meta, buffers };
}
