/**
 * Small-number protection: counts from 1 to N−1 are hidden (shown as "<N"), and so is any figure
 * from which a hidden count could be worked out.
 *
 * A hidden number is `NaN` in the data the views draw (`HIDDEN`): it is a number, so the types of
 * rows do not change, and every place that shows one goes through `formatCount`/`formatPercent`
 * (which print "<N" and "hidden") or a chart, which draws no mark for it. Zero is shown: that
 * nobody is counted discloses nobody.
 *
 * Secondary (complementary) suppression: wherever a total is shown beside the cells that add up to
 * it, one hidden cell could be found by subtraction, so while a group with a shown total has
 * exactly one hidden cell, its smallest other non-zero cell is hidden too (repeated over rows and
 * columns of a table until nothing changes). A percentage is hidden when its count or its base is.
 *
 * Pure: no Svelte, no engine. The rule in force is passed in (`Rule`), null when protection is off.
 */

/** What a hidden count is in the data: a NaN, told apart from 0 and from a missing value (null). */
export const HIDDEN = Number.NaN;

export const isHidden = (v: unknown): boolean => typeof v === 'number' && Number.isNaN(v);

/** Counts below `below` (and above zero) are hidden. */
export interface Rule {
	below: number;
}

export const DEFAULT_THRESHOLD = 5;

/** A count under the rule: itself, or HIDDEN when it is small. Null stays null; zero stays zero. */
export function count(v: number | null, rule: Rule | null): number | null {
	if (v == null || !rule) return v;
	return v > 0 && v < rule.below ? HIDDEN : v;
}

/** A percentage under the rule: hidden when its count or its base is hidden (or small). */
export function share(pct: number | null, parts: readonly (number | null)[], rule: Rule | null): number | null {
	if (pct == null || !rule) return pct;
	return parts.some((p) => p != null && (isHidden(p) || (p > 0 && p < rule.below))) ? HIDDEN : pct;
}

/** The fields of an object that hold counts, hidden under the rule (a copy; the other fields kept). */
export function counts<T extends object>(row: T, fields: readonly (keyof T)[], rule: Rule | null): T {
	if (!rule) return row;
	const out = { ...row } as Record<keyof T, unknown>;
	for (const f of fields) {
		const v = row[f];
		if (typeof v === 'number') out[f] = count(v, rule);
	}
	return out as T;
}

/**
 * Cells of a partition that add up to a shown total (the cells of one row, say): returns the
 * cells with small ones hidden and, when exactly one is hidden while the total is shown, the
 * smallest other non-zero cell hidden too. `total` is the total shown (hidden itself when small);
 * pass null when no total is shown (then only primary suppression applies).
 */
export function partition(values: readonly number[], total: number | null, rule: Rule | null): { values: number[]; total: number | null } {
	if (!rule) return { values: [...values], total };
	const out = values.map((v) => count(v, rule) as number);
	const t = count(total, rule);
	if (t != null && !isHidden(t)) complement(out, values);
	return { values: out, total: t };
}

/**
 * One hidden cell alone in a group with a shown total: hide the smallest other non-zero shown cell
 * (in place in `out`; `original` holds the whole figures). True when a cell was hidden.
 */
export function complement(out: number[], original: readonly number[]): boolean {
	const hidden = out.filter(isHidden).length;
	if (hidden !== 1) return false;
	let pick = -1;
	for (let i = 0; i < out.length; i++) {
		if (isHidden(out[i]) || original[i] === 0) continue;
		if (pick < 0 || original[i] < original[pick]) pick = i;
	}
	if (pick < 0) return false;
	out[pick] = HIDDEN;
	return true;
}

/**
 * A table of counts with shown row totals and/or column totals (a theme × year matrix with each
 * theme's total, say). Small cells are hidden, then complementary cells, row by row and column by
 * column, until no row or column with a shown total has a single hidden cell.
 * `values[r][c]`; `rowTotals`/`colTotals` null when the table shows none.
 */
export function matrix(
	values: readonly (readonly number[])[],
	rule: Rule | null,
	totals: { rows: boolean; cols: boolean } = { rows: true, cols: true }
): number[][] {
	const out = values.map((row) => row.map((v) => (rule ? (count(v, rule) as number) : v)));
	if (!rule) return out;
	const rowSum = values.map((row) => row.reduce((a, b) => a + b, 0));
	const colSum = values[0] ? values[0].map((_, c) => values.reduce((a, row) => a + row[c], 0)) : [];
	for (let pass = 0; pass < 100; pass++) {
		let changed = false;
		if (totals.rows)
			out.forEach((row, r) => {
				if (isHidden(count(rowSum[r], rule))) return; // the total is hidden too: nothing to work out
				const orig = values[r];
				if (complement(row, orig)) changed = true;
			});
		if (totals.cols)
			colSum.forEach((s, c) => {
				if (isHidden(count(s, rule))) return;
				const col = out.map((row) => row[c]);
				const orig = values.map((row) => row[c]);
				if (complement(col, orig)) {
					col.forEach((v, r) => (out[r][c] = v));
					changed = true;
				}
			});
		if (!changed) break;
	}
	return out;
}
