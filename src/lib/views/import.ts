/**
 * Pure helpers for the /import page: the choices a column can be mapped to, changing one column
 * of a mapping, the report in reading order, mappings and word choices kept in localStorage,
 * the automatic themes as the page lists them, and progress in words.
 */
import { TARGETS, type Mapping, type Problem, type Target } from '$lib/import';
import type { AutoTheme } from '$lib/import/autotheme';
import type { ReadProgress, ThemeEdit } from '$lib/import';
import { STATUSES, type Status } from '$lib/model/vocab';
import { THEMES, themeLabel } from '$lib/model/themes';
import { CATEGORIES, categoryLabel } from '$lib/model/categories';

/** The select's options, grouped by model table ("actions" -> ["actions.status", ...]). */
export function targetGroups(): { table: string; targets: { value: Target; label: string }[] }[] {
	const groups = new Map<string, { value: Target; label: string }[]>();
	for (const t of TARGETS) {
		const [table, column] = t.split('.');
		groups.set(table, [...(groups.get(table) ?? []), { value: t, label: column.replaceAll('_', ' ') }]);
	}
	return [...groups].map(([table, targets]) => ({ table, targets }));
}

/**
 * The mapping with column `index` sent to `target` (null = ignore). A target fills one column
 * only: a column that had it before is set to ignore, so two columns never fight over one field.
 */
export function withTarget(mapping: Mapping, index: number, target: Target | null): Mapping {
	return {
		...mapping,
		columns: mapping.columns.map((c, i) => (i === index ? { ...c, target } : target && c.target === target ? { ...c, target: null } : c))
	};
}

/** Blocking problems first, then warnings, each in the order found (file, then row). */
export function inReadingOrder(problems: readonly Problem[]): Problem[] {
	return [...problems.filter((p) => p.blocking), ...problems.filter((p) => !p.blocking)];
}

const PREFIX = 'dhr-mapping:';

/** A mapping saved for these headers, if any (and only if it still fits them). */
export function savedMapping(key: string, columns: readonly string[]): Mapping | null {
	try {
		const text = localStorage.getItem(PREFIX + key);
		if (!text) return null;
		const m = JSON.parse(text) as Mapping;
		const fits = m.key === key && m.columns.length === columns.length && m.columns.every((c) => c.target === null || TARGETS.includes(c.target));
		return fits ? { key, columns: columns.map((source, i) => ({ source, target: m.columns[i].target })) } : null;
	} catch {
		return null;
	}
}

/** Keep a mapping for the next file with the same headers. False when the browser refuses. */
export function saveMapping(mapping: Mapping): boolean {
	try {
		localStorage.setItem(PREFIX + mapping.key, JSON.stringify(mapping));
		return true;
	} catch {
		return false;
	}
}

/** First rows of a source as display text, for the preview. */
export function previewRows(rows: readonly (readonly unknown[])[], n = 5): string[][] {
	return rows.slice(0, n).map((r) => r.map((v) => (v == null ? '' : String(v))));
}

