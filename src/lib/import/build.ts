/**
 * Sources + mappings -> the model's tables. A flat tracker (review, recommendation and action on
 * one row) is split into reviews, recommendations and actions; separate files for each table work
 * the same way, joined by their ids. Ids missing from the file are generated deterministically
 * from what is there: recommendation `<review>-R<number>`, action `<recommendation>-A<n>` (n in
 * file order), so importing the same file twice gives the same ids.
 */
import type { CellIn } from '../model/arrow';
import type { TableName } from '../model/schema';
import type { Status } from '../model/vocab';
import { agencyMatcher, type OtherAgency } from './agencies';
import { autoThemes, themeIdsOf } from './autotheme';
import { THEMES } from '../model/themes';
import { convertCell } from './convert';
import { suggestMapping, type Mapping } from './mapping';
import type { Cell, Problem, Source } from './types';
import { STATUS_WORDS, statusKey } from './values';

export type Row = Record<string, CellIn>;
export type Tables = Record<TableName, Row[]>;

export interface BuildOptions {
	/** Agencies already in the data: names are matched to them, unknown ones listed. */
	knownAgencies?: readonly string[];
	/** The user's mapping of status words the vocabulary does not know (lower case word -> status). */
	statusWords?: Record<string, Status>;
	/** The user's mapping of agency names that are not known (name as written -> a known agency). */
	agencyNames?: Record<string, string>;
	/**
	 * The user's corrections of automatic themes, by recommendation id: themes to remove (tags made
	 * from the text) and themes to add (stored with source 'coded': a person assigned them).
	 */
	themeEdits?: Record<string, ThemeEdit>;
}

export interface ThemeEdit {
	remove?: string[];
	add?: string[];
}

/** A status word the vocabulary does not know: its rows, and the status the user chose (or null). */
export interface StatusWordUse {
	/** The word as first written in the file. */
	word: string;
	/** The key `statusWords` is looked up by (lower case, punctuation as spaces). */
	key: string;
	rows: number;
	mapped: Status | null;
}

export interface SourceInput {
	source: Source;
	/** The mapping to use; suggested from the headers when absent. */
	mapping?: Mapping;
}

export interface Built {
	tables: Tables;
	problems: Problem[];
	unknownStatuses: string[];
	unknownAgencies: string[];
	autoThemes: { recommendation_id: string; theme: string; words: string[] }[];
	/** Recommendations whose themes come from their text (none coded in the file), in file order. */
	autoRecommendations: { recommendation_id: string; text: string }[];
	/** Status words outside the vocabulary, mapped by the user or not, with their row counts. */
	statusWords: StatusWordUse[];
	/** Agency names that are not known agencies, mapped by the user or not, with their row counts. */
	agencies: OtherAgency[];
	mappings: { file: string; sheet?: string; mapping: Mapping }[];
}

const stem = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

