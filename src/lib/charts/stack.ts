/** Bars and stacked bar segments from flat data: pure, so it is unit-tested. */

export interface BarDatum {
	key: string;
	label: string;
	series?: string;
	value: number;
}

export interface Segment extends BarDatum {
	/** Where the segment starts and ends on the value axis. */
	v0: number;
	v1: number;
	/** Index of the segment in keyboard order. */
	i: number;
}

/**
 * Segments in category order (first appearance), and within a category in `seriesOrder` (unknown
 * series last), each starting where the previous one ended. Zero values are kept (so a keyboard user
 * hears "0") but take no room; so do hidden ones (NaN).
 */
export function stackSegments(data: readonly BarDatum[], seriesOrder: readonly string[] = []): Segment[] {
	const keys = [...new Set(data.map((d) => d.key))];
	const rank = (s: string | undefined) => {
		const r = s == null ? -1 : seriesOrder.indexOf(s);
		return r < 0 ? seriesOrder.length : r;
	};
	const out: Segment[] = [];
	for (const key of keys) {
		let v = 0;
		const parts = data.filter((d) => d.key === key).sort((a, b) => rank(a.series) - rank(b.series));
		for (const d of parts) {
			// A hidden value (NaN, small-number protection) takes no room; its label says "<N".
			const len = Number.isNaN(d.value) ? 0 : Math.max(0, d.value);
			out.push({ ...d, v0: v, v1: v + len, i: out.length });
			v += len;
		}
	}
	return out;
}

/** The total of each category. */
export function totals(segments: readonly Segment[]): Map<string, number> {
	const t = new Map<string, number>();
	for (const s of segments) t.set(s.key, Math.max(t.get(s.key) ?? 0, s.v1));
	return t;
}