/** "Row 4 · column Target date · value "TBC"" style location of a problem, for screen text. */
export function whereText(p: Problem): string {
	return [p.file, p.sheet ? `sheet ${p.sheet}` : null, p.row != null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
		.filter(Boolean)
		.join(', ');
}

/** The user's answers about words the vocabularies do not know: status words and agency names. */
export interface WordChoices {
	/** Status word key (see `statusKey`) -> status. */
	statusWords: Record<string, Status>;
	/** Agency name as written -> a known agency. */
	agencyNames: Record<string, string>;
}

const CHOICES = 'dhr-import-words';
const STATUS_CODES = new Set<string>(STATUSES.map((s) => s.code));

/** Word choices saved with a mapping earlier (empty when none, or when what was kept is damaged). */
export function savedChoices(): WordChoices {
	const empty: WordChoices = { statusWords: {}, agencyNames: {} };
	try {
		const text = localStorage.getItem(CHOICES);
		if (!text) return empty;
		const c = JSON.parse(text) as Partial<WordChoices>;
		const statusWords = Object.fromEntries(Object.entries(c.statusWords ?? {}).filter(([, v]) => STATUS_CODES.has(v))) as Record<string, Status>;
		const agencyNames = Object.fromEntries(Object.entries(c.agencyNames ?? {}).filter(([, v]) => typeof v === 'string' && v !== ''));
		return { statusWords, agencyNames };
	} catch {
		return empty;
	}
}

/** Keep word choices (merged over those kept before). False when the browser refuses. */
export function saveChoices(choices: WordChoices): boolean {
	try {
		const old = savedChoices();
		const merged = { statusWords: { ...old.statusWords, ...choices.statusWords }, agencyNames: { ...old.agencyNames, ...choices.agencyNames } };
		localStorage.setItem(CHOICES, JSON.stringify(merged));
		return true;
	} catch {
		return false;
	}
}

/** A record with `key` set to `value`, or without `key` when value is null/empty. */
export function withChoice<V extends string>(map: Readonly<Record<string, V>>, key: string, value: V | null | ''): Record<string, V> {
	const out = { ...map };
	if (value) out[key] = value;
	else delete out[key];
	return out;
}

/** A suggestion as listed: the words behind it, how sure the tagger is, and whether a person should check it. */
interface Suggested {
	label: string;
	words: string[];
	/** The tagger's confidence, 0–1; null when only cue words found it (no probability). */
	confidence: number | null;
	/** Low confidence or tentative: marked "check this". */
	check: boolean;
	/** Given only because every recommendation needs a kind of change (under the tagger's threshold). */
	tentative: boolean;
	removed: boolean;
}

/** One recommendation's kinds of change read from its text, with the user's corrections. */
export interface CategorySuggestions {
	tags: (Suggested & { category: string })[];
	added: { category: string; label: string }[];
	addable: { category: string; label: string }[];
	/** The user removed or added one: what is kept is stored as 'corrected'. */
	corrected: boolean;
}

/** One recommendation tagged from its text, as listed for the user to correct. */
export interface AutoThemeRow {
	recommendation_id: string;
	text: string;
	/** False when the file gave its themes (only its kinds of change are suggested). */
	themesSuggested: boolean;
	/** Tags made from the text, with the words that matched; `removed` when the user took it off. */
	tags: (Suggested & { theme: string })[];
	/** Themes the user added. */
	added: { theme: string; label: string }[];
	/** Themes that can still be added (the taxonomy minus what it has). */
	addable: { theme: string; label: string }[];
	/** The user changed its themes: what is kept is stored as 'corrected'. */
	corrected: boolean;
	/** Kinds of change read from the text; null when the file gave them. */
	categories: CategorySuggestions | null;
}

type ThemeTag = { recommendation_id: string; theme: string; words: string[]; confidence?: number | null; check?: boolean };
type CategoryTag = { recommendation_id: string; category: string; reasons: string[]; confidence: number; check: boolean; tentative: boolean };

const groupBy = <T extends { recommendation_id: string }>(xs: readonly T[]) => {
	const m = new Map<string, T[]>();
	for (const x of xs) m.set(x.recommendation_id, [...(m.get(x.recommendation_id) ?? []), x]);
	return m;
};

/** The automatic tags (themes and kinds of change) grouped by recommendation, in file order, with the user's corrections. */
export function autoThemeRows(
	recs: readonly { recommendation_id: string; text: string; themes?: boolean }[],
	tags: readonly ThemeTag[],
	edits: Readonly<Record<string, ThemeEdit>>,
	categoryTags: readonly CategoryTag[] = [],
	categoryEdits: Readonly<Record<string, ThemeEdit>> = {}
): AutoThemeRow[] {
	const byRec = groupBy(tags);
	const catsByRec = groupBy(categoryTags);
	return recs.map(({ recommendation_id, text, themes = true }) => {
		const edit = edits[recommendation_id] ?? {};
		const removed = new Set(edit.remove ?? []);
		const own = byRec.get(recommendation_id) ?? [];
		const added = (edit.add ?? []).filter((t) => !own.some((o) => o.theme === t)).map((theme) => ({ theme, label: themeLabel(theme) }));
		const has = new Set([...own.filter((o) => !removed.has(o.theme)).map((o) => o.theme), ...added.map((a) => a.theme)]);
		const cats = catsByRec.get(recommendation_id);
		const cEdit = categoryEdits[recommendation_id] ?? {};
		const cRemoved = new Set(cEdit.remove ?? []);
		const cAdded = cats ? (cEdit.add ?? []).filter((c) => !cats.some((o) => o.category === c)).map((category) => ({ category, label: categoryLabel(category) })) : [];
		const cHas = new Set([...(cats ?? []).filter((o) => !cRemoved.has(o.category)).map((o) => o.category), ...cAdded.map((a) => a.category)]);
		return {
			recommendation_id,
			text,
			themesSuggested: themes,
			tags: own.map((o) => ({
				theme: o.theme,
				label: themeLabel(o.theme),
				words: o.words,
				confidence: o.confidence ?? null,
				check: o.check ?? false,
				tentative: false,
				removed: removed.has(o.theme)
			})),
			added,
			addable: THEMES.filter((t) => !has.has(t.id)).map((t) => ({ theme: t.id, label: t.label })),
			corrected: removed.size > 0 || added.length > 0,
			categories: cats
				? {
						tags: cats.map((c) => ({ category: c.category, label: categoryLabel(c.category), words: c.reasons, confidence: c.confidence, check: c.check, tentative: c.tentative, removed: cRemoved.has(c.category) })),
						added: cAdded,
						addable: CATEGORIES.filter((c) => !cHas.has(c.id)).map((c) => ({ category: c.id, label: c.label })),
						corrected: cRemoved.size > 0 || cAdded.length > 0
					}
				: null
		};
	});
}

/** "83% sure" for a confidence; null when there is none. */
export function confidenceText(confidence: number | null): string | null {
	return confidence == null ? null : `${Math.round(confidence * 100)}% sure`;
}

/** How many suggestions of the rows a person should check (kinds of change and themes still kept). */
export function toCheck(rows: readonly AutoThemeRow[]): number {
	return rows.reduce((n, r) => n + r.tags.filter((t) => t.check && !t.removed).length + (r.categories?.tags.filter((t) => t.check && !t.removed).length ?? 0), 0);
}

/** Edits with one change: remove or restore a tag made from the text, add or drop an added theme. */
export function withThemeEdit(
	edits: Readonly<Record<string, ThemeEdit>>,
	recId: string,
	change: { remove: string } | { restore: string } | { add: string } | { drop: string }
): Record<string, ThemeEdit> {
	const e = edits[recId] ?? {};
	let remove = [...(e.remove ?? [])];
	let add = [...(e.add ?? [])];
	if ('remove' in change) remove = [...new Set([...remove, change.remove])];
	if ('restore' in change) remove = remove.filter((t) => t !== change.restore);
	if ('add' in change) add = [...new Set([...add, change.add])];
	if ('drop' in change) add = add.filter((t) => t !== change.drop);
	const out = { ...edits };
	if (remove.length || add.length) out[recId] = { ...(remove.length ? { remove } : {}), ...(add.length ? { add } : {}) };
	else delete out[recId];
	return out;
}

const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024)).toLocaleString('en-GB')} KB`);

/** Reading progress in words: "Reading file 1 of 2, big.csv: 12.0 MB of 20.0 MB (60%)". */
export function progressText(p: ReadProgress): string {
	const of = p.files > 1 ? `file ${p.file} of ${p.files}, ` : '';
	if (p.stage === 'parsing') return `Reading the rows of ${of}${p.name} (${size(p.total)})…${p.rows ? ` ${p.rows.toLocaleString('en-GB')} rows so far.` : ''}`;
	const pct = p.total > 0 ? Math.floor((100 * p.bytes) / p.total) : 100;
	return `Loading ${of}${p.name}: ${size(p.bytes)} of ${size(p.total)} (${pct}%).`;
}

/** Share of the reading done, 0..1, for a progress bar: whole files done plus the current one's bytes. */
export function progressShare(p: ReadProgress): number {
	const within = p.stage === 'parsing' ? 0.5 : p.total > 0 ? (0.5 * p.bytes) / p.total : 0.5;
	return Math.min(1, (p.file - 1 + within) / p.files);
}

/** Actions by status in words, vocabulary order, zeros left out: "1 completed, 2 with a status not yet mapped". */
export function statusCountText(counts: Readonly<Record<string, number>>): string {
	const parts = STATUSES.filter((s) => counts[s.code]).map((s) => `${counts[s.code].toLocaleString('en-GB')} ${s.code}`);
	if (counts.unknown) parts.push(`${counts.unknown.toLocaleString('en-GB')} with a status not yet known`);
	return parts.join(', ');
}
