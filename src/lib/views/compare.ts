/**
 * The local-against-national view, worked out from the two sides' counts (queries/compare.ts):
 * rows of local and national shares with their Wilson 95% intervals, small-number cautions and
 * protection, the factors found on one side only, and the words around them. Pure.
 */
import type { CategoryCount, CategoryField, FactorCount, SideCounts } from '../queries/compare';
import { AGE_BANDS, DEATH_TYPES, FACTORS, FACTOR_SUBJECTS, SEXES, labelOf } from '../model/vocab';
import { fewReviews, wilson } from '../lessons/stats';
import { count, HIDDEN, isHidden, partition, type Rule } from '../privacy/suppress';
import { formatCount, formatPercent } from '../format';

/** One side of a row: n of N reviews, the share and its interval (percentages, 0–100). */
export interface ShareCell {
	/** Reviews with it; NaN when hidden by small-number protection. */
	n: number;
	/** Reviews in the base; NaN when hidden. */
	N: number;
	/** n/N as a percentage; null with no base; NaN when hidden. */
	share: number | null;
	/** Wilson 95% interval, as percentages; null with no base or when hidden. */
	low: number | null;
	high: number | null;
}

export interface CompareRow {
	/** Unique in its list: `subject/factor`, or the category value. */
	key: string;
	label: string;
	local: ShareCell;
	national: ShareCell;
	/** Few local reviews (base under 30, or an expected count under 5): read with care. */
	few: boolean;
}

export interface Unmatched {
	subject: string;
	factor: string;
	label: string;
	reviews: number;
}

export interface Comparison {
	factors: CompareRow[];
	categories: Record<CategoryField, CompareRow[]>;
	/** Factors named only in the local data, or only in the national data: not compared. */
	localOnly: Unmatched[];
	nationalOnly: Unmatched[];
	local: { reviews: number };
	national: { reviews: number };
}

export const CATEGORY_TITLES: Record<CategoryField, string> = {
	death_type: 'Death type',
	victim_sex: 'Victim sex',
	victim_age_band: 'Victim age band'
};

const SUBJECT_LABEL: Record<string, string> = { incident: 'Incident', victim: 'Victim', perpetrator: 'Perpetrator' };
export const subjectLabel = (s: string) => SUBJECT_LABEL[s] ?? s;

/** A factor's label: the vocabulary's, else the code in words ('mental_health_issues' -> 'Mental health issues'). */
export function factorLabel(code: string): string {
	const known = FACTORS.find((f) => f.code === code)?.label;
	if (known) return known;
	const words = code.replaceAll('_', ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

const pct = (v: number) => v * 100;

/** A side's cell from whole counts, then `shown` counts under protection (NaN hides the share too). */
export function shareCell(n: number, N: number, shown: { n: number; N: number } = { n, N }): ShareCell {
	if (isHidden(shown.n) || isHidden(shown.N)) return { n: shown.n, N: shown.N, share: HIDDEN, low: null, high: null };
	const ci = wilson(n, N);
	return { n, N, share: N > 0 ? pct(n / N) : null, low: ci ? pct(ci.low) : null, high: ci ? pct(ci.high) : null };
}

const protectedPair = (n: number, N: number, rule: Rule | null) => ({ n: count(n, rule) as number, N: count(N, rule) as number });

function row(key: string, label: string, l: { n: number; N: number }, nat: { n: number; N: number }, shown: { l: { n: number; N: number }; nat: { n: number; N: number } }): CompareRow {
	const national = shareCell(nat.n, nat.N, shown.nat);
	const nationalWhole = nat.N > 0 ? nat.n / nat.N : null;
	return { key, label, local: shareCell(l.n, l.N, shown.l), national, few: fewReviews(l.N, nationalWhole) };
}

const subjectOrder = (s: string) => {
	const i = (FACTOR_SUBJECTS as readonly string[]).indexOf(s);
	return i < 0 ? FACTOR_SUBJECTS.length : i;
};
const factorKey = (f: Pick<FactorCount, 'subject' | 'factor'>) => `${f.subject}/${f.factor}`;

/** Every factor named on both sides, by subject, most common nationally first. */
function factorRows(local: SideCounts, national: SideCounts, rule: Rule | null) {
	const nat = new Map(national.factors.map((f) => [factorKey(f), f]));
	const loc = new Map(local.factors.map((f) => [factorKey(f), f]));
	const base = (side: SideCounts, subject: string) => side.bases[subject as keyof SideCounts['bases']] ?? side.reviews;
	const matched = local.factors.filter((f) => nat.has(factorKey(f)));
	const rows = matched
		.map((f) => {
			const g = nat.get(factorKey(f))!;
			const l = { n: f.reviews, N: base(local, f.subject) };
			const n = { n: g.reviews, N: base(national, f.subject) };
			return {
				sort: [subjectOrder(f.subject), n.N ? -n.n / n.N : 0] as const,
				row: row(factorKey(f), `${subjectLabel(f.subject)}: ${factorLabel(f.factor).toLowerCase()}`, l, n, {
					l: protectedPair(l.n, l.N, rule),
					nat: protectedPair(n.n, n.N, rule)
				})
			};
		})
		.sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1] || a.row.key.localeCompare(b.row.key))
		.map((r) => r.row);
	const only = (side: SideCounts, other: Map<string, FactorCount>) =>
		side.factors
			.filter((f) => !other.has(factorKey(f)))
			.map((f) => ({ subject: f.subject, factor: f.factor, label: factorLabel(f.factor), reviews: f.reviews }))
			.sort((a, b) => subjectOrder(a.subject) - subjectOrder(b.subject) || a.factor.localeCompare(b.factor));
	return { rows, localOnly: only(local, nat), nationalOnly: only(national, loc) };
}

