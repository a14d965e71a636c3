/**
 * Sources + mappings -> the model's tables. A flat tracker (review, recommendation and action on
 * one row) is split into reviews, recommendations and actions; separate files for each table work
 * the same way, joined by their ids. Ids missing from the file are generated deterministically
 * from what is there: recommendation `<review>-R<number>`, action `<recommendation>-A<n>` (n in
 * file order), so importing the same file twice gives the same ids.
 *
 * The layouts partnerships really keep are read too (issue 14): the Home Office action-plan
 * template (one review per sheet, its name in the sheet's title or the sheet's name; a
 * recommendation merged down over its actions; no status column, the status read from the "Date of
 * completion and outcome" cell; scope written local / regional / national; target dates such as
 * "Within 6 months"), and values that hold for a whole file (partnership, review type, region, the
 * review, its publication date) given once (`fileValues`) instead of on every row.
 */
import type { CellIn } from '../model/arrow';
import type { TableName } from '../model/schema';
import type { CodedRow, Compiled } from '../lessons/tagger';
import { refitModel } from '../lessons/tags';
import type { Status } from '../model/vocab';
import { agencyMatcher, type OtherAgency } from './agencies';
import { themeIdsOf } from './autotheme';
import { suggest, type CategorySuggestion, type ThemeSuggestion } from './suggest';
import { categoryId } from '../model/categories';
import { THEMES } from '../model/themes';
import { convertCell } from './convert';
import { addMonths, parseDate } from './dates';
import { partnershipIn, publishedIn, sheetReview, type FileValues } from './file-values';
import { mapped, suggestMapping, type Mapping } from './mapping';
import { readOutcome } from './outcome';
import type { Cell, Problem, Source } from './types';
import { RAG_MEANING, STATUS_WORDS, statusKey } from './values';
import { REGIONS } from '../model/vocab';

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
	/**
	 * The user's corrections of automatic kinds of change, by recommendation id, as for themes. A
	 * recommendation whose suggestions were corrected keeps them with source 'corrected'.
	 */
	categoryEdits?: Record<string, ThemeEdit>;
	/** Tags text with this model instead of the committed one (a model refitted on the file's coded recommendations). */
	tagger?: Compiled;
	/**
	 * Refit the tagger on this import's recommendations whose kinds of change the file codes (and
	 * those the user corrected) before tagging the others with it (`refitModel`, in the worker).
	 */
	refit?: boolean;
	/**
	 * Values for every row of a file that the file does not give (see file-values.ts), by file name;
	 * '*' holds values for every file (the CLI's --partnership, --review-type, ...).
	 */
	fileValues?: Record<string, FileValues>;
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
	/** For a RAG colour, what it says beyond the status ("on track"); the status alone says open or done. */
	meaning?: string;
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
	autoThemes: ({ recommendation_id: string } & ThemeSuggestion)[];
	/** Recommendations with kinds of change a person gave (in the file, or corrected here): what a refit learns from. */
	codedRecommendations: number;
	/** Set when the tagger was refitted on them for this import. */
	tagger: { refitted_on: number } | null;
	/** Kinds of change read from the text of recommendations the file gives none for, with confidence and reasons. */
	autoCategories: ({ recommendation_id: string } & CategorySuggestion)[];
	/**
	 * Recommendations whose themes or kinds of change come from their text (none coded in the file),
	 * in file order; `themes` / `categories` say which of the two were read from the text.
	 */
	autoRecommendations: { recommendation_id: string; text: string; themes: boolean; categories: boolean }[];
	/** Status words outside the vocabulary, mapped by the user or not, with their row counts. */
	statusWords: StatusWordUse[];
	/** Status words and RAG colours the app knows, with their row counts and how each was read (shown on /import). */
	readWords: StatusWordUse[];
	/** Agency names that are not known agencies, mapped by the user or not, with their row counts. */
	agencies: OtherAgency[];
	mappings: { file: string; sheet?: string; mapping: Mapping }[];
}

