/**
 * The repeat finder over a query's rows, as reactive state (used by /lessons and the board report).
 * The finder is pure (lessons/repeats.ts) and runs on the rows in slices, so the page keeps
 * answering while a large dataset is searched; a newer search stops an older one, and so does
 * leaving the page.
 */
import { findLessonsInSlices, type LessonKind, type RepeatInput } from '$lib/lessons/repeats';
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
