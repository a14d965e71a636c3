/**
 * The next version of a tracker: what changed since the last import, and the kept dataset with the
 * reviews of the new import put in place of their earlier versions. Pure TypeScript over the
 * model's tables as plain rows (`Tables`), so it runs in the import worker, under Node and in tests.
 *
 * Reviews are the same review when they have the same partnership and review id; failing that, the
 * same partnership and the same name once case, spaces and punctuation are set aside ("DHR-3" and
 * "dhr 3"). Within a review, recommendations are paired by id, else by number, else by text; actions
 * by id with the same description, else by recommendation and description (ignoring case and
 * punctuation), else by id alone (a description reworded under a stable id) when the id is the
 * file's own: generated ids (`<rec>-A<n>`) are positions, they shift when a row is removed.
 *
 * The status and overdue rules are those of `src/lib/db/derived.ts` (a unit test holds them equal
 * to the SQL macros): status at the as-at date is the recorded status, except that an action
 * completed after it was still 'in progress' then; closed = completed or not accepted; overdue =
 * not closed and a target date strictly before the as-at date.
 */
import type { CellIn } from '../model/arrow';
import type { ChangeCounts, DatasetUpdate } from '../model/schema';
import type { Row, Tables } from './build';

// ---------- the rules of derived.ts, for one action ----------

/** A cell as yyyy-mm-dd (Date objects and ISO strings alike), or null. */
export function isoOf(v: CellIn): string | null {
	if (v == null || v === '') return null;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
	const s = String(v);
	return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

/** `status_at`: an action recorded as completed on a date after the as-at date was still in progress then. */
export function statusAt(status: CellIn, completed: CellIn, asAt: string): string | null {
	const s = status == null ? null : String(status);
	const c = isoOf(completed);
	return s === 'completed' && c !== null && c > asAt ? 'in progress' : s;
}

/** `is_closed`. */
export const isClosed = (status: string | null) => status === 'completed' || status === 'not accepted';

/** `is_overdue`, on the status at the as-at date. */
export function isOverdue(status: string | null, target: CellIn, asAt: string): boolean {
	const t = isoOf(target);
	return !isClosed(status) && t !== null && t < asAt;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

// ---------- what changed ----------

/** An action as the summary lists it. */
export interface ActionRef {
	action_id: string;
	review_id: string;
	recommendation_id: string;
	rec_number: number | null;
	description: string;
	lead_agency: string | null;
}
export interface CompletedChange extends ActionRef {
	completed_date: string | null;
}
export interface OverdueChange extends ActionRef {
	target_date: string;
	days_overdue: number;
}
export interface MovedChange extends ActionRef {
	from: string | null;
	to: string | null;
}
export interface StatusChange extends ActionRef {
	from: string | null;
	to: string | null;
}

export interface ReviewChanges {
	/** The review's id in the import (the one the updated dataset will carry). */
	review_id: string;
	/** Its id in the kept dataset (differs when paired by name). */
	kept_review_id: string;
	partnership: string;
	matched_by: 'id' | 'name';
	counts: ChangeCounts;
	completed: CompletedChange[];
	overdue: OverdueChange[];
	added: ActionRef[];
	removed: ActionRef[];
	moved: MovedChange[];
	status: StatusChange[];
}

export interface UpdateChanges {
	/** The as-at date of the import, and of the kept dataset (the "since"). */
	as_at: string;
	kept_as_at: string;
	/** Reviews in both, in the import's order. */
	reviews: ReviewChanges[];
	/** Reviews of the import the kept dataset does not have (added whole by `applyUpdate`). */
	new_reviews: string[];
	totals: ChangeCounts;
}

export interface CompareOptions {
	/** As-at date of the new import (yyyy-mm-dd). */
	asAt: string;
	/** As-at date of the kept dataset; default `asAt`. An action is newly overdue when overdue at `asAt` and not at this date. */
	keptAsAt?: string | null;
}

export class UpdateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UpdateError';
	}
}

export const NO_CHANGES: Readonly<ChangeCounts> = Object.freeze({ completed: 0, overdue: 0, added: 0, removed: 0, moved: 0, status: 0 });

