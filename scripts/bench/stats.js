// Small statistics for the benchmark: nearest-rank percentiles over the runs.

/** The p-th percentile (0–100) by nearest rank; null for no values. */
export function percentile(xs, p) {
	const s = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
	if (!s.length) return null;
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const median = (xs) => percentile(xs, 50);

/** { median, p95 } rounded to whole units (or one decimal below 10). */
export function summary(xs) {
	const r = (v) => (v == null ? null : v < 10 ? Math.round(v * 10) / 10 : Math.round(v));
	return { median: r(median(xs)), p95: r(percentile(xs, 95)), n: xs.filter((x) => x != null).length };
}

export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100);
