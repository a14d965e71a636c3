/**
 * Dates as trackers write them -> `yyyy-mm-dd`. Accepted: yyyy-mm-dd, dd/mm/yyyy (also with - or .,
 * and two-digit years as 20yy), Excel serial numbers, month names ("Sept 2021", "September 2021",
 * "Sep-21"), quarters ("Q3 2022" calendar; "Q3 2022/23" financial year from April) and bare years.
 *
 * A month, quarter or year is a period, not a day. For a TARGET date it becomes the LAST day of
 * the period: "by Q3 2022" is met until 30 September, so the action is not called overdue while
 * its period is still running. For every other date it becomes the FIRST day, as the model
 * stores `death_month` (the earliest day the event can have happened).
 */
export type PeriodEnd = 'first' | 'last';

export interface DateResult {
	iso: string | null;
	/** Set when the text named a month/quarter/year rather than a day. */
	precision?: 'month' | 'quarter' | 'season' | 'year';
	/** Set when the value could not be read as a date. */
	error?: string;
	/**
	 * "Within 6 months", "12 months from publication", "Immediately": a span of months after the
	 * review's publication (0 for "immediately"), for the caller to resolve; `iso` is null.
	 */
	relativeMonths?: number;
	/** Set when the cell held several dates ("March 2024, revised to June 2024"): the last was used. */
	several?: boolean;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'twenty four': 24, 'twenty-four': 24 };
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };

/** "Within 6 months", "six months from publication", "12 months", "1 year", "immediately" -> months, or null. */
export function relativeMonths(text: string): number | null {
	const s = text.trim().toLowerCase().replace(/[()]/g, ' ').replace(/\s+/g, ' ');
	if (/^(immediate(ly)?|with immediate effect|now)$/.test(s)) return 0;
	const m = s.match(/^(?:within|in|by|no later than)?\s*(?:the next\s+)?(\d{1,2}|[a-z]+(?:[ -][a-z]+)?)\s+(months?|years?|weeks?)\b(?:\s+(?:of|from|after|following)\b.*)?$/);
	if (!m) return null;
	const n = /^\d+$/.test(m[1]) ? Number(m[1]) : (NUMBER_WORDS[m[1]] ?? null);
	if (n === null) return null;
	if (m[2].startsWith('year')) return n * 12;
	if (m[2].startsWith('week')) return Math.max(1, Math.round(n / 4.345));
	return n;
}

