/**
 * The data model: every table the app loads, its columns, their DuckDB types and meanings.
 * This is the one source of the data dictionary; `data/README.md` documents it for people (a unit
 * test checks that every column here is named there), the `/data` page shows it, and the loader
 * checks loaded tables against it.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface ColumnDef {
	name: string;
	type: ColumnType;
	/** A value must be present in every row. */
	required: boolean;
	description: string;
}

export interface TableDef {
	name: TableName;
	description: string;
	columns: ColumnDef[];
}

export const TABLE_NAMES = [
	'reviews',
	'review_factors',
	'recommendations',
	'recommendation_themes',
	'recommendation_categories',
	'actions'
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Tables added to the model after datasets were first kept in browsers and written by
 * `npm run import`: a dataset made before lacks them. Every reader accepts their absence and the
 * loader (db/dataset) creates them empty and fills what it can (see `loadDataset`).
 */
export const ADDED_TABLES: readonly TableName[] = ['recommendation_categories'];

/** Columns added to tables of the model since datasets were first kept (`table.column`): a dataset made before lacks them, and they load empty. */
export const ADDED_COLUMNS: readonly string[] = ['recommendation_themes.confidence'];

/** Whether a dataset may lack this table (it was added to the model after datasets were kept). */
export const mayBeMissing = (name: TableName): boolean => ADDED_TABLES.includes(name);

/** The tables every dataset has, however old. */
export const CORE_TABLE_NAMES: readonly TableName[] = TABLE_NAMES.filter((t) => !ADDED_TABLES.includes(t));

/** Who said a recommendation has a theme or a kind of change. */
export const TAG_SOURCES = ['coded', 'auto', 'corrected'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];

const col = (name: string, type: ColumnType, required: boolean, description: string): ColumnDef => ({
	name,
	type,
	required,
	description
});

export const SCHEMA: TableDef[] = [
	{
		name: 'reviews',
		description: 'One row per review (a DHR or a Domestic Abuse Related Death Review).',
		columns: [
			col('review_id', 'VARCHAR', true, 'Identifier of the review, unique in the dataset.'),
			col('review_type', 'VARCHAR', true, "Kind of review: 'DHR' (default) or 'DARDR'."),
			col('partnership', 'VARCHAR', true, 'Community Safety Partnership (CSP) that commissioned the review.'),
			col('region', 'VARCHAR', false, 'English region, or Wales.'),
			col('death_month', 'DATE', false, 'Month of the death, stored as the first day of that month.'),
			col('commissioned_date', 'DATE', false, 'Date the partnership decided to hold the review.'),
			col('completed_date', 'DATE', false, 'Date the review panel signed off the final report.'),
			col('published_date', 'DATE', false, 'Date the report was published (after Home Office quality assurance).'),
			col('death_type', 'VARCHAR', false, "'intimate partner homicide', 'adult family homicide', 'suicide following domestic abuse', 'homicide-suicide' or 'other'."),
			col('victim_sex', 'VARCHAR', false, "'female', 'male' or 'unknown'."),
			col('victim_age_band', 'VARCHAR', false, "Age band of the victim: '16-19', '20-24', '25-34', '35-44', '45-54', '55-64', '65+'."),
			col('perpetrator_sex', 'VARCHAR', false, "'female', 'male' or 'unknown'; empty for a suicide with no perpetrator named."),
			col('perpetrator_age_band', 'VARCHAR', false, 'Age band of the perpetrator, as for the victim.'),
			col('relationship', 'VARCHAR', false, "Relationship of victim to perpetrator: 'current partner', 'former partner', 'parent', 'child', 'sibling', 'other family', 'other'."),
			col('children_present', 'BOOLEAN', false, 'Children lived in the household.'),
			col('multiple_victims', 'BOOLEAN', false, 'More than one person died.')
		]
	},
	{
		name: 'review_factors',
		description: 'Case factors, long form: one row per (review, subject, factor). Absence means "not recorded", not "absent".',
		columns: [
			col('review_id', 'VARCHAR', true, 'The review (reviews.review_id).'),
			col('subject', 'VARCHAR', true, "Whom the factor concerns: 'incident', 'victim' or 'perpetrator'."),
			col('factor', 'VARCHAR', true, "Factor code, e.g. 'coercive_control', 'separation', 'stalking', 'alcohol', 'mental_health', 'substance_misuse' (labels in the factor vocabulary).")
		]
	},
	{
		name: 'recommendations',
		description: 'One row per recommendation of a review.',
		columns: [
			col('recommendation_id', 'VARCHAR', true, 'Identifier of the recommendation, unique in the dataset.'),
			col('review_id', 'VARCHAR', true, 'The review that made it (reviews.review_id).'),
			col('rec_number', 'INTEGER', false, 'Its number in the report (1, 2, ...).'),
			col('scope', 'VARCHAR', false, "'single-agency', 'multi-agency' or 'national'."),
			col('agency', 'VARCHAR', false, 'Agency the recommendation is addressed to (for multi-agency ones, the partnership or lead agency).'),
			col('agency_sector', 'VARCHAR', false, "Sector of that agency, e.g. 'police', 'health', 'housing', 'national body'."),
			col('text', 'VARCHAR', true, 'The recommendation as written in the report.')
		]
	},
	{
		name: 'recommendation_themes',
		description: 'Themes of each recommendation: one row per (recommendation, theme).',
		columns: [
			col('recommendation_id', 'VARCHAR', true, 'The recommendation (recommendations.recommendation_id).'),
			col('theme', 'VARCHAR', true, 'Theme id from data/themes.json: what the recommendation is about.'),
			col('source', 'VARCHAR', true, "'coded' (a person), 'auto' (the tagger, from the text) or 'corrected' (a person changed the tagger's suggestions)."),
			col('confidence', 'DOUBLE', false, "The tagger's confidence (0 to 1) of an 'auto' row.")
		]
	},
	{
		name: 'recommendation_categories',
		description: "Kinds of change asked for (the Home Office DHR Library's eight categories): one row per (recommendation, category).",
		columns: [
			col('recommendation_id', 'VARCHAR', true, 'The recommendation (recommendations.recommendation_id).'),
			col('category', 'VARCHAR', true, "Category id, e.g. 'policy', 'training', 'multi_agency_working' (src/lib/model/categories.ts)."),
			col('source', 'VARCHAR', true, "'coded', 'auto' or 'corrected', as for themes."),
			col('confidence', 'DOUBLE', false, "The tagger's confidence (0 to 1) of an 'auto' row.")
		]
	},
	{
		name: 'actions',
		description: 'One row per action of a recommendation\'s action plan.',
		columns: [
			col('action_id', 'VARCHAR', true, 'Identifier of the action, unique in the dataset.'),
			col('recommendation_id', 'VARCHAR', true, 'The recommendation it answers (recommendations.recommendation_id).'),
			col('description', 'VARCHAR', true, 'What will be done.'),
			col('lead_agency', 'VARCHAR', false, 'Agency responsible for the action.'),
			col('owner_role', 'VARCHAR', false, 'Role of the lead officer (a role, never a person\'s name).'),
			col('target_date', 'DATE', false, 'Date by which it should be done.'),
			col('status', 'VARCHAR', true, "'not started', 'in progress', 'completed' or 'not accepted'."),
			col('completed_date', 'DATE', false, 'Date it was completed (for completed actions).'),
			col('evidence', 'VARCHAR', false, 'Outcome or evidence that it was done.'),
			col('last_updated', 'DATE', false, 'Date the row was last updated in the tracker.')
		]
	}
];

export function tableDef(name: TableName): TableDef {
	const t = SCHEMA.find((t) => t.name === name);
	if (!t) throw new Error(`Unknown table ${name}`);
	return t;
}

/** Metadata record shipped beside a dataset's Arrow files (`meta.json`). */
export interface DatasetMeta {
	/** Short name shown on screen. */
	name: string;
	/** True for generated, fictional data; the app says so on every page. */
	fictional: boolean;
	/** The date the data describes ("as at"); every overdue figure is computed against it. ISO yyyy-mm-dd. */
	as_at: string | null;
	/** Where the data comes from, in words. */
	source: string;
	/** Licence or terms, if any. */
	licence?: string;
	/** How to cite the source, if it asks for a citation. */
	citation?: string;
	/** How it was made (generator and seed) when generated. */
	generator?: { script: string; seed: number; reviews: number };
	/** Set when the kinds of change marked 'auto' were tagged by the tagger refitted on this dataset's coded recommendations. */
	tagger?: { refitted_on: number; note: string };
	/** Row count per table. */
	row_counts: Record<TableName, number>;
	/** File name per table, relative to meta.json; Arrow IPC stream format. */
	files: Record<TableName, string>;
	/**
	 * Set when this version came from updating a kept dataset with the next version of its tracker
	 * (`src/lib/import/update.ts`): what changed since the version before. Absent on datasets kept
	 * before versions existed, which stay readable as they are.
	 */
	update?: DatasetUpdate;
}

/** What changed in the actions of one review, or of all of them: counts of actions. */
export interface ChangeCounts {
	/** Completed now, not completed before. */
	completed: number;
	/** Overdue at the new as-at date, not overdue at the previous one. */
	overdue: number;
	added: number;
	removed: number;
	/** Target date changed (set, cleared or moved). */
	moved: number;
	/** Status changed to something other than completed. */
	status: number;
}

/** An update of a kept dataset, kept in its meta: when, against what, and what changed. */
export interface DatasetUpdate {
	/** When the update was accepted, ISO date-time (UTC). */
	updated_at: string;
	/** As-at date of the version it replaced (the date "since" counts from), yyyy-mm-dd or null. */
	previous_as_at: string | null;
	/** As-at date of the new version. */
	as_at: string | null;
	totals: ChangeCounts;
	/** Per review in common: its id (in the new version), partnership and counts. */
	reviews: { review_id: string; partnership: string; counts: ChangeCounts }[];
	/** Reviews of the import that were not in the kept dataset (added whole). */
	new_reviews: string[];
}
