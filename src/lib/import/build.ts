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
import { agencyMatcher, type AgencyMatcher, type OtherAgency } from './agencies';
import { themeIdsOf } from './autotheme';
import { suggest, type CategorySuggestion, type ThemeSuggestion } from './suggest';
import { categoryId } from '../model/categories';
import { THEMES } from '../model/themes';
import { convertCell, type Converted } from './convert';
import { addMonths, parseDate } from './dates';
import { partnershipIn, publishedIn, sheetReview, type FileValues } from './file-values';
import { mapped, suggestMapping, type Mapping } from './mapping';
import { readOutcome } from './outcome';
import type { Cell, Problem, Source } from './types';
import { RAG_MEANING, STATUS_WORDS, booleanOf, dottedNumberOf, isProgressNote, ragMeaningOf, statusKey, statusReading } from './values';
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
	/** Set when the status was guessed, not read from a whole status word: from 'its first words' ("Complete – evidence received") or as 'a progress note'. */
	guessed?: 'its first words' | 'a progress note' | 'its cell colour';
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

/** A recommendation cell that starts with its number ("1.", "1.2", "Rec 2:", "Recommendation 3 –", "R4"). */
const NUMBERED = /^\s*(?:(?:recommendation|rec)\.?\s*(?:no\.?\s*)?|r)?(\d{1,3})(?:\.(\d{1,2}))?(?:\s*[.):–—-]\s+|\s*:\s*|\s+(?=[A-Z]))/i;

/** Home Office template scope words: 'local' and 'regional' say where, not how many agencies. */
const AREA_SCOPE = /^\s*(local|regional|sub[- ]?regional|county(?:[- ]wide)?|pan[- ]\w+|area|borough(?:[- ]wide)?|district)\b(?!.*\b(single|multi|national))/i;

/** The whole-file values for one file: its own, over those given for every file. */
const valuesFor = (options: BuildOptions, file: string): FileValues => ({ ...(options.fileValues?.['*'] ?? {}), ...(options.fileValues?.[file] ?? {}) });
const given = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

type At = Omit<Problem, 'problem' | 'blocking'>;

/** What the phases of a build share: the rows read so far, and what was noticed on the way. */
interface Acc {
	options: BuildOptions;
	problems: Problem[];
	reviews: Map<string, Row>;
	recs: Map<string, Row>;
	/** Whether a recommendation's id came from the file (not generated). */
	recOrigin: Map<string, boolean>;
	actions: Map<string, Row>;
	/** Themes coded in the file, by recommendation id. */
	coded: Map<string, Set<string>>;
	/** Kinds of change coded in the file, by recommendation id. */
	codedCategories: Map<string, Set<string>>;
	unknownStatuses: Set<string>;
	agencies: AgencyMatcher;
	statusUses: Map<string, StatusWordUse>;
	mappings: Built['mappings'];
	/** Target dates such as "Within 6 months": filled once every review's publication date is known. */
	pendingRelative: { actionId: string; reviewId: string; months: number; at: At }[];
	/** Scopes written as where ("local", "regional"): read once every action's lead agency is known. */
	areaScope: { recId: string; word: string; at: At }[];
	/** Files whose whole-file values were already reported. */
	filesValued: Set<string>;
}

/** One table being read (a file, or a sheet of a workbook): its mapping and what it defines. */
interface Sheet {
	source: Source;
	mapping: Mapping;
	where: At;
	/** Target -> column index. */
	col: Map<string, number>;
	definesRecs: boolean;
	definesActions: boolean;
	/** The whole-file values that hold for its rows. */
	values: FileValues;
	/** No review column: every row is the review `fileReview`. */
	reviewFromName: boolean;
	fileReview: string;
	/** Recommendation cells may begin with their number ("1.", "Rec 2:"). */
	numberedText: boolean;
}

/** What one table's rows carry down from the rows above them (merged cells), and its counts. */
interface Carry {
	review: string | null;
	rec: { text: Cell; number: Cell; id: Cell };
	recSeq: Map<string, number | string>;
	/** Rows whose recommendation number is written at action level ("1.1"); `split`: of those, the ones whose text differs from the recommendation of that number. */
	dotted: { rows: number; split: number; example: string };
	/** Empty status cells read by their RAG fill colour, per colour. */
	colours: Map<string, number>;
	actionSeq: Map<string, number>;
	lastAction: Row | null;
	carried: boolean;
	numbersRead: number;
	continued: number;
}

/** One row's cells by target: as written (`raw`) and converted to the model's type (`get`, problems reported). */
interface Cells {
	at: At;
	raw(target: string): Cell;
	get(target: string): Converted['value'];
}

/** What the tagging phase adds: the theme and category rows, and what was read from the text. */
interface Tagged {
	themeRows: Row[];
	categoryRows: Row[];
	autoThemes: Built['autoThemes'];
	autoCategories: Built['autoCategories'];
	autoRecommendations: Built['autoRecommendations'];
	codedRecommendations: number;
	tagger: Built['tagger'];
}

const has = (s: Sheet, target: string) => s.col.has(target);
/** The file's header of the column mapped to `target`. */
const columnOf = (s: Sheet, target: string) => s.mapping.columns[s.col.get(target)!].source;