const stem = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
/** Sheets that hold instructions or lookup lists rather than a tracker. */
const NOT_A_TRACKER = /^(read ?me|instructions?|guidance|notes?|help|key|legend|lookups?|lists?|drop ?downs?|data validation|options|values|cover|contents|index|summary|dashboard|version|change log)\b/i;
const definesTracker = (targets: Set<string>) => targets.has('recommendations.text') && targets.has('actions.description');
const hasReviewColumn = (targets: Set<string>) => targets.has('reviews.review_id');

/** A recommendation cell that starts with its number ("1.", "Rec 2:", "Recommendation 3 –", "R4"). */
const NUMBERED = /^\s*(?:(?:recommendation|rec)\.?\s*(?:no\.?\s*)?|r)?(\d{1,3})(?:\s*[.):–—-]\s+|\s*:\s*|\s+(?=[A-Z]))/i;

/** Home Office template scope words: 'local' and 'regional' say where, not how many agencies. */
const AREA_SCOPE = /^\s*(local|regional|sub[- ]?regional|county(?:[- ]wide)?|pan[- ]\w+|area|borough(?:[- ]wide)?|district)\b(?!.*\b(single|multi|national))/i;

/** The whole-file values for one file: its own, over those given for every file. */
const valuesFor = (options: BuildOptions, file: string): FileValues => ({ ...(options.fileValues?.['*'] ?? {}), ...(options.fileValues?.[file] ?? {}) });
const given = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

