/**
 * npm run import -- <files or folders…> --out <dir> [--as-at YYYY-MM-DD] [--name NAME]
 *
 * The same import as the app's /import page (src/lib/import, through the same ImportSession its
 * worker holds), from the command line: reads the
 * files, prints the report summary, and — only when nothing blocks — writes one Arrow IPC stream
 * per table, meta.json and report.csv into <dir>, a dataset folder the app can open.
 * Exit code 1 on a blocking problem (nothing written), 2 on wrong arguments.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ImportSession, reportCsv, reportSummary, type FileLike } from '../src/lib/import/index';
import { TABLE_NAMES } from '../src/lib/model/schema';

const READABLE = /\.(csv|tsv|txt|xlsx|xlsm|json|parquet|arrow|arrows|ipc|feather)$/i;

/** A file on disk as the session reads it: its size first, the bytes only when asked. */
const onDisk = (file: string, name = path.basename(file)): FileLike => ({
	name,
	size: statSync(file).size,
	arrayBuffer: async () => {
		const b = readFileSync(file);
		return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
	}
});

function collect(paths: string[]): FileLike[] {
	return paths.flatMap((p) =>
		statSync(p).isDirectory()
			? readdirSync(p)
					.filter((n) => READABLE.test(n))
					.sort()
					.map((n) => onDisk(path.join(p, n), n))
			: [onDisk(p)]
	);
}

export async function main(argv: readonly string[], log: (s: string) => void = console.log): Promise<number> {
	let values: { out?: string; 'as-at'?: string; name?: string };
	let positionals: string[];
	try {
		({ values, positionals } = parseArgs({
			args: [...argv],
			allowPositionals: true,
			options: { out: { type: 'string' }, 'as-at': { type: 'string' }, name: { type: 'string' } }
		}));
	} catch (e) {
		log((e as Error).message);
		return 2;
	}
	const asAt = values['as-at'];
	if (!values.out || positionals.length === 0 || (asAt && !/^\d{4}-\d{2}-\d{2}$/.test(asAt))) {
		log('Usage: npm run import -- <files or folders…> --out <dir> [--as-at YYYY-MM-DD] [--name NAME]');
		return 2;
	}
	let files: FileLike[];
	try {
		files = collect(positionals);
	} catch (e) {
		log(`Cannot read the input: ${(e as Error).message}`);
		return 2;
	}
	const session = new ImportSession();
	await session.read(files);
	const result = session.run({ asAt: asAt ?? null, name: values.name });
	log(`${result.kind === 'dhrd' ? 'National DHRD' : 'Tracker'} import of ${files.length} file(s): ${reportSummary(result.problems)}`);
	if (result.blocking) {
		log('Nothing written: fix the blocking problems and run again.');
		return 1;
	}
	const buffers = session.buffers();
	mkdirSync(values.out, { recursive: true });
	for (const t of TABLE_NAMES) writeFileSync(path.join(values.out, result.meta.files[t]), buffers[t]);
	writeFileSync(path.join(values.out, 'meta.json'), JSON.stringify(result.meta, null, '\t') + '\n');
	writeFileSync(path.join(values.out, 'report.csv'), reportCsv(result.problems));
	log(`Wrote ${values.out}: ${TABLE_NAMES.map((t) => `${t} ${result.meta.row_counts[t]}`).join(', ')}; as at ${result.meta.as_at ?? 'not set'}.`);
	if (result.unknownStatuses.length) log(`Status words not known: ${result.unknownStatuses.join(', ')}`);
	if (result.unknownAgencies.length) log(`Agencies not matched to known ones: ${result.unknownAgencies.join(', ')}`);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main(process.argv.slice(2)).then((code) => process.exit(code));
}
