/**
 * Reading a dataset folder written by `npm run import` (meta.json + one .arrows file per table)
 * from files the user picked (a folder, or several files). Works on anything with a name and
 * bytes, so it is tested without a browser. Problems come back in words, naming the file.
 */
import { TABLE_NAMES, mayBeMissing, type DatasetMeta, type TableName } from '../model/schema';

/** What a picked file offers (a browser File fits). */
export interface PickedFile {
	name: string;
	arrayBuffer(): Promise<ArrayBuffer>;
}

export class FolderError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FolderError';
	}
}

/** The last part of a path: files from a folder pick carry only their own name. */
const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export async function readPickedFolder(
	files: readonly PickedFile[]
): Promise<{ meta: DatasetMeta; buffers: Record<TableName, Uint8Array> }> {
	const byName = new Map(files.map((f) => [baseName(f.name), f]));
	const metaFile = byName.get('meta.json');
	if (!metaFile) throw new FolderError('No meta.json among the chosen files: choose the whole folder written by "npm run import".');
	let meta: DatasetMeta;
	try {
		meta = JSON.parse(new TextDecoder().decode(await metaFile.arrayBuffer()));
	} catch (e) {
		throw new FolderError(`meta.json could not be read as JSON (${(e as Error).message}).`);
	}
	if (typeof meta !== 'object' || meta === null || typeof meta.files !== 'object' || meta.files === null) {
		throw new FolderError('meta.json does not name the table files ("files" is missing).');
	}
	// A folder written before a table was added to the model names no file for it: it opens with that table empty.
	const has = (t: TableName) => !!meta.files[t] && byName.has(baseName(meta.files[t]));
	const missing = TABLE_NAMES.filter((t) => !has(t) && !(mayBeMissing(t) && !meta.files[t]));
	if (missing.length) {
		const names = missing.map((t) => meta.files[t] ?? `(no file named for ${t})`);
		throw new FolderError(`Missing from the chosen files: ${names.join(', ')}.`);
	}
	const entries = await Promise.all(
		TABLE_NAMES.filter(has).map(async (t) => [t, new Uint8Array(await byName.get(baseName(meta.files[t]))!.arrayBuffer())] as const)
	);
	const got = Object.fromEntries(entries) as Record<TableName, Uint8Array>;
	return { meta, buffers: TABLE_NAMES.every((t) => got[t]) ? got : (await import('../model/migrate')).withAddedTables(got).buffers };
}