const str = (v: CellIn) => (v == null ? '' : String(v));
/** Case, spaces and punctuation set aside: "DHR-3 " and "dhr 3" are the same name. */
export const normalName = (v: CellIn) => str(v).normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** A description for pairing: lower case, punctuation as spaces, spaces collapsed. */
export const normalText = (v: CellIn) =>
	str(v).normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A review's name for pairing: its `review_name` or `name` column where the model has one, else its id. */
const reviewName = (r: Row) => normalName(r.review_name ?? r.name ?? r.review_id);

export interface ReviewPair {
	kept: Row;
	incoming: Row;
	by: 'id' | 'name';
}

/**
 * The reviews of `incoming` that `kept` already has: same partnership and id, else same partnership
 * and name ignoring case and punctuation. Each kept review pairs with one incoming review at most.
 */
export function pairReviews(kept: readonly Row[], incoming: readonly Row[]): { pairs: ReviewPair[]; unpaired: Row[] } {
	const byId = new Map<string, Row>();
	const byName = new Map<string, Row>();
	for (const r of kept) {
		byId.set(`${normalName(r.partnership)}|${str(r.review_id)}`, r);
		const n = `${normalName(r.partnership)}|${reviewName(r)}`;
		if (!byName.has(n)) byName.set(n, r);
	}
	const used = new Set<Row>();
	const pairs: ReviewPair[] = [];
	const unpaired: Row[] = [];
	const later: Row[] = [];
	for (const r of incoming) {
		const k = byId.get(`${normalName(r.partnership)}|${str(r.review_id)}`);
		if (k && !used.has(k)) {
			used.add(k);
			pairs.push({ kept: k, incoming: r, by: 'id' });
		} else later.push(r);
	}
	for (const r of later) {
		const k = byName.get(`${normalName(r.partnership)}|${reviewName(r)}`);
		if (k && !used.has(k)) {
			used.add(k);
			pairs.push({ kept: k, incoming: r, by: 'name' });
		} else unpaired.push(r);
	}
	// In the import's order.
	const order = new Map(incoming.map((r, i) => [r, i]));
	pairs.sort((a, b) => order.get(a.incoming)! - order.get(b.incoming)!);
	return { pairs, unpaired };
}

/** How many reviews of `incoming` the kept reviews already have (for "N reviews in common"). */
export const reviewsInCommon = (kept: readonly Row[], incoming: readonly Row[]) => pairReviews(kept, incoming).pairs.length;

/** Pair two lists in passes: each pass pairs what is left by its key (null = no key). */
function pairInPasses<T>(a: readonly T[], b: readonly T[], keys: ((x: T, side: 'a' | 'b') => string | null)[]): { pairs: [T, T][]; onlyA: T[]; onlyB: T[] } {
	let leftA = [...a];
	let leftB = [...b];
	const pairs: [T, T][] = [];
	for (const key of keys) {
		const index = new Map<string, T[]>();
		for (const x of leftA) {
			const k = key(x, 'a');
			if (k !== null) index.set(k, [...(index.get(k) ?? []), x]);
		}
		const usedA = new Set<T>();
		const restB: T[] = [];
		for (const y of leftB) {
			const k = key(y, 'b');
			const candidates = k === null ? undefined : index.get(k);
			const x = candidates?.shift();
			if (x !== undefined) {
				usedA.add(x);
				pairs.push([x, y]);
			} else restB.push(y);
		}
		leftA = leftA.filter((x) => !usedA.has(x));
		leftB = restB;
	}
	return { pairs, onlyA: leftA, onlyB: leftB };
}

/** An action id the import made up from the row's position (`<recommendation>-A<n>`, see build.ts). */
const generatedId = (a: Row) => str(a.action_id).startsWith(`${str(a.recommendation_id)}-A`) && /^\d+$/.test(str(a.action_id).slice(str(a.recommendation_id).length + 2));

const groupBy = (rows: readonly Row[], key: string) => {
	const m = new Map<string, Row[]>();
	for (const r of rows) {
		const k = str(r[key]);
		m.set(k, [...(m.get(k) ?? []), r]);
	}
	return m;
};

const addCounts = (a: ChangeCounts, b: ChangeCounts): ChangeCounts => ({
	completed: a.completed + b.completed,
	overdue: a.overdue + b.overdue,
	added: a.added + b.added,
	removed: a.removed + b.removed,
	moved: a.moved + b.moved,
	status: a.status + b.status
});

