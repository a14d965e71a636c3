/**
 * npm run sql -- [--data <dir>] [--as-at YYYY-MM-DD] [--format table|csv|json] "<SQL>"
 *
 * The SQL console on the command line: the same engine (DuckDB-WASM's Node bundle), the same dataset
 * files, the same statement guard and the same filtered_* views (no filters, at the dataset's as-at
 * date unless --as-at). Prints the result of the last statement. Exit codes: 0 done; 1 a SQL error or
 * a refused statement; 2 bad arguments or a dataset that cannot be read.
 */
import path from 'node:path';
import { openNodeEngine } from '../src/lib/db/node';
import { loadDataset } from '../src/lib/db/dataset';
import { readDatasetDir } from '../src/lib/db/files';
import { openConsole, runScript } from '../src/lib/sql/console';
import { emptyFilters } from '../src/lib/filters/filters';
import { defaultAsAt, parseAsAt, type AsAt } from '../src/lib/model/as-at';
import { formatResult, type TextFormat } from '../src/lib/sql/format';

const USAGE = 'usage: npm run sql -- [--data <dir>] [--as-at YYYY-MM-DD] [--format table|csv|json] "<SQL>"';
const NOT_SUPPRESSED = 'Note: results are not protected by any small-number suppression; take care before sharing them.';

interface Args {
	data: string;
	asAt: AsAt | null;
	format: TextFormat;
	sql: string;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
	const out: Args = { data: 'static/data/demo', asAt: null, format: 'table', sql: '' };
	const sql: string[] = [];
	let asAt: string | null = null;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new UsageError(`${a} needs a value.`);
			return v;
		};
		if (a === '--data') out.data = value();
		else if (a === '--as-at') asAt = value();
		else if (a === '--format') out.format = value() as TextFormat;
		else if (a === '--help' || a === '-h') throw new UsageError('');
		else if (a.startsWith('--')) throw new UsageError(`Unknown option ${a}.`);
		else sql.push(a);
	}
	if (!['table', 'csv', 'json'].includes(out.format)) throw new UsageError(`--format must be table, csv or json (not ${out.format}).`);
	if (asAt !== null) {
		out.asAt = parseAsAt(asAt);
		if (out.asAt === null) throw new UsageError(`--as-at must be a date as YYYY-MM-DD (not ${asAt}).`);
	}
	out.sql = sql.join(' ').trim();
	if (!out.sql) throw new UsageError('No SQL given.');
	return out;
}

async function main(): Promise<number> {
	let args: Args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		if (e.message) process.stderr.write(`${e.message}\n`);
		process.stderr.write(`${USAGE}\n`);
		return 2;
	}
	let ds;
	try {
		ds = await readDatasetDir(path.resolve(args.data));
	} catch (e) {
		process.stderr.write(`Cannot read the dataset in ${args.data}: ${(e as Error).message}\n`);
		return 2;
	}
	const engine = await openNodeEngine();
	try {
		await loadDataset(engine, ds.buffers, ds.meta.files);
		const asAt = args.asAt ?? defaultAsAt(ds.meta);
		const conn = await openConsole(engine);
		try {
			const result = await runScript(conn, args.sql, emptyFilters(), asAt).result;
			process.stdout.write(formatResult(result.columns.map((c) => c.name), result.rows, args.format));
			if (args.format === 'table') process.stderr.write(`${NOT_SUPPRESSED}\n`);
			return 0;
		} catch (e) {
			process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
			return 1;
		}
	} finally {
		await engine.close();
	}
}

main().then(
	(code) => process.exit(code),
	(e) => {
		process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
		process.exit(1);
	}
);
