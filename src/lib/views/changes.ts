/**
 * The kinds-of-change view's pure parts: captions, notes and the table twins of its charts, and the
 * report's sentences. No engine, no Svelte: unit-tested as tables of cases.
 */
import { formatCount, formatPercent } from '../format';
import type { CategoryAgencyMix, CategoryTopicMatrix, CategoryTotals, CategoryYearMix } from '../queries/categories';
import { inSentence, pct, type TextTable } from './themes';
import type { Rule } from '../privacy/suppress';
import { protectCategoryAgency, protectCategoryTopic, protectCategoryTotals, protectCategoryYear } from '../privacy/protect-categories';

/** How kinds of change are counted, in words (under every chart of them). */
export const COUNTING_NOTE =
	'Kinds of change are the Home Office DHR Library’s eight recommendation categories: what a recommendation asks to change (a policy, training, multi-agency working…), not what it is about. A recommendation may ask for several, so the kinds add up to more than the recommendations.';

/** Where the kinds come from, when some were read from the text rather than coded by a person. */
export function sourceNote(t: CategoryTotals, rule: Rule | null = null): string {
	if (!t.all_auto) return 'Every kind of change here was coded by a person.';
	return `${formatCount(t.all_auto, rule)} of the ${formatCount(t.recommendations, rule)} recommendations have kinds of change read from their text by the tagger (marked automatic), not coded by a person; read those as suggestions.`;
}

/** The most asked-for kinds, in order (ties in the Library's order), those asked for at all. */
function ranked(t: CategoryTotals) {
	return [...t.categories].filter((c) => c.recommendations > 0 || Number.isNaN(c.recommendations)).sort((a, b) => (b.recommendations || 0) - (a.recommendations || 0));
}

/** "Kinds of change asked for by the 2,737 recommendations: policy most often, in 1,210 (44%), then …" */
export function totalsCaption(t: CategoryTotals, rule: Rule | null = null): string {
	const what = `Kinds of change asked for by the ${formatCount(t.recommendations, rule)} recommendations under the filters`;
	const top = ranked(t);
	if (!top.length || t.recommendations === 0) return `${what}: none recorded.`;
	const [a, b] = top;
	return `${what}: ${inSentence(a.label)} most often, in ${formatCount(a.recommendations, rule)} (${pct(a.share)})${b ? `, then ${inSentence(b.label)}, in ${formatCount(b.recommendations, rule)} (${pct(b.share)})` : ''}.`;
}

/** The totals as a table: kind, recommendations, share, of which automatic. */
export function totalsTable(t: CategoryTotals, rule: Rule | null = null): TextTable {
	return {
		head: ['Kind of change', 'Recommendations', 'Share of recommendations', 'Of which read from the text'],
		rows: t.categories.map((c) => ({ key: c.category, cells: [c.label, formatCount(c.recommendations, rule), formatPercent(c.share), formatCount(c.auto, rule)] })),
		foot: ['Recommendations with a kind of change', formatCount(t.recommendations, rule), '', formatCount(t.all_auto, rule)]
	};
}

/** Caption of the year mix: the span, and the kind whose share changed most from the first to the last three years. */
export function yearCaption(m: CategoryYearMix, rule: Rule | null = null): string {
	const ys = m.years.map((y) => y.year);
	if (!ys.length) return 'Kinds of change by year: no recommendation with a year under the filters.';
	const span = ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`;
	const top = [...m.categories].sort((a, b) => (b.recommendations || 0) - (a.recommendations || 0))[0];
	return `Share of each year's recommendations asking for each kind of change, ${span} (${formatCount(m.recommendations, rule)} recommendations): ${inSentence(top.label)} is asked for most over the period, by ${formatCount(top.recommendations, rule)}.`;
}

export function yearNote(m: CategoryYearMix, rule: Rule | null = null): string {
	const parts = [COUNTING_NOTE, 'Year: when the review was completed (published, if no completion date). Each cell: the share of that year’s recommendations asking for the kind of change.'];
	if (m.without_year > 0) parts.push(`${formatCount(m.without_year, rule)} recommendations of reviews with no date are not shown.`);
	return parts.join(' ');
}