/**
 * What changed in the reviews of `incoming` that `kept` already has, per review and in total.
 * Categories can overlap (an action can be completed and have had its target moved); an action
 * added already overdue is counted as added only.
 */
export function compareTables(kept: Tables, incoming: Tables, options: CompareOptions): UpdateChanges {
	const asAt = options.asAt;
	const keptAsAt = options.keptAsAt ?? asAt;
	const { pairs, unpaired } = pairReviews(kept.reviews, incoming.reviews);
	const keptRecs = groupBy(kept.recommendations, 'review_id');
	const newRecs = groupBy(incoming.recommendations, 'review_id');
	const keptActions = groupBy(kept.actions, 'recommendation_id');
	const newActions = groupBy(incoming.actions, 'recommendation_id');

	const reviews = pairs.map(({ kept: kr, incoming: ir, by }): ReviewChanges => {
		const reviewId = str(ir.review_id);
		const recsK = keptRecs.get(str(kr.review_id)) ?? [];
		const recsN = newRecs.get(reviewId) ?? [];
		const recPairs = pairInPasses(recsK, recsN, [
			(r) => str(r.recommendation_id),
			(r) => (r.rec_number == null ? null : String(r.rec_number)),
			(r) => normalText(r.text) || null
		]);
		// Kept recommendation id -> the import's, to give kept actions the key the import's actions have.
		const recOf = new Map<string, string>(recPairs.pairs.map(([k, n]) => [str(k.recommendation_id), str(n.recommendation_id)]));
		const recNumber = new Map<string, number | null>([...recsK, ...recsN].map((r) => [str(r.recommendation_id), r.rec_number == null ? null : Number(r.rec_number)]));
		const actionsK = recsK.flatMap((r) => keptActions.get(str(r.recommendation_id)) ?? []);
		const actionsN = recsN.flatMap((r) => newActions.get(str(r.recommendation_id)) ?? []);
		const recKey = (a: Row, side: 'a' | 'b') => (side === 'a' ? (recOf.get(str(a.recommendation_id)) ?? `kept:${str(a.recommendation_id)}`) : str(a.recommendation_id));
		const { pairs: actionPairs, onlyA: removedRows, onlyB: addedRows } = pairInPasses(actionsK, actionsN, [
			(a) => `${str(a.action_id)}|${normalText(a.description)}`,
			(a, side) => `${recKey(a, side)}|${normalText(a.description)}`,
			// An id alone pairs only when it is the file's own: a generated one (`<rec>-A<n>`) is a position.
			(a) => (generatedId(a) ? null : str(a.action_id) || null)
		]);
		const ref = (a: Row, rid: string): ActionRef => ({
			action_id: str(a.action_id),
			review_id: rid,
			recommendation_id: str(a.recommendation_id),
			rec_number: recNumber.get(str(a.recommendation_id)) ?? null,
			description: str(a.description),
			lead_agency: a.lead_agency == null ? null : String(a.lead_agency)
		});
		const out: ReviewChanges = {
			review_id: reviewId,
			kept_review_id: str(kr.review_id),
			partnership: str(ir.partnership),
			matched_by: by,
			counts: { ...NO_CHANGES },
			completed: [],
			overdue: [],
			added: addedRows.map((a) => ref(a, reviewId)),
			removed: removedRows.map((a) => ref(a, str(kr.review_id))),
			moved: [],
			status: []
		};
		for (const [k, n] of actionPairs) {
			const before = statusAt(k.status, k.completed_date, keptAsAt);
			const now = statusAt(n.status, n.completed_date, asAt);
			const r = ref(n, reviewId);
			if (now === 'completed' && before !== 'completed') out.completed.push({ ...r, completed_date: isoOf(n.completed_date) });
			else if (now !== before) out.status.push({ ...r, from: before, to: now });
			if (isOverdue(now, n.target_date, asAt) && !isOverdue(before, k.target_date, keptAsAt)) {
				const t = isoOf(n.target_date)!;
				out.overdue.push({ ...r, target_date: t, days_overdue: days(t, asAt) });
			}
			const from = isoOf(k.target_date);
			const to = isoOf(n.target_date);
			if (from !== to) out.moved.push({ ...r, from, to });
		}
		out.counts = {
			completed: out.completed.length,
			overdue: out.overdue.length,
			added: out.added.length,
			removed: out.removed.length,
			moved: out.moved.length,
			status: out.status.length
		};
		return out;
	});
	return {
		as_at: asAt,
		kept_as_at: keptAsAt,
		reviews,
		new_reviews: unpaired.map((r) => str(r.review_id)),
		totals: reviews.reduce((t, r) => addCounts(t, r.counts), { ...NO_CHANGES })
	};
}