const ORDER: Record<CategoryField, readonly string[]> = {
	death_type: DEATH_TYPES.map((d) => d.code),
	victim_sex: SEXES.map((s) => s.code),
	victim_age_band: AGE_BANDS
};
const valueLabel = (field: CategoryField, v: string) =>
	field === 'death_type' ? labelOf(DEATH_TYPES, v) : field === 'victim_sex' ? labelOf(SEXES, v) : v;

/**
 * One field's rows: every value recorded on either side (in the vocabulary's order), each a share of
 * the reviews with the field recorded. The values of a side add up to its base, so under
 * protection a side's counts are protected together (a lone hidden one cannot be worked out from
 * the base by subtraction).
 */
function categoryRows(field: CategoryField, local: CategoryCount[], national: CategoryCount[], rule: Rule | null): CompareRow[] {
	const of = (list: CategoryCount[]) => new Map(list.filter((c) => c.field === field).map((c) => [c.value, c.reviews]));
	const l = of(local);
	const n = of(national);
	const order = ORDER[field];
	const values = [...new Set([...l.keys(), ...n.keys()])].sort((a, b) => {
		const ia = order.indexOf(a);
		const ib = order.indexOf(b);
		return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
	});
	const lBase = [...l.values()].reduce((s, v) => s + v, 0);
	const nBase = [...n.values()].reduce((s, v) => s + v, 0);
	const lShown = partition(values.map((v) => l.get(v) ?? 0), lBase, rule);
	const nShown = partition(values.map((v) => n.get(v) ?? 0), nBase, rule);
	return values.map((v, i) =>
		row(v, valueLabel(field, v), { n: l.get(v) ?? 0, N: lBase }, { n: n.get(v) ?? 0, N: nBase }, {
			l: { n: lShown.values[i], N: lShown.total as number },
			nat: { n: nShown.values[i], N: nShown.total as number }
		})
	);
}

export function compare(local: SideCounts, national: SideCounts, rule: Rule | null): Comparison {
	const f = factorRows(local, national, rule);
	return {
		factors: f.rows,
		categories: {
			death_type: categoryRows('death_type', local.categories, national.categories, rule),
			victim_sex: categoryRows('victim_sex', local.categories, national.categories, rule),
			victim_age_band: categoryRows('victim_age_band', local.categories, national.categories, rule)
		},
		localOnly: f.localOnly,
		nationalOnly: f.nationalOnly,
		local: { reviews: count(local.reviews, rule) as number },
		national: { reviews: count(national.reviews, rule) as number }
	};
}

/** "12.3% (8.1–18.0)", or why there is no share. */
export function shareText(c: ShareCell): string {
	if (c.share == null) return 'no reviews';
	if (isHidden(c.share)) return 'hidden';
	return `${formatPercent(c.share)} (${intervalText(c)})`;
}

/** "8.1–18.0%". */
export function intervalText(c: ShareCell): string {
	if (c.low == null || c.high == null) return '–';
	return `${c.low.toFixed(1)}–${c.high.toFixed(1)}%`;
}

/** One side of a row as the table writes it: n of N, share, interval. */
export function cellTexts(c: ShareCell, rule: Rule | null = null): [string, string, string, string] {
	return [formatCount(c.n, rule), formatCount(c.N, rule), formatPercent(c.share), intervalText(c)];
}

export const FEW_TEXT = 'few reviews: read with care';

/** The points of the dot-and-interval chart: a local and a national one per row (none when hidden). */
export interface IntervalDatum {
	key: string;
	label: string;
	series: 'local' | 'national';
	value: number;
	low: number;
	high: number;
}

export function intervalData(rows: readonly CompareRow[]): IntervalDatum[] {
	const out: IntervalDatum[] = [];
	for (const r of rows)
		for (const series of ['local', 'national'] as const) {
			const c = r[series];
			if (c.share == null || isHidden(c.share) || c.low == null || c.high == null) continue;
			out.push({ key: r.key, label: r.label, series, value: c.share, low: c.low, high: c.high });
		}
	return out;
}

/** The tooltip and announcement of one point. */
export function describePoint(d: IntervalDatum, names: { local: string; national: string }, rows: readonly CompareRow[], rule: Rule | null = null): string {
	const r = rows.find((x) => x.key === d.key);
	const c = r?.[d.series];
	const counts = c ? `, ${formatCount(c.n, rule)} of ${formatCount(c.N, rule)} reviews` : '';
	return `${d.label}, ${names[d.series]}: ${formatPercent(d.value)} (95% interval ${d.low.toFixed(1)}–${d.high.toFixed(1)}%)${counts}${r?.few && d.series === 'local' ? ` (${FEW_TEXT})` : ''}`;
}

/** Whether a dataset is a national one to compare against: the DHRD (by its citation or source). */
export function isNationalMeta(meta: { citation?: string; source?: string } | null | undefined): boolean {
	if (!meta) return false;
	const text = `${meta.citation ?? ''} ${meta.source ?? ''}`;
	return /Domestic Homicide Review Dataset/i.test(text) || /zenodo\.21108268|zenodo\.21648010/.test(text);
}

/** The chart's caption, with the two sides named. */
export function compareCaption(what: string, localName: string, nationalName: string): string {
	return `${what}: share of reviews, ${localName} against the national ${nationalName}, with 95% confidence intervals`;
}
