/**
 * Dates as whole days since 1970-01-01 (UTC). Arrow's DateDay stores exactly this number, so the
 * generator works in day numbers throughout: integer arithmetic, no time zones, no Date objects in
 * the hot loop, and a value written at "UTC midnight" reads back as the same calendar day anywhere.
 */

const MS_PER_DAY = 86_400_000;

export type Day = number;

export function dayFromYmd(year: number, month: number, day: number): Day {
	return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parse 'YYYY-MM-DD'; throws on anything else so a bad --as-at fails loudly. */
export function dayFromIso(iso: string): Day {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) throw new Error(`Not a YYYY-MM-DD date: ${iso}`);
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const day = dayFromYmd(y, mo, d);
	if (isoFromDay(day) !== iso) throw new Error(`Not a calendar date: ${iso}`);
	return day;
}

export function ymdFromDay(day: Day): { year: number; month: number; day: number } {
	const d = new Date(day * MS_PER_DAY);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoFromDay(day: Day): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDay(day: Day): number {
	return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** First day of the month that `day` falls in (death_month is stored this way). */
export function monthStart(day: Day): Day {
	const { year, month } = ymdFromDay(day);
	return dayFromYmd(year, month, 1);
}

/** Add whole months, clamping the day of month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
	const { year, month, day: dd } = ymdFromDay(day);
	const m0 = year * 12 + (month - 1) + months;
	const y = Math.floor(m0 / 12);
	const m = (m0 % 12) + 1;
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return dayFromYmd(y, m, Math.min(dd, last));
}

/** Average month length, for turning "n months" drawn as a real number into days. */
export const DAYS_PER_MONTH = 30.44;

const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** 'March 2021': how action-plan evidence names a date. */
export function monthYear(day: Day): string {
	const { year, month } = ymdFromDay(day);
	return `${MONTH_NAMES[month - 1]} ${year}`;
}