/** The short record of an update kept in the dataset's meta (counts, not the action lists). */
export function updateRecord(changes: UpdateChanges, updatedAt: string): DatasetUpdate {
	return {
		updated_at: updatedAt,
		previous_as_at: changes.kept_as_at,
		as_at: changes.as_at,
		totals: { ...changes.totals },
		reviews: changes.reviews.map((r) => ({ review_id: r.review_id, partnership: r.partnership, counts: { ...r.counts } })),
		new_reviews: [...changes.new_reviews]
	};
}

/**
 * The kept dataset with the reviews of `incoming` in place of their earlier versions (their
 * recommendations, themes and actions replaced by the import's), the import's other reviews added,
 * and every other review kept exactly as it was. What the import does not say of a review it
 * updates is kept: a review column the import leaves empty keeps its earlier value, and its case
 * factors are kept when the import gives none for it (a tracker rarely carries them).
 *
 * Throws an UpdateError, in words, when an id of the import is already used by a review, a
 * recommendation or an action the update does not replace (the dataset would hold it twice).
 */
export function applyUpdate(kept: Tables, incoming: Tables): Tables {
	const { pairs } = pairReviews(kept.reviews, incoming.reviews);
	const replaced = new Set(pairs.map((p) => str(p.kept.review_id)));
	const keptOf = new Map(pairs.map((p) => [str(p.incoming.review_id), p.kept]));
	const stays = (r: Row) => !replaced.has(str(r.review_id));
	const reviews = kept.reviews.filter(stays);
	const recs = kept.recommendations.filter(stays);
	const recIds = new Set(recs.map((r) => str(r.recommendation_id)));
	const themes = kept.recommendation_themes.filter((t) => recIds.has(str(t.recommendation_id)));
	const categories = (kept.recommendation_categories ?? []).filter((t) => recIds.has(str(t.recommendation_id)));
	const actions = kept.actions.filter((a) => recIds.has(str(a.recommendation_id)));
	const factors = kept.review_factors.filter(stays);

	const clash = (what: string, ids: Set<string>, rows: readonly Row[], key: string) => {
		const twice = rows.map((r) => str(r[key])).filter((id) => ids.has(id));
		if (twice.length)
			throw new UpdateError(
				`The import's ${what} id${twice.length > 1 ? 's' : ''} ${twice.slice(0, 5).map((id) => `"${id}"`).join(', ')}${twice.length > 5 ? ` and ${twice.length - 5} more` : ''} ${twice.length > 1 ? 'are' : 'is'} already used by another review of the kept dataset: nothing was changed. Give the import's reviews ids of their own, or keep it as a new dataset.`
			);
	};
	clash('review', new Set(reviews.map((r) => str(r.review_id))), incoming.reviews, 'review_id');
	clash('recommendation', recIds, incoming.recommendations, 'recommendation_id');
	clash('action', new Set(actions.map((a) => str(a.action_id))), incoming.actions, 'action_id');

	const withFill = incoming.reviews.map((r) => {
		const k = keptOf.get(str(r.review_id));
		if (!k) return r;
		const out: Row = { ...k, ...r };
		for (const [c, v] of Object.entries(r)) if (v == null && k[c] != null) out[c] = k[c];
		return out;
	});
	const factorsOf = new Set(incoming.review_factors.map((f) => str(f.review_id)));
	const keptFactors = pairs.flatMap((p) =>
		factorsOf.has(str(p.incoming.review_id))
			? []
			: kept.review_factors.filter((f) => str(f.review_id) === str(p.kept.review_id)).map((f) => ({ ...f, review_id: p.incoming.review_id }))
	);
	return {
		reviews: [...reviews, ...withFill],
		review_factors: [...factors, ...keptFactors, ...incoming.review_factors],
		recommendations: [...recs, ...incoming.recommendations],
		recommendation_themes: [...themes, ...incoming.recommendation_themes],
		recommendation_categories: [...categories, ...(incoming.recommendation_categories ?? [])],
		actions: [...actions, ...incoming.actions]
	};
}
