/**
 * Tick values of a value axis. A count axis gets whole numbers only: d3's ticks over a small
 * domain are fractional (0, 0.2, 0.4 … 1), which a whole-number format writes "0 0 0 1 1 1".
 * Whatever the values, a label is never written twice in a row (a coarse format can still round
 * two ticks to one label: the later one is dropped).
 */
import { ticks as d3ticks } from 'd3';

/** True when every shown value is a whole number (hidden values, NaN, are ignored): a count. */
export function allWhole(values: Iterable<number>): boolean {
	for (const v of values) if (!Number.isNaN(v) && !Number.isInteger(v)) return false;
	return true;
}

/**
 * About `count` ticks from `lo` to `hi` (d3's nice steps), whole numbers only when `whole`, each
 * label (`format`) different from the one before it.
 */
export function axisTicks(lo: number, hi: number, count: number, whole: boolean, format: (v: number) => string = String): number[] {
	if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
	let values = d3ticks(lo, hi, count);
	if (whole) {
		values = values.filter(Number.isInteger);
		// A domain narrower than one whole step (e.g. 0 to 0.5) still shows where it starts.
		if (values.length === 0) values = [Math.ceil(lo)].filter((v) => v <= hi);
	}
	const out: number[] = [];
	let last: string | null = null;
	for (const v of values) {
		const label = format(v);
		if (label === last) continue;
		out.push(v);
		last = label;
	}
	return out;
}