/** Cells of the year heat map: the share, written with its count in the description. */
export function yearCells(m: CategoryYearMix): { row: string; col: string; value: number; text: string }[] {
	return m.cells
		.filter((c) => c.share != null)
		.map((c) => ({ row: c.category, col: String(c.year), value: c.share as number, text: Number.isNaN(c.share) ? 'hidden' : `${Math.round(c.share as number)}%` }));
}

/** Words for a cell of the year heat map. */
export function describeYearCell(m: CategoryYearMix, category: string, year: number, rule: Rule | null = null): string {
	const c = m.cells.find((x) => x.category === category && x.year === year);
	const label = m.categories.find((x) => x.id === category)?.label ?? category;
	if (!c || c.in_year === 0) return `${label}, ${year}: no recommendation that year`;
	return `${label}, ${year}: ${formatCount(c.recommendations, rule)} of ${formatCount(c.in_year, rule)} recommendations (${pct(c.share)})`;
}

/** The year mix's twin: a row per kind of change, a column per year (share with one decimal, and the count), all years last. */
export function yearTable(m: CategoryYearMix, rule: Rule | null = null): TextTable {
	return {
		head: ['Kind of change', ...m.years.map((y) => String(y.year)), 'All years'],
		rows: m.categories.map((c) => ({
			key: c.id,
			cells: [
				c.label,
				...m.cells.filter((x) => x.category === c.id).map((x) => (x.in_year === 0 ? '–' : `${formatPercent(x.share)} (${formatCount(x.recommendations, rule)})`)),
				formatCount(c.recommendations, rule)
			]
		})),
		foot: ['Recommendations', ...m.years.map((y) => formatCount(y.recommendations, rule)), formatCount(m.recommendations, rule)]
	};
}

export function agencyCaption(m: CategoryAgencyMix, rule: Rule | null = null): string {
	if (!m.agencies.length) return 'Kinds of change by agency: no recommendation addressed to an agency under the filters.';
	const first = m.agencies[0];
	const cells = m.cells.filter((c) => c.agency === first.agency).sort((a, b) => (b.recommendations || 0) - (a.recommendations || 0));
	const label = m.categories.find((c) => c.id === cells[0]?.category)?.label ?? '';
	const shown = m.agencies.length < m.agency_count ? `the ${m.agencies.length} agencies (of ${formatCount(m.agency_count, rule)}) receiving most recommendations` : `the ${m.agencies.length} agencies receiving recommendations`;
	return `Kinds of change asked of ${shown}: ${first.agency} receives most, ${formatCount(first.recommendations, rule)}, asking most often for ${inSentence(label)} (${formatCount(cells[0]?.recommendations, rule)}).`;
}

export function agencyTable(m: CategoryAgencyMix, rule: Rule | null = null): TextTable {
	return {
		head: ['Agency', ...m.categories.map((c) => c.label), 'Recommendations'],
		rows: m.agencies.map((a) => ({
			key: a.agency,
			cells: [a.agency, ...m.categories.map((c) => formatCount(m.cells.find((x) => x.agency === a.agency && x.category === c.id)?.recommendations ?? 0, rule)), formatCount(a.recommendations, rule)]
		}))
	};
}

export function topicCaption(m: CategoryTopicMatrix, rule: Rule | null = null): string {
	const what = `What recommendations are about against what kind of change they ask for, among the ${formatCount(m.recommendations, rule)} recommendations with both`;
	let best: { theme: string; category: string; n: number } | null = null;
	for (const c of m.cells) if (!Number.isNaN(c.recommendations) && c.recommendations > (best?.n ?? 0)) best = { theme: c.theme, category: c.category, n: c.recommendations };
	if (!best) return `${what}: none.`;
	const t = m.themes.find((x) => x.id === best.theme)!.label;
	const k = m.categories.find((x) => x.id === best.category)!.label;
	return `${what}: ${inSentence(t)} asking for ${inSentence(k)} most often, in ${formatCount(best.n, rule)}.`;
}