/**
 * The model's tables from the sources, in phases: each table's rows into reviews, recommendations
 * and actions (`readSource`); then what needs every row read first (target dates counted from the
 * publication, scopes written as where, the year of an undated review); then the themes and kinds of
 * change, coded or read from the text (`tagRecommendations`); then the result (`assemble`).
 */
export function buildTables(inputs: readonly SourceInput[], options: BuildOptions = {}): Built {
	const acc: Acc = {
		options,
		problems: [],
		reviews: new Map(),
		recs: new Map(),
		recOrigin: new Map(),
		actions: new Map(),
		coded: new Map(),
		codedCategories: new Map(),
		unknownStatuses: new Set(),
		agencies: agencyMatcher(options.knownAgencies ?? [], options.agencyNames),
		statusUses: new Map(),
		mappings: [],
		pendingRelative: [],
		areaScope: [],
		filesValued: new Set()
	};
	const { prepared, perSheet } = prepareSources(inputs);
	let anyMapped = false;
	for (const input of prepared) if (readSource(acc, input, perSheet.has(input.source))) anyMapped = true;
	if (!anyMapped) acc.problems.push(nothingToImport(inputs));
	const firstFile = inputs[0]?.source.file ?? '';
	fillRelativeTargets(acc);
	scopeFromLeadAgencies(acc);
	dateUndatedReviews(acc, firstFile);
	const tagged = tagRecommendations(acc, firstFile);
	for (const r of acc.reviews.values()) if (r.review_type == null) r.review_type = 'DHR';
	return assemble(acc, tagged);
}

/**
 * Each source with its mapping (suggested from its headers when not given), and the sources that
 * are one review per sheet: a workbook with two or more sheets that each hold a whole action plan
 * (recommendations and actions) and no review column (the Home Office template's layout).
 */
function prepareSources(inputs: readonly SourceInput[]): { prepared: { source: Source; mapping: Mapping }[]; perSheet: Set<Source> } {
	const prepared = inputs.map(({ source, mapping }) => ({ source, mapping: mapping ?? suggestMapping(source.headers) }));
	const perSheet = new Set<Source>();
	const byFile = new Map<string, Source[]>();
	for (const { source, mapping } of prepared) {
		const t = mapped(mapping);
		if (source.sheet && definesTracker(t) && !hasReviewColumn(t)) byFile.set(source.file, [...(byFile.get(source.file) ?? []), source]);
	}
	for (const list of byFile.values()) if (list.length >= 2) list.forEach((s) => perSheet.add(s));
	return { prepared, perSheet };
}

/** Read one table's rows into reviews, recommendations and actions; false when it has no column the model knows (skipped). */
function readSource(acc: Acc, { source, mapping }: { source: Source; mapping: Mapping }, perSheet: boolean): boolean {
	const where: At = { file: source.file, ...(source.sheet ? { sheet: source.sheet } : {}) };
	acc.mappings.push({ ...where, mapping });
	acc.problems.push(...source.notes);
	const sheet = openSheet(acc, source, mapping, where, perSheet);
	if (!sheet) return false;
	// Cells left empty under a filled one in the review/recommendation columns are the same
	// review/recommendation (merged cells in the tracker): carried down.
	const carry: Carry = { review: null, rec: { text: null, number: null, id: null }, recSeq: new Map(), dotted: { rows: 0, split: 0, example: '' }, colours: new Map(), actionSeq: new Map(), lastAction: null, carried: false, numbersRead: 0, continued: 0 };
	source.rows.forEach((row, i) => {
		const cells = cellsOf(acc, sheet, row, source.rowNumbers[i]);
		const reviewId = readReview(acc, sheet, carry, cells);
		const recId = readRecommendation(acc, sheet, carry, cells, reviewId);
		if (sheet.definesActions) readAction(acc, sheet, carry, cells, reviewId, recId);
	});
	if (carry.numbersRead)
		acc.problems.push({ ...where, problem: `${carry.numbersRead} recommendation(s) begin with their number ("1.", "Rec 2:"): the number was read as the recommendation number and left out of the text.`, blocking: false });
	if (carry.colours.size) {
		const n = [...carry.colours.values()].reduce((a, b) => a + b, 0);
		const each = [...carry.colours].map(([c, k]) => `${k} ${c}`).join(', ');
		acc.problems.push({
			...where,
			column: columnOf(sheet, 'actions.status'),
			problem: `${n} status cell(s) hold no word but are coloured (${each}): each read by its colour as a RAG rating — red, amber and green as open, blue as completed. If the colours mean something else here, choose what each means under "Status words".`,
			blocking: false
		});
	}
	if (carry.dotted.rows)
		acc.problems.push({
			...where,
			column: columnOf(sheet, has(sheet, 'recommendations.rec_number') ? 'recommendations.rec_number' : 'recommendations.text'),
			value: carry.dotted.example,
			problem: `${carry.dotted.rows} row(s) number the recommendation at action level ("${carry.dotted.example}"): read as actions of recommendation ${carry.dotted.example.replace(/^\D*/, '').split('.')[0]} and so on.${carry.dotted.split ? ` ${carry.dotted.split} of them have a text of their own, so each was kept as a recommendation of its own (numbered like "${carry.dotted.example}").` : ''}`,
			blocking: false
		});
	if (carry.continued)
		acc.problems.push({ ...where, problem: `${carry.continued} row(s) without action text were read as more of the action above them (merged or continued cells).`, blocking: false });
	if (carry.carried)
		acc.problems.push({ ...where, problem: 'Some rows leave the review or recommendation cells empty under a filled one (merged cells): they were read as the same review or recommendation.', blocking: false });
	return true;
}

