/**
 * Writes a generated dataset to a folder: one Arrow IPC stream file per table plus meta.json.
 * The only part of the generator that touches the file system (the rest runs anywhere, e.g. in a
 * benchmark in the browser).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { TABLE_NAMES } from '../model/schema';
import type { GeneratedDataset } from './generate';
import { fileName, metaJson } from './meta';

/** Returns the bytes written per file name. */
export function writeDataset(dir: string, result: GeneratedDataset): Record<string, number> {
	mkdirSync(dir, { recursive: true });
	const sizes: Record<string, number> = {};
	for (const t of TABLE_NAMES) {
		const bytes = tableToIPC(result.tables[t], 'stream');
		writeFileSync(join(dir, fileName(t)), bytes);
		sizes[fileName(t)] = bytes.byteLength;
	}
	const meta = metaJson(result.meta);
	writeFileSync(join(dir, 'meta.json'), meta);
	sizes['meta.json'] = Buffer.byteLength(meta);
	return sizes;
}
