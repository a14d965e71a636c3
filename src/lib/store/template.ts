/**
 * The blank tracker template: the columns of a flat action tracker (one row per action, the review
 * and recommendation repeated on each), as a CSV with a header and no rows.
 */
import { toCsv } from '../export/csv';

export const TRACKER_COLUMNS = [
	'Review ID',
	'Partnership',
	'Recommendation number',
	'Scope',
	'Agency',
	'Recommendation text',
	'Action',
	'Lead agency',
	'Owner role',
	'Target date',
	'Status',
	'Completed date',
	'Evidence'
] as const;

export const TRACKER_TEMPLATE_FILE = 'dhr-action-tracker-template.csv';

/** The template's text (without the BOM, which `downloadCsv` adds). */
export function trackerTemplateCsv(): string {
	return toCsv(TRACKER_COLUMNS, []);
}
