/**
 * Repeated lessons as reactive state (used by /lessons and the board report):
 * - `useLessonSearch`: the repeat finder over a query's rows. The finder is pure (lessons/repeats.ts)
 *   and runs on the rows in slices, so the page keeps answering while a large dataset is searched; a
 *   newer search stops an older one, and so does leaving the page.
 * - `LessonChoices`: the user's confirmed and dismissed lessons, kept per dataset in this browser
 *   (views/lessons.ts reads and writes localStorage); what was chosen this visit is held here too,
 *   so a browser that refuses to store still shows the choice until the page is left.
 */
import { findLessonsInSlices, type LessonKind, type RepeatInput } from '$lib/lessons/repeats';
import { loadChoices, saveChoice, type Choice, type Choices } from '$lib/views/lessons';
import { dataset } from './dataset.svelte';
import { useQuery } from './query.svelte';

/** Search `rows()` for repeated lessons of `kind()`, again whenever either changes. */
export function useLessonSearch<R extends RepeatInput>(rows: () => readonly R[] | null, kind: () => LessonKind) {
	let runs = 0;
	const search = useQuery(() => {
		const input = rows();
		const k = kind();
		if (!input) return null;
		const mine = ++runs;
		return findLessonsInSlices(input, k, () => mine !== runs);
	});
	$effect(() => () => {
		runs++; // leaving the page stops a search still running
	});
	return search;
}

const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

export class LessonChoices {
	#mine = $state<Record<string, Choices>>({});
	#key = $derived(dataset.activeId ?? 'demo');
	#current = $derived(this.#mine[this.#key] ?? loadChoices(storage(), this.#key));

	/** The choices for the open dataset. */
	get current(): Choices {
		return this.#current;
	}
	/** Confirm or dismiss a lesson (null: undecided again). */
	choose(key: string, choice: Choice | null): void {
		this.#mine = { ...this.#mine, [this.#key]: saveChoice(storage(), this.#key, key, choice) };
	}
}
