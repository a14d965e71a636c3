/**
 * The filter dimensions, defined once. Each entry says what the dimension is called (its URL key
 * and label), where its values live (table and column), and so how it filters and how the options
 * of its list are counted. Everything else reads this list: the filter model and its URL
 * (`filters.ts`), the option lists and the values a URL may name (`queries/options.ts`), the
 * filtered relations (`queries/scope.ts`), the scope tables' copies of the columns the filters
 * test (`db/derived.ts`), the filter bar, and the benchmark scripts (through tsx).
 *
 * Adding a dimension is one entry here. Where its values live decides the rest (`level`):
 *
 * - `review`: a column of `reviews`. Copied onto every row of the scope tables as `v_<key>`; a
 *   review matches when its value is one of those chosen; options count reviews (`f_reviews`).
 * - `recommendation`: a column of `recommendations`. Copied onto the scope actions as `r_<key>`;
 *   options count recommendations (`f_recs`). With `actionColumn` (the agency), a recommendation
 *   matches when it or one of its actions does, an action when its own column does, and options
 *   count the recommendations either names.
 * - `tag`: a table of (recommendation_id, column) rows, several per recommendation (themes, kinds
 *   of change). A recommendation matches when any of its rows does; the scope tables hold one
 *   `_scope_rec_<name>` table per tag, the scope one `f_rec_<name>` relation, and options count
 *   distinct recommendations.
 * - `action`: a column of `actions`, seen at the as-at date when `atAsAt` (the status: an action
 *   completed after the date was still in progress then); options count actions (`f_actions`).
 *
 * Pure data (its imports are the vocabularies), so Node scripts can import it through tsx.
 */
import { AGENCY_SECTORS, DEATH_TYPES, REVIEW_TYPES, SCOPES, STATUSES, labelOf, type Term } from '../model/vocab';
import { themeLabel } from '../model/themes';
import { categoryLabel } from '../model/categories';

export type Level = 'review' | 'recommendation' | 'tag' | 'action';

export interface DimensionSpec {
	/** The URL parameter and the key of `Filters.values`. */
	readonly key: string;
	/** What the filter bar and the notices call it. */
	readonly label: string;
	/** Where its values live, and so how it filters and how its options are counted (above). */
	readonly level: Level;
	/** The table holding its values. */
	readonly table: 'reviews' | 'recommendations' | 'actions' | `recommendation_${string}`;
	/** The column of `table` holding them. */
	readonly column: string;
	/** Recommendation level: the column of `actions` naming the same thing (a recommendation matches through its actions too). */
	readonly actionColumn?: string;
	/** Tag level: further columns of the tag table carried on its `f_rec_<name>` relation. */
	readonly carry?: readonly string[];
	/** Action level: the value is the one at the as-at date (`status_at`). */
	readonly atAsAt?: true;
	/** The vocabulary of coded values: their labels, and (with `anyOfVocabulary`) what a URL may name. */
	readonly vocabulary?: readonly Term[];
	/** A URL may name any value of the vocabulary, held in the data or not (an action's status at an earlier date may be one no row holds now). */
	readonly anyOfVocabulary?: true;
	/** How a value is shown, for coded values without a vocabulary. */
	readonly valueLabel?: (value: string) => string;
	/** One of the dimensions the benchmark scripts tick options of (in this order). */
	readonly bench?: true;
}

/** The list-valued filter dimensions, in the filter bar's order. */
export const DIMENSIONS = [
	{ key: 'partnership', label: 'Partnership', level: 'review', table: 'reviews', column: 'partnership', bench: true },
	{ key: 'region', label: 'Region', level: 'review', table: 'reviews', column: 'region' },
	{ key: 'review_type', label: 'Review type', level: 'review', table: 'reviews', column: 'review_type', vocabulary: REVIEW_TYPES },
	{ key: 'death_type', label: 'Death type', level: 'review', table: 'reviews', column: 'death_type', vocabulary: DEATH_TYPES, bench: true },
	{ key: 'agency', label: 'Agency', level: 'recommendation', table: 'recommendations', column: 'agency', actionColumn: 'lead_agency' },
	{ key: 'sector', label: 'Agency sector', level: 'recommendation', table: 'recommendations', column: 'agency_sector', vocabulary: AGENCY_SECTORS, bench: true },
	{ key: 'theme', label: 'Theme', level: 'tag', table: 'recommendation_themes', column: 'theme', valueLabel: themeLabel, bench: true },
	{ key: 'category', label: 'Kind of change', level: 'tag', table: 'recommendation_categories', column: 'category', carry: ['source'], valueLabel: categoryLabel },
	{ key: 'scope', label: 'Scope', level: 'recommendation', table: 'recommendations', column: 'scope', vocabulary: SCOPES },
	{ key: 'status', label: 'Action status', level: 'action', table: 'actions', column: 'status', atAsAt: true, vocabulary: STATUSES, anyOfVocabulary: true, bench: true }
] as const satisfies readonly DimensionSpec[];

export type Dimension = (typeof DIMENSIONS)[number]['key'];

/** The registry's entry for each key. */
export const DIMENSION = Object.fromEntries(DIMENSIONS.map((d) => [d.key, d])) as Readonly<Record<Dimension, DimensionSpec>>;

/** The dimensions at one level, in registry order. */
export const dimensionsAt = (level: Level): readonly DimensionSpec[] => DIMENSIONS.filter((d) => d.level === level);

/** What an option's count counts, by level. */
export const UNIT_OF_LEVEL = { review: 'reviews', recommendation: 'recommendations', tag: 'recommendations', action: 'actions' } as const satisfies Record<Level, string>;
export type Unit = (typeof UNIT_OF_LEVEL)[Level];

/** What the options of a dimension count. */
export const unitOf = (d: DimensionSpec): Unit => UNIT_OF_LEVEL[d.level];

/** A tag dimension's name in the scope relations: `rec_themes` for `recommendation_themes` (`_scope_rec_themes`, `f_rec_themes`). */
export const tagName = (d: DimensionSpec): string => d.table.replace(/^recommendation_/, 'rec_');

/** The dimensions the benchmark scripts tick options of, in order. */
export const BENCH_DIMENSIONS: readonly Dimension[] = DIMENSIONS.filter((d) => 'bench' in d && d.bench).map((d) => d.key);

/** How a value of a dimension is shown: its label for coded values, the value itself for names. */
export function valueLabel(dim: Dimension, value: string): string {
	const d = DIMENSION[dim];
	if (d.vocabulary) return labelOf(d.vocabulary, value);
	return d.valueLabel ? d.valueLabel(value) : value;
}
