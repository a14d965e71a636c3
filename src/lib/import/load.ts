/**
 * Loading an import into the engine: refused whole when the report has a blocking problem, else
 * handed to the all-or-nothing `loadDataset`, so a failed import leaves the loaded data as it was.
 */
import { loadDataset } from '../db/dataset';
import type { Engine } from '../db/engine';
import { datasetBuffers, type ImportResult } from './importer';

export class ImportBlockedError extends Error {
	constructor(readonly count: number) {
		super(`The import has ${count} blocking problem${count === 1 ? '' : 's'}: nothing was loaded.`);
		this.name = 'ImportBlockedError';
	}
}

export async function loadImport(engine: Engine, result: ImportResult): Promise<void> {
	const blocking = result.problems.filter((p) => p.blocking).length;
	if (result.blocking) throw new ImportBlockedError(Math.max(blocking, 1));
	await loadDataset(engine, datasetBuffers(result), result.meta.files);
}
