/**
 * One import in progress, as the /import page's worker (and the tests) hold it: the files read once
 * into Sources, then the import re-run on every change of mapping or choice, then the Arrow
 * buffers of the last result. Reading reports progress (file i of n, bytes read, rows found). Plain
 * TypeScript: runs in a Web Worker, under Node, anywhere.
 */
import { datasetBuffers, importSources, sourceId, summaryOf, type ImportOptions, type ImportResult, type ImportSummary } from './importer';
import { readFile, sizeProblem } from './read';
import { ImportError, type Cell, type Problem, type Source } from './types';
import type { TableName } from '../model/schema';

/** What the page shows of a source: headers, the first rows and the count, not every row. */
export interface SourceSummary {
	id: string;
	file: string;
	sheet?: string;
	headers: string[];
	preview: Cell[][];
	rowCount: number;
	/** 'report-text' for recommendations split from a report: the page shows them whole, to correct. */
	kind?: Source['kind'];
	/** The whole source, for report text only (a few dozen rows). */
	full?: Source;
}

export interface ReadProgress {
	/** 1-based number of the file being read, of `files`. */
	file: number;
	files: number;
	name: string;
	stage: 'reading' | 'parsing';
	bytes: number;
	total: number;
	/** Rows found so far, in the files already parsed. */
	rows: number;
}

/** A file as the browser gives it (File) or a test builds it. */
export interface FileLike {
	name: string;
	size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
	stream?(): ReadableStream<Uint8Array>;
}

export const PREVIEW_ROWS = 5;

export function summarise(s: Source): SourceSummary {
	return {
		id: sourceId(s),
		file: s.file,
		...(s.sheet ? { sheet: s.sheet } : {}),
		headers: s.headers,
		preview: s.rows.slice(0, PREVIEW_ROWS),
		rowCount: s.rows.length,
		...(s.kind === 'report-text' ? { kind: s.kind, full: s } : {})
	};
}

/** The bytes of a file, reporting how many have arrived (a stream where the file offers one). */
async function bytesOf(f: FileLike, onBytes: (n: number) => void): Promise<Uint8Array> {
	if (!f.stream) {
		const b = new Uint8Array(await f.arrayBuffer());
		onBytes(b.length);
		return b;
	}
	const out = new Uint8Array(f.size);
	let at = 0;
	const reader = f.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (at + value.length > out.length) throw new Error('the file grew while it was read');
		out.set(value, at);
		at += value.length;
		onBytes(at);
	}
	return at === out.length ? out : out.subarray(0, at);
}

export class ImportSession {
	sources: Source[] = [];
	readProblems: Problem[] = [];
	#last: ImportResult | null = null;

	/** Read every file (replacing what was read before); unreadable files become blocking problems. */
	async read(files: readonly FileLike[], progress: (p: ReadProgress) => void = () => {}): Promise<{ sources: SourceSummary[]; problems: Problem[] }> {
		const sources: Source[] = [];
		const problems: Problem[] = [];
		let rows = 0;
		for (const [i, f] of files.entries()) {
			const at = { file: i + 1, files: files.length, name: f.name, total: f.size, rows };
			try {
				const tooLarge = sizeProblem(f.size, f.name);
				if (tooLarge) throw tooLarge;
				progress({ ...at, stage: 'reading', bytes: 0 });
				const bytes = await bytesOf(f, (n) => progress({ ...at, stage: 'reading', bytes: n }));
				progress({ ...at, stage: 'parsing', bytes: bytes.length });
				const read = await readFile(bytes, f.name);
				sources.push(...read);
				rows += read.reduce((s, x) => s + x.rows.length, 0);
			} catch (e) {
				const message = e instanceof ImportError ? e.message : `${f.name}: could not be read (${(e as Error).message}).`;
				problems.push({ file: f.name, problem: message, blocking: true });
			}
		}
		this.sources = sources;
		this.readProblems = problems;
		this.#last = null;
		return { sources: sources.map(summarise), problems };
	}

	/** Run the import on what was read, with these options; the tables stay here. */
	run(options: ImportOptions): ImportSummary {
		this.#last = importSources(this.sources, options, this.readProblems);
		return summaryOf(this.#last);
	}

	/** Arrow IPC buffers of the last run, for the dataset store; refused when it has a blocking problem. */
	buffers(): Record<TableName, Uint8Array> {
		if (!this.#last) throw new Error('Nothing has been checked yet.');
		if (this.#last.blocking) throw new Error('The import has blocking problems: nothing can be imported.');
		return datasetBuffers(this.#last);
	}
}