export function buildTables(inputs: readonly SourceInput[], options: BuildOptions = {}): Built {
	const problems: Problem[] = [];
	const reviews = new Map<string, Row>();
	const recs = new Map<string, Row>();
	const recOrigin = new Map<string, boolean>(); // id came from the file (not generated)
	const actions = new Map<string, Row>();
	const coded = new Map<string, Set<string>>();
	const codedCategories = new Map<string, Set<string>>();
	const unknownStatuses = new Set<string>();
	const agencies = agencyMatcher(options.knownAgencies ?? [], options.agencyNames);
	const statusUses = new Map<string, StatusWordUse>();
	const mappings: Built['mappings'] = [];
	let anyMapped = false;

	// One review per sheet: a workbook with two or more sheets that each hold a whole action plan
	// (recommendations and actions) and no review column (the Home Office template's layout).
	const prepared = inputs.map(({ source, mapping }) => ({ source, mapping: mapping ?? suggestMapping(source.headers) }));
	const perSheet = new Set<Source>();
	const byFile = new Map<string, Source[]>();
	for (const { source, mapping } of prepared) {
		const t = mapped(mapping);
		if (source.sheet && definesTracker(t) && !hasReviewColumn(t)) byFile.set(source.file, [...(byFile.get(source.file) ?? []), source]);
	}
	for (const list of byFile.values()) if (list.length >= 2) list.forEach((s) => perSheet.add(s));
	const pendingRelative: { actionId: string; reviewId: string; months: number; at: Omit<Problem, 'problem' | 'blocking'> }[] = [];
	const areaScope: { recId: string; word: string; at: Omit<Problem, 'problem' | 'blocking'> }[] = [];
	const filesValued = new Set<string>();

	for (const { source, mapping } of prepared) {
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
			const what = NOT_A_TRACKER.test(source.sheet ?? '') ? 'It looks like instructions or a lookup list' : 'No recommendation, action or review column was found';
			const seen = source.headers.filter((h) => !/^Column \d+$/.test(h)).slice(0, 8).join(', ');
			problems.push({ ...where, problem: `${source.sheet ? `Sheet "${source.sheet}"` : 'This table'} has no column the data model knows: skipped. ${what}${seen ? ` (columns found: ${seen})` : ''}.`, blocking: false });
			continue;
		}
		anyMapped = true;
		const missing = (target: string, why: string) =>
			problems.push({ ...where, column: target.split('.')[1], problem: `Missing required column ${target.split('.')[1]} (${why}).`, blocking: true });
		let values = valuesFor(options, source.file);
		// In a workbook of one review per sheet, a sheet's own title may name its partnership
		// ("Partnership: West – Review: Q2"): it wins over a guess for the whole file, not over the user's value.
		if (perSheet.has(source) && (!given(values.partnership) || values.guessed?.includes('partnership'))) {
			const own = (source.titles ?? []).map(partnershipIn).find((p) => p);
			if (own && own !== values.partnership) {
				values = { ...values, partnership: own };
				problems.push({ ...where, column: 'partnership', value: own, problem: `Partnership "${own}" taken from the title of ${source.sheet} for its review.`, blocking: false });
			}
		}
		const derivesStatus = has('actions.outcome') || has('actions.completed_date');
		if (definesActions && !has('actions.status') && !derivesStatus)
			missing('actions.status', 'every action needs a status: map a status or RAG column, or a "date of completion and outcome" or completed-date column to read it from');
		if (definesActions && !has('actions.status') && has('actions.outcome'))
			problems.push({ ...where, column: mapping.columns[col.get('actions.outcome')!].source, problem: 'No status column: each action\'s status is read from its completion and outcome cell (a date means completed on that date; "ongoing", "not accepted – …" and blank say the rest). Each is listed below.', blocking: false });
		if (definesActions && !definesRecs && !has('recommendations.recommendation_id') && !has('recommendations.rec_number'))
			missing('recommendations.recommendation_id', 'actions must say which recommendation they answer');
		// An actions table joined by recommendation number and no review column: the review is the
		// file's (the one given for the whole file, or its name), as for its recommendations table.
		const reviewFromName = (definesRecs || definesReviews || (definesActions && !has('recommendations.recommendation_id'))) && !has('reviews.review_id');
		// The review of a table with no review column: the sheet's own (one review per sheet), the
		// one the user gave for the file, or the file's name.
		let fileReview = stem(source.file);
		if (reviewFromName) {
			if (perSheet.has(source)) {
				const r = sheetReview(source);
				fileReview = r.value;
				// Each sheet's own publication date, when its title gives one ("– report published June 2023").
				const published = (source.titles ?? []).map(publishedIn).find((d) => d);
				values = { ...values, published: published ?? null };
				if (published) problems.push({ ...where, column: 'published_date', value: published, problem: `Review "${r.value}" taken as published ${published} (from the title of ${source.sheet}).`, blocking: false });
				problems.push({ ...where, column: 'review_id', value: r.value, problem: `One review per sheet: the rows of this sheet are review "${r.value}" (from ${r.from}).${given(values.review) ? ' The review given for the whole file is not used for a workbook of several reviews.' : ''}`, blocking: false });
			} else if (given(values.review)) {
				fileReview = values.review.trim();
				problems.push({ ...where, column: 'review_id', value: fileReview, problem: `No review column: every row is taken to belong to review "${fileReview}" (given for the whole file).`, blocking: false });
			} else
				problems.push({ ...where, column: 'review_id', value: fileReview, problem: `No review column: every row is taken to belong to review "${fileReview}" (the file name). Give the review's name for the whole file to change it.`, blocking: false });
		}
		// A review's sheet with its header and no rows yet is still a review (an action plan not yet written).
		if (reviewFromName && perSheet.has(source) && source.rows.length === 0 && !reviews.has(fileReview)) {
			const r: Row = { review_id: fileReview };
			applyFileValues(r, values, where, problems, filesValued.has(source.file));
			reviews.set(fileReview, r);
		}
		const numberedText = definesRecs && !has('recommendations.rec_number') && !has('recommendations.recommendation_id');
		let numbersRead = 0;
		let lastAction: Row | null = null;
		let continued = 0;

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
			if (reviewId === null && reviewFromName) reviewId = fileReview;
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
				if (!reviews.has(reviewId)) applyFileValues(r, values, at, problems, filesValued.has(source.file));
				filesValued.add(source.file);
				reviews.set(reviewId, r);
			}

			// Recommendations.
			let recId: string | null = null;
			const idCell = raw('recommendations.recommendation_id');
			let numberCell = raw('recommendations.rec_number');
			let textCell = raw('recommendations.text');
			if (numberedText && typeof textCell === 'string') {
				const m = textCell.match(NUMBERED);
				if (m && textCell.length > m[0].length + 3) {
					numberCell = Number(m[1]);
					textCell = textCell.slice(m[0].length).trim();
					numbersRead++;
				}
			}
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
						const scopeCell = raw('recommendations.scope');
						if (scopeCell !== null && AREA_SCOPE.test(String(scopeCell))) areaScope.push({ recId, word: String(scopeCell).trim(), at: { ...at, column: mapping.columns[col.get('recommendations.scope')!].source } });
						else if (scopeCell !== null) r.scope = get('recommendations.scope');
						if (raw('recommendations.agency_sector') !== null) r.agency_sector = get('recommendations.agency_sector');
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
					// Kinds of change as the Home Office writes them ("Policy; Multi-agency working").
					const categoryCell = raw('recommendation_categories.category');
					if (categoryCell !== null) {
						const set = codedCategories.get(recId) ?? new Set<string>();
						for (const part of String(categoryCell).split(/[;,|\n]/).map((p) => p.trim()).filter(Boolean)) {
							const id = categoryId(part);
							if (id) set.add(id);
							else
								problems.push({ ...at, column: mapping.columns[col.get('recommendation_categories.category')!].source, value: part, problem: `"${part}" is not one of the Home Office's eight recommendation categories (technology systems, identification of risk, training, policy, multi-agency working, record keeping, awareness raising, other): not kept.`, blocking: false });
						}
						codedCategories.set(recId, set);
					}
					if (fresh) carryRec = { ...cur };
				}
			} else if (idCell !== null) recId = String(idCell).trim();
			else if (numberCell !== null && reviewId !== null) recId = `${reviewId}-R${convertCell('recommendations.rec_number', numberCell).value}`;

			// Actions.
			if (definesActions) {
				const description = raw('actions.description');
				const outcomeCell = raw('actions.outcome');
				const milestonesCell = raw('actions.milestones');
				if (description === null) {
					// A row with milestones or an outcome but no action text, under an action of the same
					// recommendation: the rest of that action (a merged action cell, or notes on a second line).
					if (lastAction && recId !== null && lastAction.recommendation_id === recId && (outcomeCell !== null || milestonesCell !== null || raw('actions.evidence') !== null)) {
						const more = [milestonesCell, raw('actions.evidence'), outcomeCell].filter((c) => c !== null).map((c) => String(c).trim());
						lastAction.evidence = [lastAction.evidence, ...more].filter(Boolean).join(' — ');
						continued++;
						problems.push({ ...at, value: more.join(' | ').slice(0, 120), problem: `Row with no action text under action ${lastAction.action_id}: read as more of that action, its text added to the evidence.`, blocking: false });
					} else if (!definesRecs) problems.push({ ...at, problem: 'Row without an action description: skipped.', blocking: false });
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
				for (const t of ['actions.owner_role', 'actions.completed_date', 'actions.evidence', 'actions.last_updated']) if (col.has(t)) a[t.split('.')[1]] = get(t);
				if (col.has('actions.target_date')) {
					const targetCell = raw('actions.target_date');
					const d = targetCell === null ? null : parseDate(targetCell, 'last');
					const column = mapping.columns[col.get('actions.target_date')!].source;
					if (d?.relativeMonths !== undefined) {
						a.target_date = null;
						pendingRelative.push({ actionId, reviewId: String(reviewId), months: d.relativeMonths, at: { ...at, column, value: String(targetCell) } });
					} else {
						a.target_date = get('actions.target_date');
						if (d?.several && a.target_date) problems.push({ ...at, column, value: String(targetCell), problem: `Several dates in one cell: the last, ${a.target_date}, is taken as the target date in force.`, blocking: false });
					}
				}
				if (raw('actions.lead_agency') !== null) a.lead_agency = agencies.match(String(raw('actions.lead_agency')));
				const status = get('actions.status');
				const statusCell = raw('actions.status');
				if (statusCell !== null) {
					const k = statusKey(statusCell);
					const use = statusUses.get(k) ?? { word: String(statusCell).trim(), key: k, rows: 0, mapped: (status as Status | null) ?? null, ...(RAG_MEANING[k] ? { meaning: RAG_MEANING[k] } : {}) };
					use.rows++;
					statusUses.set(k, use);
				}
				const milestones = milestonesCell === null ? null : String(milestonesCell).trim();
				const join = (...parts: unknown[]) => parts.filter(Boolean).join(' — ');
				// A completion-and-outcome cell gives the completion date and the evidence; with no status
				// column (the Home Office template) it gives the status too.
				const outcome = outcomeCell !== null || (statusCell === null && has('actions.outcome')) ? readOutcome(outcomeCell, milestones !== null) : null;
				if (outcome) {
					a.completed_date = a.completed_date ?? outcome.completed_date;
					if (outcome.evidence) a.evidence = join(a.evidence, outcome.evidence);
				}
				if (status !== null) {
					const rag = RAG_MEANING[statusKey(statusCell)];
					if (status !== 'completed' && rag && a.completed_date) {
						// A RAG colour says whether an open action is on track; a completion date says it is done.
						a.status = 'completed';
						problems.push({ ...at, column: mapping.columns[col.get('actions.status')!].source, value: String(statusCell), problem: `RAG "${statusCell}" (${rag}) with a completion date (${a.completed_date}): taken as completed.`, blocking: false });
					} else a.status = status;
				} else if (statusCell !== null) {
					a.status = null; // a word to map: reported (and blocking) with the cell
				} else if (outcome) {
					a.status = outcome.status;
					problems.push({ ...at, column: mapping.columns[col.get('actions.outcome')!].source, value: outcomeCell === null ? '' : String(outcomeCell).slice(0, 120), problem: `Status derived: ${outcome.how}.`, blocking: false });
				} else if (a.completed_date) {
					a.status = 'completed';
					problems.push({ ...at, column: 'status', problem: 'No status but a completed date: taken as completed.', blocking: false });
				} else if (!has('actions.status')) {
					a.status = milestones !== null ? 'in progress' : 'not started';
					problems.push({ ...at, column: 'status', problem: `No status and no completed date: read as ${a.status}${milestones !== null ? ' (progress is recorded)' : ''}.`, blocking: false });
				} else problems.push({ ...at, column: 'status', problem: `Action ${actionId} has no status.`, blocking: true });
				if (milestones !== null) a.evidence = [a.evidence, `Milestones: ${milestones}`].filter(Boolean).join(' — ');
				if (a.evidence === undefined && (has('actions.outcome') || has('actions.milestones'))) a.evidence = null;
				actions.set(actionId, a);
				lastAction = a;
			}
		});
		if (numbersRead)
			problems.push({ ...where, problem: `${numbersRead} recommendation(s) begin with their number ("1.", "Rec 2:"): the number was read as the recommendation number and left out of the text.`, blocking: false });
		if (continued)
			problems.push({ ...where, problem: `${continued} row(s) without action text were read as more of the action above them (merged or continued cells).`, blocking: false });
		if (carried)
			problems.push({ ...where, problem: 'Some rows leave the review or recommendation cells empty under a filled one (merged cells): they were read as the same review or recommendation.', blocking: false });
	}
	if (!anyMapped) {
		const seen = [...new Set(inputs.flatMap((i) => i.source.headers.filter((h) => !/^Column \d+$/.test(h))))].slice(0, 12).join(', ');
		problems.push({
			file: inputs.map((i) => i.source.file).join(', '),
			problem: `No table in these files has columns the data model knows: nothing to import. Columns found: ${seen || 'none'}. A tracker needs at least a recommendation or action column (e.g. "Recommendation", "Action to take"), or review columns such as "Review" and "Partnership".`,
			blocking: true
		});
	}

	// "Within 6 months" and the like: from the review's publication date, once every row is read.
	for (const p of pendingRelative) {
		const a = actions.get(p.actionId);
		const published = reviews.get(p.reviewId)?.published_date;
		if (!a) continue;
		if (typeof published === 'string') {
			a.target_date = addMonths(published, p.months);
			problems.push({ ...p.at, problem: `Target date "${p.at.value}" read as ${p.months} month(s) after the review's publication (${published}): ${a.target_date}.`, blocking: false });
		} else
			problems.push({ ...p.at, problem: `Target date "${p.at.value}" counts from the review's publication, which is not known: left empty. Give the publication date for the whole file to fill it.`, blocking: false });
	}
	// Scope written as where ('local', 'regional'): single-agency when one agency leads all its actions, else multi-agency.
	for (const s of areaScope) {
		const r = recs.get(s.recId);
		if (!r) continue;
		const leads = new Set([...actions.values()].filter((a) => a.recommendation_id === s.recId && a.lead_agency).map((a) => String(a.lead_agency)));
		r.scope = leads.size <= 1 ? 'single-agency' : 'multi-agency';
		problems.push({ ...s.at, value: s.word, problem: `Scope "${s.word}" says where, not how many agencies: read as ${r.scope} (${leads.size === 0 ? 'no lead agency named' : leads.size === 1 ? 'one lead agency' : `${leads.size} lead agencies`}).`, blocking: false });
	}
	// A review with no date at all is counted under no year: its year is taken from its earliest
	// action date (said in the report), so the theme charts can place it.
	for (const r of reviews.values()) {
		if (r.completed_date || r.published_date || r.commissioned_date || r.death_month) continue;
		const recIds = new Set([...recs.values()].filter((x) => x.review_id === r.review_id).map((x) => String(x.recommendation_id)));
		const dates = [...actions.values()].filter((a) => recIds.has(String(a.recommendation_id))).flatMap((a) => [a.target_date, a.completed_date, a.last_updated]).filter((d): d is string => typeof d === 'string').sort();
		if (!dates.length) {
			problems.push({ file: inputs[0]?.source.file ?? '', column: 'published_date', value: String(r.review_id), problem: `Review ${r.review_id} has no date: it is counted under no year, so the charts by year leave it out. Give its publication date (a column, or the value for the whole file of a one-review file).`, blocking: false });
			continue;
		}
		r.published_date = `${dates[0].slice(0, 7)}-01`;
		problems.push({ file: inputs[0]?.source.file ?? '', column: 'published_date', value: r.published_date, problem: `Review ${r.review_id} has no date: its year is taken from its earliest action date (${dates[0]}), as published ${r.published_date.slice(0, 7)}. Give its publication date (a column, or the value for the whole file of a one-review file) to set it.`, blocking: false });
	}

	// Themes and kinds of change: coded where the file gives them; else read from the text by the
	// tagger (source 'auto', with its confidence). Where the user corrected a recommendation's
	// suggestions (removed or added one), what it keeps is stored as 'corrected': a person decided.
	const themeRows: Row[] = [];
	const categoryRows: Row[] = [];
	const auto: Built['autoThemes'] = [];
	const autoCats: Built['autoCategories'] = [];
	const autoRecs: Built['autoRecommendations'] = [];
	const known = new Set(THEMES.map((t) => t.id));
	/** One dimension of one recommendation: suggestions, the user's edit, the rows to store. */
	const keep = (id: string, suggested: { key: string; confidence: number | null }[], edit: ThemeEdit | undefined, valid: (k: string) => boolean, push: (key: string, source: string, confidence: number | null) => void) => {
		const removed = new Set(edit?.remove ?? []);
		const added = [...new Set(edit?.add ?? [])].filter((k) => valid(k) && !suggested.some((s) => s.key === k && !removed.has(k)));
		const corrected = removed.size > 0 || added.length > 0;
		for (const s of suggested) if (!removed.has(s.key)) push(s.key, corrected ? 'corrected' : 'auto', corrected ? null : s.confidence);
		for (const k of added) push(k, 'corrected', null);
	};
	// The coded kinds of change teach a refitted tagger (when asked): the file's, and the user's corrections.
	const codedRows: CodedRow[] = [];
	for (const r of recs.values()) {
		const id = String(r.recommendation_id);
		const given = codedCategories.get(id);
		const edit = options.categoryEdits?.[id];
		if (!r.text) continue;
		if (given?.size) codedRows.push({ text: String(r.text), categories: [...given] });
		else if (edit?.add?.length) codedRows.push({ text: String(r.text), categories: edit.add.filter((k) => categoryId(k) === k) });
	}
	let tagger = options.tagger;
	let refitted: Built['tagger'] = null;
	if (options.refit && codedRows.length) {
		tagger = refitModel(codedRows, tagger);
		refitted = { refitted_on: codedRows.length };
		problems.push({ file: inputs[0]?.source.file ?? '', problem: `The tagger was refitted on the ${codedRows.length} recommendations of this import with kinds of change given by a person, and the others were tagged with it.`, blocking: false });
	}
	for (const r of recs.values()) {
		const id = String(r.recommendation_id);
		const codedIds = coded.get(id);
		const codedCats = codedCategories.get(id);
		const themesCoded = !!codedIds?.size;
		const catsCoded = !!codedCats?.size;
		if (themesCoded) for (const theme of codedIds!) themeRows.push({ recommendation_id: id, theme, source: 'coded' });
		if (catsCoded) for (const category of codedCats!) categoryRows.push({ recommendation_id: id, category, source: 'coded' });
		if ((themesCoded && catsCoded) || !r.text) continue;
		autoRecs.push({ recommendation_id: id, text: String(r.text), themes: !themesCoded, categories: !catsCoded });
		const s = suggest(String(r.text), tagger);
		if (!themesCoded) {
			for (const t of s.themes) auto.push({ recommendation_id: id, ...t });
			keep(id, s.themes.map((t) => ({ key: t.theme, confidence: t.confidence })), options.themeEdits?.[id], (k) => known.has(k), (theme, source, confidence) =>
				themeRows.push({ recommendation_id: id, theme, source, confidence })
			);
		}
		if (!catsCoded) {
			for (const c of s.categories) autoCats.push({ recommendation_id: id, ...c });
			keep(id, s.categories.map((c) => ({ key: c.category, confidence: c.confidence })), options.categoryEdits?.[id], (k) => categoryId(k) === k, (category, source, confidence) =>
				categoryRows.push({ recommendation_id: id, category, source, confidence })
			);
		}
	}
	for (const r of reviews.values()) if (r.review_type == null) r.review_type = 'DHR';
	const sortedUses = [...statusUses.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

	return {
		tables: {
			reviews: [...reviews.values()],
			review_factors: [],
			recommendations: [...recs.values()],
			recommendation_themes: themeRows,
			recommendation_categories: categoryRows,
			actions: [...actions.values()]
		},
		problems,
		unknownStatuses: [...unknownStatuses].sort(),
		unknownAgencies: agencies.unknown(),
		autoThemes: auto,
		autoCategories: autoCats,
		codedRecommendations: codedRows.length,
		tagger: refitted,
		autoRecommendations: autoRecs,
		statusWords: sortedUses.filter((u) => !STATUS_WORDS[u.key]),
		readWords: sortedUses.filter((u) => STATUS_WORDS[u.key]),
		agencies: agencies.others(),
		mappings
	};
}