/**
 * What a table defines and which review its rows belong to when it has no review column; the
 * required columns it lacks and the values it takes for the whole file, reported. Null (with a
 * line) for a table with no column the model knows.
 */
function openSheet(acc: Acc, source: Source, mapping: Mapping, where: At, perSheet: boolean): Sheet | null {
	const { problems, options, reviews } = acc;
	const col = new Map<string, number>();
	mapping.columns.forEach((c, i) => c.target && col.set(c.target, i));
	const hasCol = (t: string) => col.has(t);
	const definesRecs = hasCol('recommendations.text');
	const definesActions = hasCol('actions.description');
	const definesReviews = [...col.keys()].some((t) => t.startsWith('reviews.') && t !== 'reviews.review_id');
	if (!definesRecs && !definesActions && !definesReviews) {
		const what = NOT_A_TRACKER.test(source.sheet ?? '') ? 'It looks like instructions or a lookup list' : 'No recommendation, action or review column was found';
		const seen = source.headers.filter((h) => !/^Column \d+$/.test(h)).slice(0, 8).join(', ');
		problems.push({ ...where, problem: `${source.sheet ? `Sheet "${source.sheet}"` : 'This table'} has no column the data model knows: skipped. ${what}${seen ? ` (columns found: ${seen})` : ''}.`, blocking: false });
		return null;
	}
	const missing = (target: string, why: string) =>
		problems.push({ ...where, column: target.split('.')[1], problem: `Missing required column ${target.split('.')[1]} (${why}).`, blocking: true });
	let values = valuesFor(options, source.file);
	// In a workbook of one review per sheet, a sheet's own title may name its partnership
	// ("Partnership: West – Review: Q2"): it wins over a guess for the whole file, not over the user's value.
	if (perSheet && (!given(values.partnership) || values.guessed?.includes('partnership'))) {
		const own = (source.titles ?? []).map(partnershipIn).find((p) => p);
		if (own && own !== values.partnership) {
			values = { ...values, partnership: own };
			problems.push({ ...where, column: 'partnership', value: own, problem: `Partnership "${own}" taken from the title of ${source.sheet} for its review.`, blocking: false });
		}
	}
	const derivesStatus = hasCol('actions.outcome') || hasCol('actions.completed_date');
	if (definesActions && !hasCol('actions.status') && !derivesStatus)
		missing('actions.status', 'every action needs a status: map a status or RAG column, or a "date of completion and outcome" or completed-date column to read it from');
	if (definesActions && !hasCol('actions.status') && hasCol('actions.outcome'))
		problems.push({ ...where, column: mapping.columns[col.get('actions.outcome')!].source, problem: 'No status column: each action\'s status is read from its completion and outcome cell (a date means completed on that date; "ongoing", "not accepted – …" and blank say the rest). Each is listed below.', blocking: false });
	if (definesActions && !definesRecs && !hasCol('recommendations.recommendation_id') && !hasCol('recommendations.rec_number'))
		missing('recommendations.recommendation_id', 'actions must say which recommendation they answer');
	// An actions table joined by recommendation number and no review column: the review is the
	// file's (the one given for the whole file, or its name), as for its recommendations table.
	const reviewFromName = (definesRecs || definesReviews || (definesActions && !hasCol('recommendations.recommendation_id'))) && !hasCol('reviews.review_id');
	// The review of a table with no review column: the sheet's own (one review per sheet), the
	// one the user gave for the file, or the file's name.
	let fileReview = stem(source.file);
	if (reviewFromName) {
		if (perSheet) {
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
	if (reviewFromName && perSheet && source.rows.length === 0 && !reviews.has(fileReview)) {
		const r: Row = { review_id: fileReview };
		applyFileValues(r, values, where, problems, acc.filesValued.has(source.file));
		reviews.set(fileReview, r);
	}
	const numberedText = definesRecs && !hasCol('recommendations.rec_number') && !hasCol('recommendations.recommendation_id');
	return { source, mapping, where, col, definesRecs, definesActions, values, reviewFromName, fileReview, numberedText };
}

/** A row's cells by target, converted where asked (a conversion's problem reported against the row). */
function cellsOf(acc: Acc, sheet: Sheet, row: Cell[], rowNumber: number): Cells {
	const at = { ...sheet.where, row: rowNumber };
	const raw = (t: string): Cell => (sheet.col.has(t) ? row[sheet.col.get(t)!] : null);
	const get = (t: string) => {
		const cell = raw(t);
		const c = convertCell(t, cell, acc.options.statusWords);
		if (c.problem) acc.problems.push({ ...at, column: columnOf(sheet, t), value: String(cell), problem: c.problem, blocking: !!c.blocking });
		if (c.unknownStatus) acc.unknownStatuses.add(c.unknownStatus);
		return c.value;
	};
	return { at, raw, get };
}

/** The row's review (carried down, or the table's own), with its fields: the first file to give a field wins; a later different value is reported. */
function readReview(acc: Acc, sheet: Sheet, carry: Carry, { at, raw, get }: Cells): string | null {
	const { reviews, problems } = acc;
	let reviewId = (raw('reviews.review_id') as Cell) ?? null;
	if (reviewId === null && has(sheet, 'reviews.review_id') && carry.review) {
		reviewId = carry.review;
		carry.carried = true;
	}
	if (reviewId === null && sheet.reviewFromName) reviewId = sheet.fileReview;
	reviewId = reviewId === null ? null : String(reviewId).trim();
	if (reviewId !== carry.review) carry.rec = { text: null, number: null, id: null };
	carry.review = reviewId;
	if (reviewId === null) return null;
	const r = reviews.get(reviewId) ?? { review_id: reviewId };
	for (const [t] of sheet.col) {
		if (!t.startsWith('reviews.') || t === 'reviews.review_id') continue;
		if (raw(t) === null) continue;
		const v = get(t);
		const name = t.split('.')[1];
		if (v === null) continue;
		if (r[name] == null) r[name] = v;
		else if (r[name] !== v)
			problems.push({ ...at, column: columnOf(sheet, t), value: String(v), problem: `Review ${reviewId} has ${name} "${r[name]}" on an earlier row: the earlier value is kept.`, blocking: false });
	}
	if (!reviews.has(reviewId)) applyFileValues(r, sheet.values, at, problems, acc.filesValued.has(sheet.source.file));
	acc.filesValued.add(sheet.source.file);
	reviews.set(reviewId, r);
	return reviewId;
}

/**
 * The row's recommendation id: a new recommendation (with its coded themes and kinds of change)
 * where the table defines them, the one carried down from a merged cell, or the one an actions
 * table names by id or number. Null when the row names none.
 */
function readRecommendation(acc: Acc, sheet: Sheet, carry: Carry, { at, raw, get }: Cells, reviewId: string | null): string | null {
	const { recs, problems } = acc;
	let recId: string | null = null;
	const idCell = raw('recommendations.recommendation_id');
	let numberCell = raw('recommendations.rec_number');
	let textCell = raw('recommendations.text');
	if (sheet.numberedText && typeof textCell === 'string') {
		const m = textCell.match(NUMBERED);
		if (m && textCell.length > m[0].length + 3) {
			numberCell = m[2] ? `${m[1]}.${m[2]}` : Number(m[1]);
			textCell = textCell.slice(m[0].length).trim();
			carry.numbersRead++;
		}
	}
	if (sheet.definesRecs) {
		const fresh = idCell !== null || numberCell !== null || textCell !== null;
		const cur = fresh ? { text: textCell ?? (idCell === null && numberCell === null ? null : carryRecText(carry.rec, idCell, numberCell)), number: numberCell, id: idCell } : carry.rec;
		if (!fresh && carry.rec.text !== null) carry.carried = true;
		if (cur.text !== null || cur.id !== null) {
			const number = cur.number === null ? null : (convertCell('recommendations.rec_number', cur.number).value as number | null);
			const dotted = cur.number === null ? null : dottedNumberOf(cur.number);
			if (dotted && fresh) {
				carry.dotted.rows++;
				if (!carry.dotted.example) carry.dotted.example = String(cur.number).trim();
			}
			if (cur.id !== null) recId = String(cur.id).trim();
			else {
				let key = `${reviewId}|${number ?? cur.text}`;
				// "1.1" and "1.2" are one recommendation when they share its text (or leave it to the first row);
				// with texts of their own they are two recommendations, kept apart.
				const first = carry.recSeq.has(key) ? recs.get(`${reviewId}-R${carry.recSeq.get(key)}`) : undefined;
				if (dotted && first && cur.text !== null && first.text !== null && String(first.text) !== String(cur.text).trim()) {
					key = `${reviewId}|${number}.${dotted.part}`;
					if (!carry.recSeq.has(key)) {
						carry.recSeq.set(key, `${number}.${dotted.part}`);
						if (fresh) carry.dotted.split++;
					}
				}
				if (!carry.recSeq.has(key)) carry.recSeq.set(key, number ?? carry.recSeq.size + 1);
				recId = `${reviewId}-R${carry.recSeq.get(key)}`;
			}
			const existing = recs.get(recId);
			const text = cur.text === null ? null : String(cur.text).trim();
			if (existing && fresh && text !== null && existing.text !== text && acc.recOrigin.get(recId))
				problems.push({ ...at, column: 'recommendation_id', value: recId, problem: `Duplicate recommendation id ${recId} with a different text.`, blocking: true });
			if (!existing) {
				const r: Row = { recommendation_id: recId, review_id: reviewId, text };
				if (number !== null) r.rec_number = number;
				const scopeCell = raw('recommendations.scope');
				if (scopeCell !== null && AREA_SCOPE.test(String(scopeCell))) acc.areaScope.push({ recId, word: String(scopeCell).trim(), at: { ...at, column: columnOf(sheet, 'recommendations.scope') } });
				else if (scopeCell !== null) r.scope = get('recommendations.scope');
				if (raw('recommendations.agency_sector') !== null) r.agency_sector = get('recommendations.agency_sector');
				if (raw('recommendations.agency') !== null) r.agency = acc.agencies.match(String(raw('recommendations.agency')));
				recs.set(recId, r);
				acc.recOrigin.set(recId, cur.id !== null);
				if (reviewId === null)
					problems.push({ ...at, column: 'review_id', problem: `Recommendation ${recId} has no review.`, blocking: true });
			}
			readCodedTags(acc, sheet, at, raw, recId);
			if (fresh) carry.rec = { ...cur };
		}
	} else if (idCell !== null) recId = String(idCell).trim();
	else if (numberCell !== null && reviewId !== null) recId = `${reviewId}-R${convertCell('recommendations.rec_number', numberCell).value}`;
	return recId;
}

/** The themes and kinds of change a row codes for its recommendation; what is not one is reported and not kept. */
function readCodedTags(acc: Acc, sheet: Sheet, at: At, raw: Cells['raw'], recId: string) {
	const themeCell = raw('recommendation_themes.theme');
	if (themeCell !== null) {
		const { ids, unknown } = themeIdsOf(String(themeCell));
		const set = acc.coded.get(recId) ?? new Set<string>();
		ids.forEach((id) => set.add(id));
		acc.coded.set(recId, set);
		for (const u of unknown)
			acc.problems.push({ ...at, column: columnOf(sheet, 'recommendation_themes.theme'), value: u, problem: `"${u}" is not a theme in data/themes.json: not kept.`, blocking: false });
	}
	// Kinds of change as the Home Office writes them ("Policy; Multi-agency working").
	const categoryCell = raw('recommendation_categories.category');
	if (categoryCell !== null) {
		const set = acc.codedCategories.get(recId) ?? new Set<string>();
		for (const part of String(categoryCell).split(/[;,|\n]/).map((p) => p.trim()).filter(Boolean)) {
			const id = categoryId(part);
			if (id) set.add(id);
			else
				acc.problems.push({ ...at, column: columnOf(sheet, 'recommendation_categories.category'), value: part, problem: `"${part}" is not one of the Home Office's eight recommendation categories (technology systems, identification of risk, training, policy, multi-agency working, record keeping, awareness raising, other): not kept.`, blocking: false });
		}
		acc.codedCategories.set(recId, set);
	}
}

/** The row's action: a new one, or more of the action above it (a row with no action text); its status read or derived. */
function readAction(acc: Acc, sheet: Sheet, carry: Carry, cells: Cells, reviewId: string | null, recId: string | null) {
	const { problems, actions } = acc;
	const { at, raw, get } = cells;
	const description = raw('actions.description');
	const outcomeCell = raw('actions.outcome');
	const milestonesCell = raw('actions.milestones');
	if (description === null) {
		// A row with milestones or an outcome but no action text, under an action of the same
		// recommendation: the rest of that action (a merged action cell, or notes on a second line).
		const lastAction = carry.lastAction;
		if (lastAction && recId !== null && lastAction.recommendation_id === recId && (outcomeCell !== null || milestonesCell !== null || raw('actions.evidence') !== null)) {
			const more = [milestonesCell, raw('actions.evidence'), outcomeCell].filter((c) => c !== null).map((c) => String(c).trim());
			lastAction.evidence = [lastAction.evidence, ...more].filter(Boolean).join(' — ');
			carry.continued++;
			problems.push({ ...at, value: more.join(' | ').slice(0, 120), problem: `Row with no action text under action ${lastAction.action_id}: read as more of that action, its text added to the evidence.`, blocking: false });
		} else if (!sheet.definesRecs) problems.push({ ...at, problem: 'Row without an action description: skipped.', blocking: false });
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
		const n = (carry.actionSeq.get(recId) ?? 0) + 1;
		carry.actionSeq.set(recId, n);
		actionId = `${recId}-A${n}`;
	}
	if (actions.has(actionId)) {
		problems.push({ ...at, column: sheet.mapping.columns[sheet.col.get('actions.action_id')!]?.source ?? 'action_id', value: actionId, problem: `Duplicate action id ${actionId}.`, blocking: true });
		return;
	}
	const a: Row = { action_id: actionId, recommendation_id: recId, description: String(description).trim() };
	for (const t of ['actions.owner_role', 'actions.completed_date', 'actions.evidence', 'actions.last_updated']) if (has(sheet, t)) a[t.split('.')[1]] = get(t);
	if (has(sheet, 'actions.target_date')) {
		const targetCell = raw('actions.target_date');
		const d = targetCell === null ? null : parseDate(targetCell, 'last');
		const column = columnOf(sheet, 'actions.target_date');
		if (d?.relativeMonths !== undefined) {
			a.target_date = null;
			acc.pendingRelative.push({ actionId, reviewId: String(reviewId), months: d.relativeMonths, at: { ...at, column, value: String(targetCell) } });
		} else {
			a.target_date = get('actions.target_date');
			if (d?.several && a.target_date) problems.push({ ...at, column, value: String(targetCell), problem: `Several dates in one cell: the last, ${a.target_date}, is taken as the target date in force.`, blocking: false });
		}
	}
	if (raw('actions.lead_agency') !== null) a.lead_agency = acc.agencies.match(String(raw('actions.lead_agency')));
	readActionStatus(acc, sheet, carry, cells, a);
	actions.set(actionId, a);
	carry.lastAction = a;
}

/**
 * An action's status, completion date and evidence: from its status cell (a RAG colour with a
 * completion date is completed), else derived from its completion-and-outcome cell, its completed
 * date or its milestones, each derivation a line of the report.
 */
function readActionStatus(acc: Acc, sheet: Sheet, carry: Carry, { at, raw, get }: Cells, a: Row) {
	const { problems } = acc;
	const outcomeCell = raw('actions.outcome');
	const milestonesCell = raw('actions.milestones');
	let status = get('actions.status');
	let statusCell = raw('actions.status');
	// An empty status cell coloured red, amber, green or blue: its colour is its RAG rating (a word the user may remap).
	const colour = statusCell === null && has(sheet, 'actions.status') ? sheet.source.fills?.[`${at.row}:${sheet.col.get('actions.status')}`] : undefined;
	if (colour) {
		const k = `${colour} cell colour`;
		status = acc.options.statusWords?.[k] ?? STATUS_WORDS[colour];
		carry.colours.set(colour, (carry.colours.get(colour) ?? 0) + 1);
		const use = acc.statusUses.get(k) ?? { word: `${colour.charAt(0).toUpperCase()}${colour.slice(1)} (cell colour)`, key: k, rows: 0, mapped: status as Status, guessed: 'its cell colour' as const, meaning: RAG_MEANING[colour] };
		use.rows++;
		acc.statusUses.set(k, use);
		statusCell = colour;
	} else if (statusCell !== null) {
		const k = statusKey(statusCell);
		const note = status === null && isProgressNote(statusCell, acc.options.statusWords);
		const guessed = note || (status !== null && statusReading(statusCell, acc.options.statusWords)?.whole === false);
		const mapped = note ? (a.completed_date ? 'completed' : 'in progress') : ((status as Status | null) ?? null);
		const use = acc.statusUses.get(k) ?? { word: String(statusCell).trim(), key: k, rows: 0, mapped, ...(guessed ? { guessed: note ? 'a progress note' : 'its first words' } : {}), ...(ragMeaningOf(statusCell) ? { meaning: ragMeaningOf(statusCell) } : {}) };
		use.rows++;
		acc.statusUses.set(k, use);
	}
	const milestones = milestonesCell === null ? null : String(milestonesCell).trim();
	const join = (...parts: unknown[]) => parts.filter(Boolean).join(' — ');
	// "Yes" / "No" in the completion column ("Completed Y/N"): done or not, with no date.
	const completedCell = raw('actions.completed_date');
	const doneFlag = typeof completedCell === 'string' ? booleanOf(completedCell) : null;
	if (doneFlag !== null && status !== null && (status === 'completed') !== doneFlag)
		problems.push({ ...at, column: columnOf(sheet, 'actions.completed_date'), value: completedCell as string, problem: `The status says ${status} but the completion column says "${completedCell}": the status is kept.`, blocking: false });
	// A completion-and-outcome cell gives the completion date and the evidence; with no status
	// column (the Home Office template) it gives the status too.
	const outcome = outcomeCell !== null || (statusCell === null && has(sheet, 'actions.outcome')) ? readOutcome(outcomeCell, milestones !== null) : null;
	if (outcome) {
		a.completed_date = a.completed_date ?? outcome.completed_date;
		if (outcome.evidence) a.evidence = join(a.evidence, outcome.evidence);
	}
	if (status !== null) {
		const rag = ragMeaningOf(statusCell);
		if (status !== 'completed' && rag && a.completed_date) {
			// A RAG colour says whether an open action is on track; a completion date says it is done.
			a.status = 'completed';
			problems.push({ ...at, column: columnOf(sheet, 'actions.status'), value: String(statusCell), problem: `RAG "${statusCell}" (${rag}) with a completion date (${a.completed_date}): taken as completed.`, blocking: false });
		} else a.status = status;
	} else if (statusCell !== null && isProgressNote(statusCell, acc.options.statusWords)) {
		// A progress note where the status should be: done if a completion date says so, else in progress.
		a.status = a.completed_date ? 'completed' : 'in progress';
		a.evidence = join(a.evidence, `Progress: ${String(statusCell).trim()}`);
		problems.push({ ...at, column: columnOf(sheet, 'actions.status'), value: String(statusCell).slice(0, 120), problem: `The status cell is a progress note, not a status word: read as ${a.status}${a.completed_date ? ' (it has a completion date)' : ''}, and the note kept with the evidence. Choose its status below to read it otherwise.`, blocking: false });
	} else if (statusCell !== null) {
		a.status = null; // a word to map: reported (and blocking) with the cell
	} else if (outcome) {
		a.status = outcome.status;
		problems.push({ ...at, column: columnOf(sheet, 'actions.outcome'), value: outcomeCell === null ? '' : String(outcomeCell).slice(0, 120), problem: `Status derived: ${outcome.how}.`, blocking: false });
	} else if (doneFlag !== null) {
		a.status = doneFlag ? 'completed' : milestones !== null ? 'in progress' : 'not started';
		problems.push({ ...at, column: columnOf(sheet, 'actions.completed_date'), value: String(raw('actions.completed_date')), problem: `No status; the completion column says "${raw('actions.completed_date')}": read as ${a.status}${doneFlag ? ' (no completion date)' : ''}.`, blocking: false });
	} else if (a.completed_date) {
		a.status = 'completed';
		problems.push({ ...at, column: 'status', problem: 'No status but a completed date: taken as completed.', blocking: false });
	} else if (!has(sheet, 'actions.status')) {
		a.status = milestones !== null ? 'in progress' : 'not started';
		problems.push({ ...at, column: 'status', problem: `No status and no completed date: read as ${a.status}${milestones !== null ? ' (progress is recorded)' : ''}.`, blocking: false });
	} else problems.push({ ...at, column: 'status', problem: `Action ${a.action_id} has no status.`, blocking: true });
	if (milestones !== null) a.evidence = [a.evidence, `Milestones: ${milestones}`].filter(Boolean).join(' — ');
	if (a.evidence === undefined && (has(sheet, 'actions.outcome') || has(sheet, 'actions.milestones'))) a.evidence = null;
}

/** The blocking line when no table of the files has a column the model knows. */
function nothingToImport(inputs: readonly SourceInput[]): Problem {
	const seen = [...new Set(inputs.flatMap((i) => i.source.headers.filter((h) => !/^Column \d+$/.test(h))))].slice(0, 12).join(', ');
	return {
		file: inputs.map((i) => i.source.file).join(', '),
		problem: `No table in these files has columns the data model knows: nothing to import. Columns found: ${seen || 'none'}. A tracker needs at least a recommendation or action column (e.g. "Recommendation", "Action to take"), or review columns such as "Review" and "Partnership".`,
		blocking: true
	};
}

/** "Within 6 months" and the like: from the review's publication date, once every row is read. */
function fillRelativeTargets(acc: Acc) {
	for (const p of acc.pendingRelative) {
		const a = acc.actions.get(p.actionId);
		const published = acc.reviews.get(p.reviewId)?.published_date;
		if (!a) continue;
		if (typeof published === 'string') {
			a.target_date = addMonths(published, p.months);
			acc.problems.push({ ...p.at, problem: `Target date "${p.at.value}" read as ${p.months} month(s) after the review's publication (${published}): ${a.target_date}.`, blocking: false });
		} else
			acc.problems.push({ ...p.at, problem: `Target date "${p.at.value}" counts from the review's publication, which is not known: left empty. Give the publication date for the whole file to fill it.`, blocking: false });
	}
}

/** Scope written as where ('local', 'regional'): single-agency when one agency leads all its actions, else multi-agency. */
function scopeFromLeadAgencies(acc: Acc) {
	for (const s of acc.areaScope) {
		const r = acc.recs.get(s.recId);
		if (!r) continue;
		const leads = new Set([...acc.actions.values()].filter((a) => a.recommendation_id === s.recId && a.lead_agency).map((a) => String(a.lead_agency)));
		r.scope = leads.size <= 1 ? 'single-agency' : 'multi-agency';
		acc.problems.push({ ...s.at, value: s.word, problem: `Scope "${s.word}" says where, not how many agencies: read as ${r.scope} (${leads.size === 0 ? 'no lead agency named' : leads.size === 1 ? 'one lead agency' : `${leads.size} lead agencies`}).`, blocking: false });
	}
}

/**
 * A review with no date at all is counted under no year: its year is taken from its earliest
 * action date (said in the report), so the theme charts can place it.
 */
function dateUndatedReviews(acc: Acc, file: string) {
	for (const r of acc.reviews.values()) {
		if (r.completed_date || r.published_date || r.commissioned_date || r.death_month) continue;
		const recIds = new Set([...acc.recs.values()].filter((x) => x.review_id === r.review_id).map((x) => String(x.recommendation_id)));
		const dates = [...acc.actions.values()].filter((a) => recIds.has(String(a.recommendation_id))).flatMap((a) => [a.target_date, a.completed_date, a.last_updated]).filter((d): d is string => typeof d === 'string').sort();
		if (!dates.length) {
			acc.problems.push({ file, column: 'published_date', value: String(r.review_id), problem: `Review ${r.review_id} has no date: it is counted under no year, so the charts by year leave it out. Give its publication date (a column, or the value for the whole file of a one-review file).`, blocking: false });
			continue;
		}
		r.published_date = `${dates[0].slice(0, 7)}-01`;
		acc.problems.push({ file, column: 'published_date', value: r.published_date, problem: `Review ${r.review_id} has no date: its year is taken from its earliest action date (${dates[0]}), as published ${r.published_date.slice(0, 7)}. Give its publication date (a column, or the value for the whole file of a one-review file) to set it.`, blocking: false });
	}
}

/** One dimension of one recommendation: suggestions, the user's edit, the rows to store. */
function keepSuggestions(suggested: { key: string; confidence: number | null }[], edit: ThemeEdit | undefined, valid: (k: string) => boolean, push: (key: string, source: string, confidence: number | null) => void) {
	const removed = new Set(edit?.remove ?? []);
	const added = [...new Set(edit?.add ?? [])].filter((k) => valid(k) && !suggested.some((s) => s.key === k && !removed.has(k)));
	const corrected = removed.size > 0 || added.length > 0;
	for (const s of suggested) if (!removed.has(s.key)) push(s.key, corrected ? 'corrected' : 'auto', corrected ? null : s.confidence);
	for (const k of added) push(k, 'corrected', null);
}

/**
 * Themes and kinds of change: coded where the file gives them; else read from the text by the
 * tagger (source 'auto', with its confidence). Where the user corrected a recommendation's
 * suggestions (removed or added one), what it keeps is stored as 'corrected': a person decided.
 * With `refit`, the tagger is first refitted on the recommendations whose kinds of change a person gave.
 */
function tagRecommendations(acc: Acc, file: string): Tagged {
	const { options } = acc;
	const themeRows: Row[] = [];
	const categoryRows: Row[] = [];
	const auto: Built['autoThemes'] = [];
	const autoCats: Built['autoCategories'] = [];
	const autoRecs: Built['autoRecommendations'] = [];
	const known = new Set(THEMES.map((t) => t.id));
	// The coded kinds of change teach a refitted tagger (when asked): the file's, and the user's corrections.
	const codedRows: CodedRow[] = [];
	for (const r of acc.recs.values()) {
		const id = String(r.recommendation_id);
		const given = acc.codedCategories.get(id);
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
		acc.problems.push({ file, problem: `The tagger was refitted on the ${codedRows.length} recommendations of this import with kinds of change given by a person, and the others were tagged with it.`, blocking: false });
	}
	for (const r of acc.recs.values()) {
		const id = String(r.recommendation_id);
		const codedIds = acc.coded.get(id);
		const codedCats = acc.codedCategories.get(id);
		const themesCoded = !!codedIds?.size;
		const catsCoded = !!codedCats?.size;
		if (themesCoded) for (const theme of codedIds!) themeRows.push({ recommendation_id: id, theme, source: 'coded' });
		if (catsCoded) for (const category of codedCats!) categoryRows.push({ recommendation_id: id, category, source: 'coded' });
		if ((themesCoded && catsCoded) || !r.text) continue;
		autoRecs.push({ recommendation_id: id, text: String(r.text), themes: !themesCoded, categories: !catsCoded });
		const s = suggest(String(r.text), tagger);
		if (!themesCoded) {
			for (const t of s.themes) auto.push({ recommendation_id: id, ...t });
			keepSuggestions(s.themes.map((t) => ({ key: t.theme, confidence: t.confidence })), options.themeEdits?.[id], (k) => known.has(k), (theme, source, confidence) =>
				themeRows.push({ recommendation_id: id, theme, source, confidence })
			);
		}
		if (!catsCoded) {
			for (const c of s.categories) autoCats.push({ recommendation_id: id, ...c });
			keepSuggestions(s.categories.map((c) => ({ key: c.category, confidence: c.confidence })), options.categoryEdits?.[id], (k) => categoryId(k) === k, (category, source, confidence) =>
				categoryRows.push({ recommendation_id: id, category, source, confidence })
			);
		}
	}
	return { themeRows, categoryRows, autoThemes: auto, autoCategories: autoCats, autoRecommendations: autoRecs, codedRecommendations: codedRows.length, tagger: refitted };
}

/** The tables and the lists /import shows, from what the phases read. */
function assemble(acc: Acc, tagged: Tagged): Built {
	const sortedUses = [...acc.statusUses.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return {
		tables: {
			reviews: [...acc.reviews.values()],
			review_factors: [],
			recommendations: [...acc.recs.values()],
			recommendation_themes: tagged.themeRows,
			recommendation_categories: tagged.categoryRows,
			actions: [...acc.actions.values()]
		},
		problems: acc.problems,
		unknownStatuses: [...acc.unknownStatuses].sort(),
		unknownAgencies: acc.agencies.unknown(),
		autoThemes: tagged.autoThemes,
		autoCategories: tagged.autoCategories,
		codedRecommendations: tagged.codedRecommendations,
		tagger: tagged.tagger,
		autoRecommendations: tagged.autoRecommendations,
		statusWords: sortedUses.filter((u) => !STATUS_WORDS[u.key]),
		readWords: sortedUses.filter((u) => STATUS_WORDS[u.key]),
		agencies: acc.agencies.others(),
		mappings: acc.mappings
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
	// "1.2" under "1.1" (action-level numbering) is the same recommendation 1.
	const whole = (n: Cell) => (n === null ? null : String(dottedNumberOf(n)?.number ?? n).trim());
	const same = (id !== null && id === carry.id) || (id === null && number !== null && whole(number) === whole(carry.number));
	return same ? carry.text : null;
}
