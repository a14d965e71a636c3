/**
 * Building the scope tables of the data just loaded, in the background (db/derived: the filtered
 * relations every view starts from become single-table scans). Until they are built the views get
 * the same rows from the joins, more slowly; a failed build is harmless: the joins stay in use.
 */
import { materialiseScope } from './dataset';
import type { Engine } from './engine';

/**
 * Build the scope tables of `engine`'s data once `after` resolves true: the caller's word that the
 * first page's queries have gone first (the build takes about a second per 300,000 actions, and the
 * worker runs one statement at a time). `after` resolving false (or rejecting) means the build is
 * no longer wanted, e.g. other data was loaded meanwhile. Resolves true when the tables are built,
 * false when not wanted or the build failed; never rejects.
 */
export async function buildScopeAfter(engine: Engine, after: Promise<boolean>): Promise<boolean> {
	if (!(await after.catch(() => false))) return false;
	try {
		performance.mark('dhr:scope-start');
		await materialiseScope(engine);
		performance.mark('dhr:scope-end');
		return true;
	} catch {
		return false;
	}
}
