/**
 * Pure helpers for the /import page: the choices a column can be mapped to, changing one column
 * of a mapping, the report in reading order, and mappings kept in localStorage by header key.
 */
import { TARGETS, type Mapping, type Problem, type Target } from '$lib/import';

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
