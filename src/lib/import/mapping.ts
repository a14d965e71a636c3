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
const LINKS = new Set([
	'recommendations.review_id',
	'actions.recommendation_id',
	'recommendation_themes.recommendation_id',
	'recommendation_themes.source',
	'recommendation_themes.confidence',
	'recommendation_categories.recommendation_id',
	'recommendation_categories.source',
	'recommendation_categories.confidence'
]);
/**
 * Columns of real action plans that fill no single model column, read by the builder:
 * - `actions.outcome`: the Home Office template's "Date of completion and outcome" — one cell holding
 *   a date and what was achieved ("12/03/2024 – 214 staff trained"), "Ongoing" or "Not accepted – …";
 *   split into the status, `completed_date` and `evidence`;
 * - `actions.milestones`: "Key milestones achieved in enacting recommendation" or a progress update,
 *   kept with the evidence (and read as "in progress" when nothing says the action is done).
 */
export const VIRTUAL_TARGETS: readonly Target[] = ['actions.outcome', 'actions.milestones'];
export const TARGETS: Target[] = SCHEMA.filter((t) => t.name !== 'review_factors')
	.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`))
	.filter((t) => !LINKS.has(t))
	.concat(VIRTUAL_TARGETS);

/**
 * Long headers of real trackers, read by their first words when no synonym matches them whole
 * ("Scope of recommendation i.e. local or regional", "Date of completion and Outcome",
 * "Lead Agency / Officer", "Target date (revised)"). Tried in order; the first that matches wins.
 */
const PATTERNS: [RegExp, Target][] = [
	[/^(date (of )?completion|completion date|date completed|completed)( and)? outcome|^outcome( and)? (date|completion)|^completion( and)? outcome/, 'actions.outcome'],
	[/^(date (of )?(last )?update|update date|last updated?)\b/, 'actions.last_updated'],
	[/^(actual |achieved )?(date )?(action |recommendation )?(completed|closed|achieved|signed off)( date)?$|^(actual|achieved) (completion )?date|^date (of )?(actual )?(completion|closure|achievement)$|^(actual )?completion date/, 'actions.completed_date'],
	// "Completed Y/N", "Complete (Yes/No)", "Action complete?": a yes/no done flag, read by the builder.
	[/^(action |is (the )?action )?(complete|completed|closed|done|achieved)( y n| yes no| yes or no| y or n)?$/, 'actions.completed_date'],
	[/^key milestones?|^milestones?|^progress( update| to date| made| notes?| report| comments?)?( update)?$|^progress (update|notes?|report)|^updates?( on progress| provided)?$|^latest (update|position|progress)|^current (position|update)|^actions? taken( to date)?|^what has been done|^comments?( and| on)? (progress|update)/, 'actions.milestones'],
	[/^scope\b/, 'recommendations.scope'],
	[/^single (or )?multi|^(single|multi) agency( or (single|multi)( agency)?)?$|^local (or )?national/, 'recommendations.scope'],
	[/^date (the )?(report |review |dhr |dardr )?(was )?published|^date of publication/, 'reviews.published_date'],
	[/^date (the )?(dhr |review |dardr )?(was )?commissioned|^(dhr|review|dardr) commissioned|^date (of )?(decision|commissioning)/, 'reviews.commissioned_date'],
	[/^key actions?|^smart actions?|^what needs to (happen|be done)|^action plan$|^proposed actions?|^agreed actions?/, 'actions.description'],
	[/^accountable (agency|organisation|organization|body|partner)|^agency accountable/, 'actions.lead_agency'],
	[/^(revised|new|updated|amended) (target|due|completion) (date|deadline)|^(revised|new|updated) (deadline|timescale)|^(date )?due( date)?$/, 'actions.target_date'],
	[/^(recommendation|rec)\.? ?(no|number|num|ref)\b/, 'recommendations.rec_number'],
	[/^action(s)? (to (be )?take|required|planned|agreed|s$)|^actions? to address|^how will (this|the recommendation) be (achieved|met|delivered)|^what (action|will be done)|^specific actions?|^action s$/, 'actions.description'],
	[/^lead (agency|agencies|organisation|organization|partner|body)|^responsible (agency|organisation|organization|partner)|^(agency|organisation|organization) responsible|^partner agenc|^lead$/, 'actions.lead_agency'],
	[/^(lead|responsible) (officer|person|role|manager)|^owner\b|^action owner/, 'actions.owner_role'],
	[/^(target|due|completion target) date|^timescales?\b|^target\b|^deadline|^by when/, 'actions.target_date'],
	[/^(rag|status)\b|^current (status|rag)|^rag rating|^progress rag|^overall (status|rag)/, 'actions.status'],
	[/^evidence\b|^outcome\b|^impact\b/, 'actions.evidence'],
	[/^recommendations?\b/, 'recommendations.text']
];
const spaced = (h: string) => h.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

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
	const found = [...new Set([...(synonym.has(k) ? [synonym.get(k)!] : []), ...(bare.get(k) ?? [])])];
	if (found.length) return found;
	const words = spaced(header);
	const pattern = PATTERNS.find(([re]) => re.test(words));
	return pattern ? [pattern[1]] : [];
}

/** True when a header names a model column (by name, synonym or the first words of a long header). */
export const isKnownHeader = (header: string): boolean => header.trim() !== '' && candidates(header).length > 0;

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

/** The targets a mapping fills. */
export const mapped = (mapping: Mapping): Set<Target> => new Set(mapping.columns.flatMap((c) => (c.target ? [c.target] : [])));

/** Tables that a mapping fills at least one column of. */
export function mappedTables(mapping: Mapping): Set<TableName> {
	return new Set(mapping.columns.flatMap((c) => (c.target ? [c.target.split('.')[0] as TableName] : [])));
}