/**
 * Fill a new review's fields from the values given for its whole file, where the file left them
 * empty; each value used is said once per file (`said`: already reported for this file).
 */
function applyFileValues(r: Row, values: FileValues, at: Omit<Problem, 'problem' | 'blocking'>, problems: Problem[], said: boolean) {
	const note = (column: string, value: string, problem: string) => !said && problems.push({ ...at, row: undefined, column, value, problem, blocking: false });
	// Values used as given are listed with the file on /import (and were typed by the user or
	// guessed with a line of their own); only a value that cannot be used is reported here.
	if (r.partnership == null && given(values.partnership)) r.partnership = values.partnership.trim();
	if (r.review_type == null && given(values.review_type)) {
		const t = values.review_type.trim().toUpperCase();
		if (t === 'DHR' || t === 'DARDR') r.review_type = t;
		else note('review_type', values.review_type, `Review type "${values.review_type}" is neither DHR nor DARDR: DHR is used.`);
	}
	if (r.region == null && given(values.region)) {
		const region = REGIONS.find((x) => x.toLowerCase() === values.region!.trim().toLowerCase());
		if (region) r.region = region;
		else note('region', values.region, `Region "${values.region}" is not one of the nine English regions or Wales: left empty.`);
	}
	if (r.published_date == null && given(values.published)) {
		const d = parseDate(values.published.trim(), 'first');
		if (d.iso) {
			r.published_date = d.iso;
			if (d.precision === 'year') note('published_date', values.published, `Publication given as a year only: stored as ${d.iso}; only its year is used by the charts.`);
		} else note('published_date', values.published, `Publication date "${values.published}" is not a date: left empty.`);
	}
}

/** A row that gives a recommendation number or id but no text continues the last text only when it is the same recommendation. */
function carryRecText(carry: { text: Cell; number: Cell; id: Cell }, id: Cell, number: Cell): Cell {
	const same = (id !== null && id === carry.id) || (id === null && number !== null && String(number) === String(carry.number));
	return same ? carry.text : null;
}
