/**
 * The /compare page's national dataset: which stored dataset is the national one (a DHRD import
 * kept in this browser), loading its reviews and factors into the engine beside the open dataset
 * (`loadComparison`, schema `national`), again whenever the open dataset changes (a new engine
 * object after every load, a restart included), and loading the DHRD's three CSVs here through an
 * import session (state/import) into the store without opening them. The choice is remembered in
 * localStorage (store/active).
 */
import { untrack } from 'svelte';
import { dataset } from '$lib/state/dataset.svelte';
import { dropComparison, loadComparison } from '$lib/db/compare';
import type { Engine } from '$lib/db/engine';
import type { DatasetMeta } from '$lib/model/schema';
import type { Problem } from '$lib/import';
import { rememberedId, rememberId } from '$lib/store/active';
import { isNationalMeta } from '$lib/views/compare';
import { whereText } from '$lib/views/import';

const KEY = 'dhr-lessons.compare-national';
const message = (e: unknown) => (e as Error)?.message ?? String(e);
/** The blocking problems, each with where it is, as one text. */
const blockingText = (problems: readonly Problem[]) =>
	problems
		.filter((p) => p.blocking)
		.map((p) => `${whereText(p)}: ${p.problem}`)
		.join(' ');

export class NationalState {
	/** The stored dataset chosen as the national one. */
	chosen = $state<string | null>(rememberedId(KEY));
	/** 'loading' while its tables go into the engine; 'ready' when they are in. */
	phase = $state<'none' | 'loading' | 'ready' | 'error'>('none');
	error = $state<string | null>(null);
	/** Set after every load, so the queries that read it run again. */
	engine = $state.raw<Engine | null>(null);
	meta = $state.raw<DatasetMeta | null>(null);
	/** Loading the three CSVs here: progress in words, or why it failed. */
	importing = $state<string | null>(null);
	importError = $state<string | null>(null);

	/** The stored datasets that are national (DHRD) ones, newest first. */
	get choices() {
		return dataset.stored.filter((d) => isNationalMeta(d.meta));
	}

	/** The chosen one if it is still stored, else the newest national one. */
	get current() {
		const c = this.choices;
		return c.find((d) => d.id === this.chosen) ?? c[0] ?? null;
	}

	choose(id: string) {
		this.chosen = id;
		rememberId(KEY, id);
	}

	/** Start following the open dataset and the choice; returns the cleanup (drops the tables). */
	follow(): () => void {
		let run = 0;
		let last: Engine | null = null;
		const stop = $effect.root(() => {
			$effect(() => {
				const engine = dataset.engine;
				const pick = this.current;
				if (!engine || !pick) {
					untrack(() => {
						this.phase = 'none';
						this.engine = null;
					});
					return;
				}
				const mine = ++run;
				last = engine;
				untrack(() => {
					this.phase = 'loading';
					this.error = null;
				});
				void (async () => {
					try {
						const { buffers } = await dataset.tables(pick.id);
						await loadComparison(engine, { reviews: buffers.reviews, review_factors: buffers.review_factors }, `"${pick.name}"`);
						if (mine !== run) return;
						this.meta = { ...pick.meta, name: pick.name };
						this.engine = { ...engine };
						this.phase = 'ready';
					} catch (e) {
						if (mine !== run) return;
						this.error = `"${pick.name}" could not be loaded beside the open dataset: ${message(e)}`;
						this.phase = 'error';
						this.engine = null;
					}
				})();
			});
		});
		return () => {
			run++;
			stop();
			// Leaving the page: the national tables go (they would go stale with the next dataset).
			if (last) void dropComparison(last).catch(() => {});
		};
	}

	/** Read the DHRD's CSVs through an import session and keep them in this browser (not opened). */
	async importFiles(files: readonly File[]): Promise<void> {
		this.importError = null;
		this.importing = `Reading ${files.length} file${files.length === 1 ? '' : 's'}…`;
		const { ImportSession } = await import('$lib/state/import.svelte');
		const session = new ImportSession();
		try {
			await session.read(files);
			if (session.readProblems.some((p) => p.blocking)) throw new Error(session.readProblems.filter((p) => p.blocking).map((p) => p.problem).join(' '));
			this.importing = 'Converting the DHRD…';
			const summary = await session.run();
			if (summary.kind !== 'dhrd') {
				throw new Error(
					'These files are not the DHRD: choose its three CSV files, incidents.csv, victims.csv and perpetrators.csv (they are recognised by their columns). A local tracker is imported on the Import page instead.'
				);
			}
			const blocking = blockingText(summary.problems);
			if (blocking) throw new Error(blocking);
			this.importing = 'Keeping it in this browser…';
			this.choose((await session.keepOnly()).id);
		} catch (e) {
			this.importError = `The national dataset was not loaded: ${message(e)} Nothing was changed.`;
		} finally {
			session.cancel();
			this.importing = null;
		}
	}
}
