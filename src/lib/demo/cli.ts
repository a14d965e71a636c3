/**
 * Command line of the demo generator (scripts/generate-demo.ts is a thin wrapper around `main`):
 *   tsx scripts/generate-demo.ts [--reviews N] [--seed S] [--out DIR] [--as-at YYYY-MM-DD]
 * Prints one line: row counts and the time taken.
 */
import { parseArgs } from 'node:util';
import { TABLE_NAMES } from '../model/schema';
import { DEFAULTS, generateDemo, type GenerateOptions } from './generate';
import { writeDataset } from './write';

export const DEFAULT_OUT = 'static/data/demo';

export interface CliOptions extends GenerateOptions {
	out: string;
}

function integer(name: string, s: string | undefined, fallback: number): number {
	if (s === undefined) return fallback;
	if (!/^-?\d+$/.test(s)) throw new Error(`--${name} must be an integer, got "${s}"`);
	return Number(s);
}

export function parseCli(argv: readonly string[]): CliOptions {
	const { values } = parseArgs({
		args: [...argv],
		options: {
			reviews: { type: 'string' },
			seed: { type: 'string' },
			out: { type: 'string' },
			'as-at': { type: 'string' }
		},
		strict: true,
		allowPositionals: false
	});
	return {
		reviews: integer('reviews', values.reviews, DEFAULTS.reviews),
		seed: integer('seed', values.seed, DEFAULTS.seed),
		asAt: values['as-at'] ?? DEFAULTS.asAt,
		out: values.out ?? DEFAULT_OUT
	};
}

/** Runs the generator and writes the files; returns the summary line it printed. */
export function main(argv: readonly string[], log: (line: string) => void = console.log): string {
	const opts = parseCli(argv);
	const t0 = performance.now(); // timing only; never feeds the data
	const result = generateDemo(opts);
	const sizes = writeDataset(opts.out, result);
	const seconds = (performance.now() - t0) / 1000;
	const counts = TABLE_NAMES.map((t) => `${t} ${result.meta.row_counts[t]}`).join(', ');
	const bytes = Object.values(sizes).reduce((a, b) => a + b, 0);
	const line = `Wrote ${opts.out}: ${counts}; ${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s (seed ${opts.seed}, as at ${opts.asAt}).`;
	log(line);
	return line;
}
