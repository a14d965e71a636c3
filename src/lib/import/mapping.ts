/**
 * Column mapping: which model column each source column fills. Suggested from the headers
 * (model column names and SYNONYMS), shown to the user, changed by them; JSON-serialisable so a
 * mapping can be saved and offered again for a file with the same headers (`mappingKey`).
 */
import { SCHEMA, type TableName } from '../model/schema';
import { SYNONYMS, normalise } from './synonyms';

/** `table.column` of the model, e.g. 'actions.status'. */
export type Target = string;

export interface Mapping {
	/** `mappingKey(headers)` of the source it was made for. */
	key: string;
	/** One entry per source column, in source order; `target` null = ignored. */
	columns: { source: string; target: Target | null }[];
}

/**
 * Every target a column can be mapped to, in model order. The keys linking tables are one field
 * each (`reviews.review_id`, `recommendations.recommendation_id`): a flat tracker row carries them
 * once, and they fill the link columns of the tables below them.
 */
const LINKS = new Set(['recommendations.review_id', 'actions.recommendation_id', 'recommendation_themes.recommendation_id', 'recommendation_themes.source']);
export const TARGETS: Target[] = SCHEMA.filter((t) => t.name !== 'review_factors')
	.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`))
	.filter((t) => !LINKS.has(t));

const full = new Map<string, Target>(TARGETS.map((t) => [normalise(t), t]));
const synonym = new Map<string, Target>();
for (const [target, words] of Object.entries(SYNONYMS)) for (const w of words) if (!synonym.has(normalise(w))) synonym.set(normalise(w), target);
const bare = new Map<string, Target[]>();
for (const t of TARGETS) {
	const k = normalise(t.split('.')[1]);
	bare.set(k, [...(bare.get(k) ?? []), t]);
}

/** Targets a header could mean, most likely first. */
function candidates(header: string): Target[] {
	const k = normalise(header);
	const exact = full.get(k);
	if (exact) return [exact];
	return [...new Set([...(synonym.has(k) ? [synonym.get(k)!] : []), ...(bare.get(k) ?? [])])];
}

/** A stable key for a header list: same headers (ignoring case, spaces, punctuation) -> same key. */
export function mappingKey(headers: readonly string[]): string {
	const text = headers.map(normalise).join('|');
	// FNV-1a, 32 bits: short, deterministic, same in browser and Node.
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return `h${headers.length}-${h.toString(16).padStart(8, '0')}`;
}

/**
 * The suggested mapping for a header list; each target is used at most once (first column wins).
 * A header that could mean two columns ("Agency": the recommendation's or the action's lead
 * agency; "Completed date": the review's or the action's) goes to the table most of the other
 * columns fill.
 */
export function suggestMapping(headers: readonly string[]): Mapping {
	const options = headers.map(candidates);
	const score = new Map<string, number>();
	for (const o of options) if (o.length === 1) score.set(o[0].split('.')[0], (score.get(o[0].split('.')[0]) ?? 0) + 1);
	const used = new Set<Target>();
	const columns = headers.map((source, i) => {
		const ranked = [...options[i]].sort((a, b) => (score.get(b.split('.')[0]) ?? 0) - (score.get(a.split('.')[0]) ?? 0));
		const target = ranked.find((t) => !used.has(t)) ?? null;
		if (target) used.add(target);
		return { source, target };
	});
	return { key: mappingKey(headers), columns };
}

/** Tables that a mapping fills at least one column of. */
export function mappedTables(mapping: Mapping): Set<TableName> {
	return new Set(mapping.columns.flatMap((c) => (c.target ? [c.target.split('.')[0] as TableName] : [])));
}
