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

/** `yyyy-mm-dd` -> "30/09/2026" (day/month/year, as typed in England and Wales). */
export function formatShortDate(iso: string | null | undefined): string {
	if (!iso) return '';
	const [y, m, d] = iso.split('-');
	return `${d}/${m}/${y}`;
}

const MONTH_WORDS = new Map(MONTHS.flatMap((name, i) => [[name.toLowerCase(), i + 1], [name.slice(0, 3).toLowerCase(), i + 1]] as const));
MONTH_WORDS.set('sept', 9);

export type ParsedDate = { iso: string } | { error: string };

/**
 * A date as typed, read the British way whatever the browser's locale: day/month/year
 * ("30/09/2026", "30.9.2026", "30-09-2026"), the ISO form ("2026-09-30") or in words
 * ("30 September 2026", "30 Sept 2026"). Anything else, a two-figure year or a day the month does
 * not have, gets an error in plain words. Never goes through the local time zone.
 */
export function parseDate(text: string): ParsedDate {
	const t = text.trim();
	const example = 'Write the date as day/month/year, for example 30/09/2026, or as 2026-09-30.';
	if (!t) return { error: `No date given. ${example}` };
	let y: number, m: number, d: number;
	let match: RegExpMatchArray | null;
	if ((match = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) [y, m, d] = [+match[1], +match[2], +match[3]];
	else if ((match = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/))) {
		if (match[3].length === 2) return { error: `“${t}” has a two-figure year: write the year in full, for example ${match[1]}/${match[2]}/20${match[3]}.` };
		[d, m, y] = [+match[1], +match[2], +match[3]];
	} else if ((match = t.match(/^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/))) {
		const month = MONTH_WORDS.get(match[2].toLowerCase());
		if (!month) return { error: `“${t}”: “${match[2]}” is not the name of a month. ${example}` };
		[d, m, y] = [+match[1], month, +match[3]];
	} else return { error: `“${t}” is not a date this page can read. ${example}` };
	if (m < 1 || m > 12) return { error: `“${t}”: there is no month ${m} (day comes first, then month). ${example}` };
	const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
	if (d < 1 || d > days) return { error: `“${t}”: ${MONTHS[m - 1]} ${y} has no day ${d}.` };
	if (y < 1900 || y > 2100) return { error: `“${t}”: the year ${y} is out of range (1900 to 2100).` };
	return { iso: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
