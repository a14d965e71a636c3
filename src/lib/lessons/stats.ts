/**
 * Small statistics for comparing shares of reviews: the Wilson score interval of a proportion,
 * and when a comparison rests on too few reviews to read without care. Pure functions.
 */

/** The two-sided 95% normal quantile (the 0.975 point of the standard normal). */
export const Z95 = 1.959963984540054;

export interface Interval {
	low: number;
	high: number;
}

/**
 * Wilson score interval for `k` successes out of `n` (Wilson 1927), as proportions in [0, 1]:
 *
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
 *
 * with p = k/n. Unlike the plain p ± z·√(p(1−p)/n), it stays inside [0, 1] and is not of zero width
 * at 0/n or n/n, which matters for the small counts of local reviews. Null when n is 0 (no share).
 */
export function wilson(k: number, n: number, z: number = Z95): Interval | null {
	if (!(n > 0) || !(k >= 0) || k > n || !Number.isFinite(k) || !Number.isFinite(n)) return null;
	const p = k / n;
	const z2 = z * z;
	const d = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / d;
	const half = (z / d) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	// Rounding can put an end a hair outside [0, 1] (10/10 gives 0.9999999999999999): clamp, and
	// make the exact ends exact.
	return {
		low: k === 0 ? 0 : Math.max(0, centre - half),
		high: k === n ? 1 : Math.min(1, centre + half)
	};
}

/** Below this many local reviews a share is read with care. */
export const FEW_REVIEWS = 30;
/** Below this expected count (local reviews × national share, either way) a difference is read with care. */
export const FEW_EXPECTED = 5;

/**
 * Whether a local share rests on few reviews: fewer than 30 reviews in its base, or, under the
 * national share p, an expected count N·p or N·(1 − p) under 5 (the usual rule for a normal
 * approximation; the interval is still given, to be read with care).
 */
export function fewReviews(localBase: number, nationalShare: number | null): boolean {
	if (localBase < FEW_REVIEWS) return true;
	if (nationalShare == null) return false;
	return Math.min(localBase * nationalShare, localBase * (1 - nationalShare)) < FEW_EXPECTED;
}