/** The date `months` calendar months after `iso` (the last day of a shorter month when it runs over). */
export function addMonths(iso: string, months: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const ny = Math.floor(total / 12);
	const nm = (total % 12) + 1;
	return `${ny}-${pad(nm)}-${pad(Math.min(d, daysIn(ny, nm)))}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function ymd(y: number, m: number, d: number): string | null {
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
	return `${y}-${pad(m)}-${pad(d)}`;
}

function period(y: number, m1: number, m2: number, end: PeriodEnd): string | null {
	return end === 'first' ? ymd(y, m1, 1) : ymd(y, m2, daysIn(y, m2));
}

const year = (s: string) => {
	const n = Number(s);
	return s.length === 2 ? 2000 + n : n;
};

/** Excel serial day number (1900 date system) -> ISO; 25569 is 1970-01-01. */
export function fromExcelSerial(serial: number): string | null {
	if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
	return new Date(Math.round((Math.floor(serial) - 25569) * 86400000)).toISOString().slice(0, 10);
}

export function parseDate(value: string | number | boolean | null, end: PeriodEnd = 'first'): DateResult {
	if (value === null || value === '') return { iso: null };
	if (typeof value === 'boolean') return { iso: null, error: 'not a date' };
	if (typeof value === 'number') {
		// A bare number is an Excel serial day; 1900-2200 alone is more likely a year.
		if (Number.isInteger(value) && value >= 1900 && value <= 2200) return parseDate(String(value), end);
		const iso = fromExcelSerial(value);
		return iso ? { iso } : { iso: null, error: 'number out of the range of dates' };
	}
	const whole = value.trim().toLowerCase().replace(/\s+/g, ' ');
	const rel = relativeMonths(whole);
	if (rel !== null) return { iso: null, relativeMonths: rel };
	const single = parseOne(whole, end);
	if (!single.error) return single;
	// Several dates in one cell ("March 2024 (revised June 2024)", "31/03/24 - extended to 30/09/24"):
	// the last one is the one in force.
	const parts = whole.split(/\s*(?:[;,()]|\s-\s|\s–\s|\bthen\b|\brevised(?: to)?\b|\bextended(?: to)?\b|\bnow\b|\bmoved to\b|\bnew date\b|:)\s*/).filter((p) => p && p.trim());
	const found = parts.map((p) => parseOne(p.trim(), end)).filter((r) => !r.error && r.iso);
	if (found.length >= 1) return { ...found[found.length - 1], ...(found.length > 1 ? { several: true } : {}) };
	return single;
}

function parseOne(text: string, end: PeriodEnd): DateResult {
	// Words around a date that do not change it: "by March 2024", "end of 2023", "April 2024 onwards".
	const endOf = /^(the )?end( of)? /.test(text);
	const s = text
		.replace(/^(by|before|due|due by|target|deadline|on or before|no later than|from|w\/c|week commencing)\s+/, '')
		.replace(/^(the )?(end|close)( of)?\s+/, '')
		.replace(/\s+(onwards|latest|at the latest|approx|approximately)$/, '')
		.trim();
	if (endOf) end = 'last';
	let m: RegExpMatchArray | null;
	if ((m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+z?)?$/))) return check(ymd(+m[1], +m[2], +m[3]));
	if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/))) return check(ymd(year(m[3]), +m[2], +m[1]));
	if ((m = s.match(/^(\d{5})(?:\.\d+)?$/))) return check(fromExcelSerial(Number(s)));
	if ((m = s.match(/^(\d{4})$/))) return { iso: period(+m[1], 1, 12, end), precision: 'year' };
	if ((m = s.match(/^(spring|summer|autumn|fall|winter) (\d{4})$/))) {
		const y = +m[2];
		// Winter 2024 runs from December 2024 to February 2025.
		if (m[1] === 'winter') return { iso: end === 'first' ? ymd(y, 12, 1) : ymd(y + 1, 2, daysIn(y + 1, 2)), precision: 'season' };
		const [a, b] = SEASONS[m[1]];
		return { iso: period(y, a, b, end), precision: 'season' };
	}
	// "2024/25", "2024-2025", "FY 2024/25": a UK financial year, April to March.
	if ((m = s.match(/^(?:fy ?)?(\d{4})[/-](\d{2}|\d{4})$/)) && (Number(m[2].slice(-2)) === (Number(m[1]) + 1) % 100)) {
		const y = +m[1];
		return { iso: end === 'first' ? ymd(y, 4, 1) : ymd(y + 1, 3, 31), precision: 'year' };
	}
	if ((m = s.match(/^(?:(\d{1,2})(?:st|nd|rd|th)? )?([a-z]{3,9})\.?[ ,/-]+(\d{4}|\d{2})$/))) {
		const month = MONTHS.indexOf(m[2].slice(0, 3)) + 1;
		if (month === 0 || !monthWord(m[2])) return { iso: null, error: 'not a date' };
		if (m[1]) return check(ymd(year(m[3]), month, +m[1]));
		return { iso: period(year(m[3]), month, month, end), precision: 'month' };
	}
	if ((m = s.match(/^q([1-4])[ /-]*(\d{4})(?:[/-](\d{2}|\d{4}))?$/)) || (m = swapQuarter(s))) {
		const q = +m[1];
		const y = +m[2];
		// "2022/23" is a UK financial year: Q1 = April-June 2022 ... Q4 = January-March 2023.
		if (m[3]) {
			const start = q === 4 ? 1 : 3 * q + 1;
			return { iso: period(q === 4 ? y + 1 : y, start, start + 2, end), precision: 'quarter' };
		}
		return { iso: period(y, 3 * q - 2, 3 * q, end), precision: 'quarter' };
	}
	return { iso: null, error: 'not a date' };
}

function swapQuarter(s: string): RegExpMatchArray | null {
	const m = s.match(/^(\d{4}) ?q([1-4])$/);
	return m ? ([m[0], m[2], m[1]] as unknown as RegExpMatchArray) : null;
}

const monthWord = (w: string) => MONTHS.some((p) => w.startsWith(p)) && /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/.test(w);

function check(iso: string | null): DateResult {
	return iso ? { iso } : { iso: null, error: 'not a valid calendar date' };
}