export function buildTables(inputs: readonly SourceInput[], options: BuildOptions = {}): Built {
	const problems: Problem[] = [];
	const reviews = new Map<string, Row>();
	const recs = new Map<string, Row>();
	const recOrigin = new Map<string, boolean>(); // id came from the file (not generated)
	const actions = new Map<string, Row>();
	const coded = new Map<string, Set<string>>();
	const unknownStatuses = new Set<string>();
	const agencies = agencyMatcher(options.knownAgencies ?? [], options.agencyNames);
	const statusUses = new Map<string, StatusWordUse>();
	const mappings: Built['mappings'] = [];
	let anyMapped = false;

	for (const { source, mapping: given } of inputs) {
		const mapping = given ?? suggestMapping(source.headers);
		const where = { file: source.file, ...(source.sheet ? { sheet: source.sheet } : {}) };
		mappings.push({ ...where, mapping });
		problems.push(...source.notes);
		const col = new Map<string, number>();
		mapping.columns.forEach((c, i) => c.target && col.set(c.target, i));
		const has = (t: string) => col.has(t);
		const definesRecs = has('recommendations.text');
		const definesActions = has('actions.description');
		const definesReviews = [...col.keys()].some((t) => t.startsWith('reviews.') && t !== 'reviews.review_id');
		if (!definesRecs && !definesActions && !definesReviews) {
			problems.push({ ...where, problem: 'No column matched the data model: this table was not imported.', blocking: false });
			continue;
		}
		anyMapped = true;
		const missing = (target: string, why: string) =>
			problems.push({ ...where, column: target.split('.')[1], problem: `Missing required column ${target.split('.')[1]} (${why}).`, blocking: true });
		if (definesActions && !has('actions.status')) missing('actions.status', 'every action needs a status');
		if (definesActions && !definesRecs && !has('recommendations.recommendation_id') && !has('recommendations.rec_number'))
			missing('recommendations.recommendation_id', 'actions must say which recommendation they answer');
		if (has('recommendations.rec_number') && definesActions && !definesRecs && !has('reviews.review_id'))
			missing('reviews.review_id', 'a recommendation number needs its review');
		const reviewFromName = (definesRecs || definesReviews || (definesActions && !has('recommendations.recommendation_id'))) && !has('reviews.review_id');
		if (reviewFromName)
			problems.push({ ...where, column: 'review_id', value: stem(source.file), problem: `No review column: every row is taken to belong to review "${stem(source.file)}" (the file name).`, blocking: false });

		// Cells left empty under a filled one in the review/recommendation columns are the same
		// review/recommendation (merged cells in the tracker): carried down.
		let carryReview: string | null = null;
		let carryRec: { text: Cell; number: Cell; id: Cell } = { text: null, number: null, id: null };
		const recSeq = new Map<string, number>();
		const actionSeq = new Map<string, number>();
		let carried = false;

		source.rows.forEach((row, i) => {
			const at = { ...where, row: source.rowNumbers[i] };
			const raw = (t: string): Cell => (col.has(t) ? row[col.get(t)!] : null);
			const get = (t: string) => {
				const cell = raw(t);
				const c = convertCell(t, cell, options.statusWords);
				if (c.problem) problems.push({ ...at, column: mapping.columns[col.get(t)!].source, value: String(cell), problem: c.problem, blocking: !!c.blocking });
				if (c.unknownStatus) unknownStatuses.add(c.unknownStatus);
				return c.value;
			};
			let reviewId = (raw('reviews.review_id') as Cell) ?? null;
			if (reviewId === null && has('reviews.review_id') && carryReview) {
				reviewId = carryReview;
				carried = true;
			}
			if (reviewId === null && reviewFromName) reviewId = stem(source.file);
			reviewId = reviewId === null ? null : String(reviewId).trim();
			if (reviewId !== carryReview) carryRec = { text: null, number: null, id: null };
			carryReview = reviewId;

			// Reviews: the first file to give a field wins; a later different value is reported.
			if (reviewId !== null) {
				const r = reviews.get(reviewId) ?? { review_id: reviewId };
				for (const [t] of col) {
					if (!t.startsWith('reviews.') || t === 'reviews.review_id') continue;
					if (raw(t) === null) continue;
					const v = get(t);
					const name = t.split('.')[1];
					if (v === null) continue;
					if (r[name] == null) r[name] = v;
					else if (r[name] !== v)
						problems.push({ ...at, column: mapping.columns[col.get(t)!].source, value: String(v), problem: `Review ${reviewId} has ${name} "${r[name]}" on an earlier row: the earlier value is kept.`, blocking: false });
				}
				reviews.set(reviewId, r);
			}

			// Recommendations.
			let recId: string | null = null;
			const idCell = raw('recommendations.recommendation_id');
			const numberCell = raw('recommendations.rec_number');
			const textCell = raw('recommendations.text');
			if (definesRecs) {
				const fresh = idCell !== null || numberCell !== null || textCell !== null;
				const cur = fresh ? { text: textCell ?? (idCell === null && numberCell === null ? null : carryRecText(carryRec, idCell, numberCell)), number: numberCell, id: idCell } : carryRec;
				if (!fresh && carryRec.text !== null) carried = true;
				if (cur.text !== null || cur.id !== null) {
					const number = cur.number === null ? null : (convertCell('recommendations.rec_number', cur.number).value as number | null);
					if (cur.id !== null) recId = String(cur.id).trim();
					else {
						const key = `${reviewId}|${number ?? cur.text}`;
						if (!recSeq.has(key)) recSeq.set(key, number ?? recSeq.size + 1);
						recId = `${reviewId}-R${recSeq.get(key)}`;
					}
					const existing = recs.get(recId);
					const text = cur.text === null ? null : String(cur.text).trim();
					if (existing && fresh && text !== null && existing.text !== text && recOrigin.get(recId))
						problems.push({ ...at, column: 'recommendation_id', value: recId, problem: `Duplicate recommendation id ${recId} with a different text.`, blocking: true });
					if (!existing) {
						const r: Row = { recommendation_id: recId, review_id: reviewId, text };
						if (number !== null) r.rec_number = number;
						for (const t of ['recommendations.scope', 'recommendations.agency_sector']) if (raw(t) !== null) r[t.split('.')[1]] = get(t);
						if (raw('recommendations.agency') !== null) r.agency = agencies.match(String(raw('recommendations.agency')));
						recs.set(recId, r);
						recOrigin.set(recId, cur.id !== null);
						if (reviewId === null)
							problems.push({ ...at, column: 'review_id', problem: `Recommendation ${recId} has no review.`, blocking: true });
					}
					const themeCell = raw('recommendation_themes.theme');
					if (themeCell !== null) {
						const { ids, unknown } = themeIdsOf(String(themeCell));
						const set = coded.get(recId) ?? new Set<string>();
						ids.forEach((id) => set.add(id));
						coded.set(recId, set);
						for (const u of unknown)
							problems.push({ ...at, column: mapping.columns[col.get('recommendation_themes.theme')!].source, value: u, problem: `"${u}" is not a theme in data/themes.json: not kept.`, blocking: false });
					}
					if (fresh) carryRec = { ...cur };
				}
			} else if (idCell !== null) recId = String(idCell).trim();
			else if (numberCell !== null && reviewId !== null) recId = `${reviewId}-R${convertCell('recommendations.rec_number', numberCell).value}`;

			// Actions.
			if (definesActions) {
				const description = raw('actions.description');
				if (description === null) {
					if (!definesRecs) problems.push({ ...at, problem: 'Row without an action description: skipped.', blocking: false });
					return;
				}
				if (recId === null) {
					problems.push({ ...at, problem: 'Action with no recommendation: skipped.', blocking: true });
					return;
				}
				const idCell = raw('actions.action_id');
				let actionId: string;
				if (idCell !== null) actionId = String(idCell).trim();
				else {
					const n = (actionSeq.get(recId) ?? 0) + 1;
					actionSeq.set(recId, n);
					actionId = `${recId}-A${n}`;
				}
				if (actions.has(actionId)) {
					problems.push({ ...at, column: mapping.columns[col.get('actions.action_id')!]?.source ?? 'action_id', value: actionId, problem: `Duplicate action id ${actionId}.`, blocking: true });
					return;
				}
				const a: Row = { action_id: actionId, recommendation_id: recId, description: String(description).trim() };
				for (const t of ['actions.owner_role', 'actions.target_date', 'actions.completed_date', 'actions.evidence', 'actions.last_updated']) if (col.has(t)) a[t.split('.')[1]] = get(t);
				if (raw('actions.lead_agency') !== null) a.lead_agency = agencies.match(String(raw('actions.lead_agency')));
				const status = get('actions.status');
				const statusCell = raw('actions.status');
				if (statusCell !== null && !STATUS_WORDS[statusKey(statusCell)]) {
					const k = statusKey(statusCell);
					const use = statusUses.get(k) ?? { word: String(statusCell).trim(), key: k, rows: 0, mapped: (status as Status | null) ?? null };
					use.rows++;
					statusUses.set(k, use);
				}
				if (status === null && raw('actions.status') === null) {
					if (a.completed_date) {
						a.status = 'completed';
						problems.push({ ...at, column: 'status', problem: 'No status but a completed date: taken as completed.', blocking: false });
					} else problems.push({ ...at, column: 'status', problem: `Action ${actionId} has no status.`, blocking: true });
				} else a.status = status;
				actions.set(actionId, a);
			}
		});
		if (carried)
			problems.push({ ...where, problem: 'Some rows leave the review or recommendation cells empty under a filled one (merged cells): they were read as the same review or recommendation.', blocking: false });
	}
	if (!anyMapped) problems.push({ file: inputs.map((i) => i.source.file).join(', '), problem: 'No table in these files has columns the data model knows: nothing to import.', blocking: true });

	// Themes: coded where given; else tagged from the text (source 'auto').
	const themeRows: Row[] = [];
	const auto: Built['autoThemes'] = [];
	const autoRecs: Built['autoRecommendations'] = [];
	const known = new Set(THEMES.map((t) => t.id));
	for (const r of recs.values()) {
		const id = String(r.recommendation_id);
		const codedIds = coded.get(id);
		if (codedIds && codedIds.size) for (const theme of codedIds) themeRows.push({ recommendation_id: id, theme, source: 'coded' });
		else if (r.text) {
			autoRecs.push({ recommendation_id: id, text: String(r.text) });
			const edit = options.themeEdits?.[id];
			const removed = new Set(edit?.remove ?? []);
			const tags = autoThemes(String(r.text));
			for (const t of tags) {
				auto.push({ recommendation_id: id, ...t });
				if (!removed.has(t.theme)) themeRows.push({ recommendation_id: id, theme: t.theme, source: 'auto' });
			}
			for (const theme of new Set(edit?.add ?? []))
				if (known.has(theme) && !tags.some((t) => t.theme === theme && !removed.has(theme))) themeRows.push({ recommendation_id: id, theme, source: 'coded' });
		}
	}
	for (const r of reviews.values()) if (r.review_type == null) r.review_type = 'DHR';

	return {
		tables: {
			reviews: [...reviews.values()],
			review_factors: [],
			recommendations: [...recs.values()],
			recommendation_themes: themeRows,
			actions: [...actions.values()]
		},
		problems,
		unknownStatuses: [...unknownStatuses].sort(),
		unknownAgencies: agencies.unknown(),
		autoThemes: auto,
		autoRecommendations: autoRecs,
		statusWords: [...statusUses.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
		agencies: agencies.others(),
		mappings
	};
}

/** A row that gives a recommendation number or id but no text continues the last text only when it is the same recommendation. */
function carryRecText(carry: { text: Cell; number: Cell; id: Cell }, id: Cell, number: Cell): Cell {
	const same = (id !== null && id === carry.id) || (id === null && number !== null && String(number) === String(carry.number));
	return same ? carry.text : null;
}
