/** Number and date formats used on every page (en-GB). */

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Small-number protection in every written count: while a threshold is set (by the protection
 * state, when the rule changes — views re-run their queries then, so every text is written again),
 * a count from 1 to N−1, and a hidden one (NaN, see privacy/suppress.ts), is written "<N". Charts
 * and tables get their data through privacy/protect.ts as well, for the cells that would reveal a
 * small one (secondary suppression).
 */
let threshold: number | null = null;
export function setSmallNumberThreshold(n: number | null): void {
	threshold = n;
}

export function formatCount(n: number | null | undefined): string {
	if (n == null) return '–';
	if (Number.isNaN(n) || (threshold != null && n > 0 && n < threshold)) return `<${threshold ?? 5}`;
	return whole.format(n);
}

/** A percentage; "hidden" when it is built on a hidden count. */
export function formatPercent(p: number | null | undefined): string {
	if (p == null) return '–';
	return Number.isNaN(p) ? 'hidden' : `${oneDp.format(p)}%`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `yyyy-mm-dd` -> "30 September 2026", without going through the local time zone. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}
