/**
 * npm run import -- <files or folders…> --out <dir> [--partnership NAME] [--review-type DHR|DARDR]
 *                   [--region NAME] [--review NAME] [--published DATE] [--as-at YYYY-MM-DD] [--name NAME]
 *
 * The same import as the app's /import page (src/lib/import, through the same ImportSession its
 * worker holds), from the command line: reads the files, prints the report (every problem, or the
 * first 20 and where the rest are), writes report.csv into <dir> in every case, and — only when
 * nothing blocks — one Arrow IPC stream per table and meta.json, a dataset folder the app can open.
 * --partnership and the others are whole-file values: what every row of the files shares but none
 * carries (see src/lib/import/file-values.ts). Exit code 1 on a blocking problem (no dataset
 * written), 2 on wrong arguments; --help prints the usage.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ImportSession, reportCsv, reportSummary, type FileLike, type Problem } from '../src/lib/import/index';
import type { FileValues } from '../src/lib/import/file-values';
import { TABLE_NAMES } from '../src/lib/model/schema';
import { isAsAt } from '../src/lib/model/as-at';

export const USAGE = `Usage: npm run import -- <files or folders…> --out <dir> [options]

Reads action-plan trackers (CSV, Excel .xlsx, Word .docx, Parquet, JSON, Arrow), a report's
recommendations (PDF or text) or the three CSVs of the national DHRD, and writes a dataset folder
the app can open (Data page, "Open a folder"), with report.csv of every problem found.

Options:
  --out DIR             the folder to write (required)
  --partnership NAME    the Community Safety Partnership of every review in the files, when no
                        column gives it (e.g. "Anytown CSP")
  --review-type TYPE    DHR or DARDR, for every review (default DHR)
  --region NAME         an English region or Wales, for every review
  --review NAME         the review's name, for a file that is one review
  --published DATE      the review's publication date (or month or year), for a one-review file
  --as-at YYYY-MM-DD    the date the data describes (default: the latest date in the data)
  --name NAME           the dataset's name
  --help                print this and stop`;

const READABLE = /\.(csv|tsv|txt|xlsx|xlsm|docx|pdf|json|parquet|arrow|arrows|ipc|feather)$/i;

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

/** Where a problem is, in words: "tracker.xlsx · sheet DHR A · row 4 · Target date". */
const whereOf = (p: Problem) => [p.file, p.sheet ? `sheet ${p.sheet}` : null, p.row != null ? `row ${p.row}` : null, p.column].filter(Boolean).join(' · ');

/** Every problem (blocking first), or the first `limit` and where the rest are. */
export function problemLines(problems: readonly Problem[], reportPath: string, limit = 20): string[] {
	const ordered = [...problems.filter((p) => p.blocking), ...problems.filter((p) => !p.blocking)];
	const lines = ordered.slice(0, limit).map((p) => `  ${p.blocking ? 'BLOCKING' : 'warning '} ${whereOf(p)}: ${p.problem}${p.value ? ` [${p.value}]` : ''}`);
	if (ordered.length > limit) lines.push(`  … and ${ordered.length - limit} more: every problem is in ${reportPath}`);
	return lines;
}

export async function main(argv: readonly string[], log: (s: string) => void = console.log): Promise<number> {
	let values: { out?: string; 'as-at'?: string; name?: string; partnership?: string; 'review-type'?: string; region?: string; review?: string; published?: string; help?: boolean };
	let positionals: string[];
	try {
		({ values, positionals } = parseArgs({
			args: [...argv],
			allowPositionals: true,
			options: {
				out: { type: 'string' },
				'as-at': { type: 'string' },
				name: { type: 'string' },
				partnership: { type: 'string' },
				'review-type': { type: 'string' },
				region: { type: 'string' },
				review: { type: 'string' },
				published: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (e) {
		log(`${(e as Error).message}\n\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		log(USAGE);
		return 0;
	}
	const asAt = values['as-at'];
	const type = values['review-type'];
	const wrong = !values.out
		? 'No --out folder given.'
		: positionals.length === 0
			? 'No file to import given.'
			: asAt && !isAsAt(asAt)
				? `--as-at "${asAt}" is not a date written YYYY-MM-DD.`
				: type && !/^(dhr|dardr)$/i.test(type)
					? `--review-type "${type}" is neither DHR nor DARDR.`
					: null;
	if (wrong) {
		log(`${wrong}\n\n${USAGE}`);
		return 2;
	}
	let files: FileLike[];
	try {
		files = collect(positionals);
	} catch (e) {
		log(`Cannot read the input: ${(e as Error).message}`);
		return 2;
	}
	const whole: FileValues = {
		...(values.partnership ? { partnership: values.partnership } : {}),
		...(type ? { review_type: type.toUpperCase() } : {}),
		...(values.region ? { region: values.region } : {}),
		...(values.review ? { review: values.review } : {}),
		...(values.published ? { published: values.published } : {})
	};
	const session = new ImportSession();
	await session.read(files);
	const result = session.run({ asAt: asAt ?? null, name: values.name, fileValues: { '*': whole } });
	const out = values.out!;
	const reportPath = path.join(out, 'report.csv');
	mkdirSync(out, { recursive: true });
	writeFileSync(reportPath, reportCsv(result.problems));
	log(`${result.kind === 'dhrd' ? 'National DHRD' : 'Tracker'} import of ${files.length} file(s): ${reportSummary(result.problems).split('\n')[0]}`);
	for (const line of problemLines(result.problems, reportPath)) log(line);
	if (result.blocking) {
		log(`Nothing imported: fix the blocking problems and run again. The report is in ${reportPath}.`);
		return 1;
	}
	const buffers = session.buffers();
	for (const t of TABLE_NAMES) writeFileSync(path.join(out, result.meta.files[t]), buffers[t]);
	writeFileSync(path.join(out, 'meta.json'), JSON.stringify(result.meta, null, '\t') + '\n');
	const done = result.meta.row_counts;
	log(`Wrote ${out}: ${TABLE_NAMES.map((t) => `${t} ${done[t]}`).join(', ')}; as at ${result.meta.as_at ?? 'not set'}.`);
	if (result.unknownStatuses.length) log(`Status words not known: ${result.unknownStatuses.join(', ')}`);
	if (result.unknownAgencies.length) log(`Agencies not matched to known ones: ${result.unknownAgencies.join(', ')}`);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main(process.argv.slice(2)).then((code) => process.exit(code));
}
