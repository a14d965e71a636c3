/** Number and date formats used on every page (en-GB). */

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(n: number | null | undefined): string {
	return n == null ? '–' : whole.format(n);
}

export function formatPercent(p: number | null | undefined): string {
	return p == null ? '–' : `${oneDp.format(p)}%`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `yyyy-mm-dd` -> "30 September 2026", without going through the local time zone. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}