export function topicTable(m: CategoryTopicMatrix, rule: Rule | null = null): TextTable {
	return {
		head: ['Theme', ...m.categories.map((c) => c.label), 'Recommendations'],
		rows: m.themes.map((t) => ({
			key: t.id,
			cells: [t.label, ...m.categories.map((c) => formatCount(m.cells.find((x) => x.theme === t.id && x.category === c.id)?.recommendations ?? 0, rule)), formatCount(t.recommendations, rule)]
		}))
	};
}

/** The board report's sentences: the three kinds most asked for, and how sure the coding is. */
export function reportSentences(t: CategoryTotals, rule: Rule | null = null): string[] {
	if (!t.recommendations) return ['No recommendation under the filters has a kind of change recorded.'];
	const top = ranked(t).slice(0, 3);
	const list = top.map((c) => `${inSentence(c.label)} (${formatCount(c.recommendations, rule)}, ${pct(c.share)})`);
	const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
	const out = [`Of the ${formatCount(t.recommendations, rule)} recommendations under the filters, the kinds of change asked for most were ${joined}; a recommendation may ask for several.`];
	if (t.all_auto) out.push(sourceNote(t));
	return out;
}

/*
 * Each chart of the page as shown under the rule: what is drawn and tabled protected, the caption
 * (and note) written from the whole figures, and each mark's description.
 */
type Mark = { row: string; col: string; value: number };

export function totalsView(t: CategoryTotals, rule: Rule | null) {
	const shown = protectCategoryTotals(t, rule);
	return {
		caption: totalsCaption(t, rule),
		note: `${COUNTING_NOTE} ${sourceNote(t, rule)} Choose a bar to filter by that kind of change.`,
		bars: shown.categories.map((c) => ({ key: c.category, label: c.label, value: c.recommendations })),
		describe: (s: { label: string; value: number }) => `${s.label}: ${formatCount(s.value, rule)} recommendations`,
		table: totalsTable(shown, rule)
	};
}

export function yearView(m: CategoryYearMix, rule: Rule | null) {
	const shown = protectCategoryYear(m, rule);
	return {
		caption: yearCaption(m, rule),
		note: yearNote(m, rule),
		grid: {
			rows: shown.categories.map((c) => ({ key: c.id, label: c.label })),
			cols: shown.years.map((y) => ({ key: String(y.year), label: String(y.year) })),
			cells: yearCells(shown)
		},
		describe: (c: Mark) => describeYearCell(shown, c.row, Number(c.col), rule),
		table: yearTable(shown, rule)
	};
}

export function agencyView(m: CategoryAgencyMix, rule: Rule | null) {
	const shown = protectCategoryAgency(m, rule);
	return {
		caption: agencyCaption(m, rule),
		note: `Recommendations addressed to each agency, by the kind of change they ask for. ${m.agencies.length < m.agency_count ? 'Choose agencies in the filter to see others. ' : ''}Choose a cell to filter by that agency and kind of change.`,
		grid: {
			rows: shown.agencies.map((a) => ({ key: a.agency, label: a.agency })),
			cols: shown.categories.map((c) => ({ key: c.id, label: c.label })),
			cells: shown.cells.map((c) => ({ row: c.agency, col: c.category, value: c.recommendations }))
		},
		describe: (c: Mark) => `${c.row}, ${shown.categories.find((x) => x.id === c.col)?.label}: ${formatCount(c.value, rule)} recommendations`,
		table: agencyTable(shown, rule)
	};
}

export function topicView(m: CategoryTopicMatrix, rule: Rule | null) {
	const shown = protectCategoryTopic(m, rule);
	return {
		caption: topicCaption(m, rule),
		note: 'Each cell: recommendations with that theme asking for that kind of change; one with two themes or two kinds counts in each cell it belongs to. Themes on no recommendation are left out. Choose a cell to filter by that theme and kind of change.',
		grid: {
			rows: shown.themes.map((t) => ({ key: t.id, label: t.label })),
			cols: shown.categories.map((c) => ({ key: c.id, label: c.label })),
			cells: shown.cells.map((c) => ({ row: c.theme, col: c.category, value: c.recommendations }))
		},
		describe: (c: Mark) =>
			`${shown.themes.find((x) => x.id === c.row)?.label}, ${shown.categories.find((x) => x.id === c.col)?.label}: ${formatCount(c.value, rule)} recommendations`,
		table: topicTable(shown, rule)
	};
}
