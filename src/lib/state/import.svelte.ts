/**
 * One import on its way in, as the /import page and /compare's national import hold it: the files
 * read once (in the import worker), the user's choices (column mappings, status words and agency
 * names, theme and kind-of-change corrections, whole-file values, the split of a report's text, the
 * as-at date), the check re-run in the worker on every change of them, and at the end the tables
 * kept in this browser (and opened, or not). The worker does the reading, checking and converting,
 * so the page stays responsive on large files; Cancel ends it (the data loaded in the app is not
 * touched until the very end).
 */
import { untrack } from 'svelte';
import type { ImportSummary, Problem, ReadProgress, SourceSummary } from '$lib/import';
import { CancelledError, ImportWorker } from '$lib/import/client';
import type { StoredInfo } from '$lib/store/store';
import { autoThemeRows } from '$lib/views/import';
import { dataset } from './dataset.svelte';
import { ImportChoices } from './import-choices.svelte';
import { words } from './sources';

export const CANCELLED = 'Import cancelled: nothing was changed.';

/** What the worker is doing: reading the files, checking them, converting for the import, or the app storing (and opening) them. */
export type ImportPhase = 'idle' | 'reading' | 'checking' | 'converting' | 'saving';


export class ImportSession {
	readonly worker = new ImportWorker();
	sources = $state.raw<SourceSummary[]>([]);
	readProblems = $state.raw<Problem[]>([]);
	/** What the user decided about the files read (state/import-choices). */
	readonly choices = new ImportChoices();
	/** The last check: what the Import button would load. */
	result = $state.raw<ImportSummary | null>(null);
	phase = $state<ImportPhase>('idle');
	progress = $state.raw<ReadProgress | null>(null);
	/** Name of the dataset imported and opened. */
	done = $state<string | null>(null);
	/** Why the import stopped (or that it was cancelled), in words. */
	message = $state<string | null>(null);

	dhrd = $derived(this.result?.kind === 'dhrd');
	knownAgencies = $derived(dataset.known?.agency ? [...dataset.known.agency].sort() : []);
	themeRows = $derived(this.result ? autoThemeRows(this.result.autoRecommendations, this.result.autoThemes, this.choices.themeEdits, this.result.autoCategories, this.choices.categoryEdits) : []);
	cancellable = $derived(this.phase === 'reading' || this.phase === 'checking' || this.phase === 'converting');
	hasFiles = $derived(this.sources.length + this.readProblems.length > 0);
	rowCount = $derived(this.sources.reduce((n, s) => n + s.rowCount, 0));

	#checking: Promise<ImportSummary> | null = null;
	#again = false;
	#onClear: () => void;

	/** `onClear`: told when a cancel drops what was read (the page empties its file input). */
	constructor(onClear: () => void = () => {}) {
		this.#onClear = onClear;
	}

	/** Read files and check them; a failure is said in `message`. */
	async take(list: FileList | readonly File[] | null | undefined): Promise<void> {
		if (!list || list.length === 0) return;
		this.done = null;
		this.choices.saveNote = null;
		this.message = null;
		this.result = null;
		try {
			await this.read([...list]);
			// `checkOnChange` runs the first check.
		} catch (e) {
			this.#failed(e);
		}
	}

	/** Pasted recommendations are read like a report's text file ("….report.txt" is always report text). */
	takeText(text: string): Promise<void> {
		if (!text.trim()) return Promise.resolve();
		return this.take([new File([text], 'Pasted recommendations.report.txt', { type: 'text/plain' })]);
	}

	/** Read the files in the worker, each source with a first mapping (one saved for the same headers, else suggested). Throws on failure. */
	async read(files: readonly File[]): Promise<void> {
		this.phase = 'reading';
		this.progress = null;
		try {
			const read = await this.worker.read(files, (p) => (this.progress = p));
			this.choices.startFrom(read.sources);
			this.readProblems = read.problems;
			this.sources = read.sources;
		} finally {
			this.phase = 'idle';
		}
	}

	/** Run the check again whenever one of its inputs changes (call it in an `$effect`). */
	checkOnChange(): void {
		// Every input of the check, read here so a change of any of them runs it again.
		void this.choices.options(this.knownAgencies);
		untrack(() => this.hasFiles && void this.check());
	}

	/**
	 * Run the whole import (split, values, checks) in the worker, so the report always describes
	 * exactly what the Import button would load. Changes made while a check runs are gathered into
	 * one more run (every caller gets its result); the last report stays on screen meanwhile.
	 * Throws when the worker fails.
	 */
	run(): Promise<ImportSummary> {
		if (this.#checking) {
			this.#again = true;
			return this.#checking;
		}
		this.phase = 'checking';
		this.#checking = (async () => {
			try {
				let r: ImportSummary;
				do {
					this.#again = false;
					r = await this.worker.run(this.choices.options(this.knownAgencies));
				} while (this.#again);
				this.result = r;
				return r;
			} finally {
				this.phase = 'idle';
				this.#checking = null;
			}
		})();
		return this.#checking;
	}

	/** `run`, with a failure said in `message`. */
	async check(): Promise<void> {
		if (this.#checking) return void this.run();
		try {
			await this.run();
		} catch (e) {
			this.#failed(e);
		}
	}

	/** Keep the checked import in this browser and open it in place of the data shown; why not, in `message`. */
	async importAndOpen(): Promise<void> {
		const result = this.result;
		if (!result || result.blocking || this.phase !== 'idle') return;
		this.done = null;
		this.message = null;
		let buffers;
		try {
			buffers = await this.#tables();
		} catch (e) {
			this.phase = 'idle';
			this.#failed(e);
			return;
		}
		const info = await dataset.saveAndOpen(buffers, result.meta, result.meta.name);
		this.phase = 'idle';
		if (info) this.done = info.name;
		else this.message = dataset.notice;
	}

	/** Keep the checked import in this browser without opening it (the list of kept datasets is read again). Throws on failure. */
	async keepOnly(): Promise<StoredInfo> {
		const { meta } = this.result!;
		try {
			const info = await dataset.kept.put(await this.#tables(), meta, meta.name);
			await dataset.refreshStored();
			return info;
		} finally {
			this.phase = 'idle';
		}
	}

	/** End the worker: whatever it was doing is dropped, and the next request starts afresh. */
	cancel() {
		this.worker.cancel();
	}

	/** The checked import's tables, converted in the worker. */
	async #tables() {
		this.phase = 'converting';
		const buffers = await this.worker.buffers();
		this.phase = 'saving';
		return buffers;
	}

	#failed(e: unknown) {
		if (e instanceof CancelledError) {
			this.choices.clear();
			this.sources = [];
			this.readProblems = [];
			this.result = null;
			this.progress = null;
			this.#onClear();
			this.message = CANCELLED;
		} else this.message = `The import stopped: ${words(e)}`;
	}
}
