/** Number and date formats used on every page (en-GB). */
import { DEFAULT_THRESHOLD, type Rule } from './privacy/suppress';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Small-number protection in every written count: under a rule (privacy/suppress.ts; null in the
 * internal view) a count from 1 to N−1, and a hidden one (NaN), is written "<N". The rule is passed
 * in, so a change of view rewrites the text where it is shown and re-runs no query. Charts and
 * tables get their data through privacy/protect.ts as well, for the cells that would reveal a small
 * one (secondary suppression).
 */
export function formatCount(n: number | null | undefined, rule: Rule | null = null): string {
	if (n == null) return '–';
	if (Number.isNaN(n) || (rule != null && n > 0 && n < rule.below)) return hiddenLabel(rule);
	return whole.format(n);
}

/** How a hidden count is written under the rule: "<N" (with no rule, "<5", the default threshold). */
export function hiddenLabel(rule: Rule | null): string {
	return `<${rule?.below ?? DEFAULT_THRESHOLD}`;
}

/** `formatCount` under one rule, for places that take a formatter (table columns, chart labels). */
export function countFormat(rule: Rule | null): (n: number | null | undefined) => string {
	return (n) => formatCount(n, rule);
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
