/**
 * Which view of the figures is in force (privacy/view.ts): the internal view (nothing hidden, marked
 * "not for publication") or the publication view (small-number protection at a threshold). Two
 * choices per dataset, kept in this browser:
 * - the **working view** of the dashboard's pages, by default the one that fits the dataset
 *   (`defaultView`: a one-partnership tracker internal, the DHRD and multi-partnership data
 *   publication, the fictional demo nothing hidden);
 * - the **output view** of what leaves the partnership, the board report and every download:
 *   publication unless the user chooses otherwise.
 * The rule is plain data: pages pass `protection.rule` to the privacy functions (privacy/protect.ts)
 * and the formatters (`formatCount(n, rule)`) in a derived step on their query results, so changing
 * the view rewrites every figure and re-runs no query. A download made in the other view than the
 * one on screen (`asOutput`) redraws the page in the output view for as long as it takes to copy it.
 */
import { tick } from 'svelte';
import { page } from '$app/state';
import { dataset } from './dataset.svelte';
import { activity } from './query.svelte';
import { DEFAULT_THRESHOLD, type Rule } from '$lib/privacy/suppress';
import { defaultReason, defaultView, outputFileName, pageView, PUBLICATION_PAGES, ruleOf, viewMark, type DatasetShape, type View } from '$lib/privacy/view';
import { isNationalMeta } from '$lib/views/compare';

/** As kept: `on` is the working view (true: publication), as before the two views were named. */
interface Choice {
	on: boolean;
	below: number;
	/** The output view; absent: publication. */
	output?: View;
}

const KEY = 'dhr-protection';

function load(): Record<string, Choice> {
	try {
		const v = JSON.parse(localStorage.getItem(KEY) ?? '{}');
		return v && typeof v === 'object' ? v : {};
	} catch {
		return {};
	}
}

/** The threshold a user may choose: a whole number from 2 to 100 (5 by default). */
export function validThreshold(n: number): boolean {
	return Number.isInteger(n) && n >= 2 && n <= 100;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

class Protection {
	#choices = $state<Record<string, Choice>>(typeof localStorage === 'undefined' ? {} : load());
	/** Set while a download is drawn in the output view (see `asOutput`). */
	#drawing = $state<View | null>(null);

	/** Which dataset the choice is kept for. */
	get #key(): string {
		return dataset.activeId ?? 'demo';
	}

	/** What the default view depends on. Partnerships not yet counted: taken as many (the safe side). */
	get shape(): DatasetShape {
		const meta = dataset.meta;
		return {
			fictional: meta?.fictional ?? true,
			national: isNationalMeta(meta),
			partnerships: dataset.known?.partnership?.size ?? Number.POSITIVE_INFINITY,
			reviews: dataset.counts?.reviews ?? meta?.row_counts?.reviews ?? Number.POSITIVE_INFINITY
		};
	}

	get #choice(): Choice {
		const kept = this.#choices[this.#key];
		if (kept) return kept;
		// Until meta.json is read nothing is shown, and the demo's default (nothing hidden) applies.
		return { on: defaultView(this.shape) === 'publication', below: DEFAULT_THRESHOLD };
	}

	/** The view of the dashboard's pages. */
	get working(): View {
		return this.#choice.on ? 'publication' : 'internal';
	}
	/** The view of the board report and of every download. */
	get output(): View {
		return this.#choice.output ?? 'publication';
	}
	/** Whether the working view is the user's choice (else the dataset's default). */
	get chosen(): boolean {
		return this.#key in this.#choices;
	}
	/** Why the dataset opened in its default view, in words. */
	get reason(): string {
		return defaultReason(this.shape);
	}
	/** This page's figures leave the partnership (the board report): it shows the output view. */
	get publishing(): boolean {
		return PUBLICATION_PAGES.includes(page.route.id ?? '');
	}
	/** The view in force on this page now. */
	get view(): View {
		return this.#drawing ?? pageView(page.route.id, this.working, this.output);
	}
	/** True when the page shows the publication view (small counts hidden). */
	get on(): boolean {
		return this.view === 'publication';
	}
	get below(): number {
		return this.#choice.below;
	}
	/** The rule in force, or null in the internal view. */
	get rule(): Rule | null {
		return this.#rule;
	}
	// Derived, so that the rule is one object until the view or the threshold changes.
	#rule = $derived.by(() => ruleOf(this.view, this.below));
	/** The mark of the view in force, in words ("Internal view — not for publication."). */
	get mark(): string {
		return viewMark(this.view, this.below, dataset.meta?.fictional ?? false);
	}
	/** The mark of the output view (for a download's source line). */
	get outputMark(): string {
		return viewMark(this.output, this.below, dataset.meta?.fictional ?? false);
	}
	/** The rule of the output view (for downloads). */
	get outputRule(): Rule | null {
		return ruleOf(this.output, this.below);
	}

	#keep(next: Partial<Choice>): void {
		const c = this.#choice;
		this.#choices = { ...this.#choices, [this.#key]: { on: c.on, below: c.below, ...(c.output ? { output: c.output } : {}), ...next } };
		try {
			localStorage.setItem(KEY, JSON.stringify(this.#choices));
		} catch {
			// Kept for this visit only.
		}
	}

	/** Choose the working view (`on`: publication) and the threshold, as before the views were named. */
	set(on: boolean, below: number = this.below): void {
		if (!validThreshold(below)) return;
		this.#keep({ on, below });
	}
	/** Choose the view of this page: on the board report the output view, elsewhere the working view. */
	choose(view: View): void {
		if (this.publishing) this.#keep({ output: view });
		else this.#keep({ on: view === 'publication' });
	}
	setOutput(view: View): void {
		this.#keep({ output: view });
	}
	setBelow(below: number): void {
		if (validThreshold(below)) this.#keep({ below });
	}

	/** A download's file name, marked when it holds the internal view. */
	fileName(name: string): string {
		return outputFileName(name, this.output);
	}

	/**
	 * Run `copy` (which reads the page: a chart's drawing) with the page drawn in the output view:
	 * when that is not the view on screen, the page is redrawn in it (its queries answered from the
	 * engine's memory), `copy` runs once no query is running, and the page goes back.
	 */
	async asOutput<T>(copy: () => T | Promise<T>): Promise<T> {
		if (this.output === this.view) return copy();
		this.#drawing = this.output;
		try {
			await tick();
			// The figures are worked out again under the other rule (no query re-runs; any still running
		// for the page is waited for, at most about 20 s), then a frame is drawn.
			for (let i = 0; i < 400 && activity.pending > 0; i++) await new Promise((r) => setTimeout(r, 50));
			await tick();
			await frame();
			await frame();
			return await copy();
		} finally {
			this.#drawing = null;
		}
	}
}

export const protection = new Protection();
