/**
 * The loaded action plans written back to Excel in the layout of the Home Office DHR action-plan
 * template, so that leads can keep working in Excel and import the file again: a read-me sheet
 * first (what the workbook is, the dataset and its as-at date), then one sheet per review, named by
 * the review id (cut to Excel's 31 characters, characters Excel forbids replaced, made unique).
 * Each review sheet has a title row (partnership and review), a blank row, then the template's
 * header with a Status column added, and one row per action; the recommendation and its scope are
 * merged down over its actions. Dates are written as dates (dd/mm/yyyy); a completed action's
 * "Date of completion and outcome" reads "12/03/2024 – <evidence>", one not accepted
 * "Not accepted – <reason>"; an open action's evidence goes under the milestones achieved.
 *
 * `actionPlanSheets` is pure (the tests read its result and the workbook back); `actionPlansXlsx`
 * writes it with write-excel-file's browser entry, as the blank template does.
 */
import writeXlsxFile from 'write-excel-file/browser';
import type { ActionPlanRow } from '../queries/action-plans';
import { STATUSES } from '../model/vocab';
import { formatDate } from '../format';

export const HO_COLUMNS = [
	'Recommendation',
	'Scope of recommendation',
	'Action to take',
	'Lead agency',
	'Key milestones achieved in enacting recommendation',
	'Target date',
	'Date of completion and outcome',
	'Status'
] as const;

export const HO_README_SHEET = 'Read me';
export const HO_FILE_SUFFIX = 'action-plans-home-office-template.xlsx';

/** The model's scope in the template's words (local / regional / national), which the import maps back. */
export const SCOPE_WORDS: Record<string, string> = {
	'single-agency': 'Local (single agency)',
	'multi-agency': 'Local (multi-agency)',
	national: 'National'
};

const STATUS_LABEL: Record<string, string> = Object.fromEntries(STATUSES.map((s) => [s.code, s.label]));

/** "yyyy-mm-dd" -> "dd/mm/yyyy". */
export const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const utcDate = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

/**
 * Sheet names Excel accepts, one per id, in order: the characters \ / ? * [ ] : replaced by "-",
 * no leading or trailing apostrophe, at most 31 characters, never "History" (Excel keeps it), and
 * unique ignoring case (a later twin gets " (2)", " (3)", … within the 31 characters). The read-me
 * sheet's name is taken already.
 */
export function sheetNames(ids: readonly string[], taken: readonly string[] = [HO_README_SHEET]): string[] {
	const used = new Set(taken.map((t) => t.toLowerCase()));
	return ids.map((id) => {
		let base = id.replace(/[\\/?*[\]:]/g, '-').replace(/[\u0000-\u001f]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Review';
		if (base.toLowerCase() === 'history') base = 'History (review)';
		base = base.slice(0, 31).trim();
		let name = base;
		for (let n = 2; used.has(name.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
		}
		used.add(name.toLowerCase());
		return name;
	});
}

/** A cell as written: text, a date (yyyy-mm-dd, written as a date), or empty; `rowSpan` merges it down. */
export interface PlanCell {
	value: string | null;
	date?: boolean;
	rowSpan?: number;
	bold?: boolean;
}

export interface PlanSheet {
	name: string;
	/** The review it holds (absent for the read-me sheet). */
	review_id?: string;
	rows: (PlanCell | null)[][];
	/** Column widths, in characters. */
	widths: number[];
}

const text = (value: string | null | undefined, extra: Partial<PlanCell> = {}): PlanCell => ({ value: value == null || value === '' ? null : value, ...extra });

/** "12/03/2024 – 214 staff trained", "Not accepted – no funding", or empty for an open action. */
export function completionCell(r: Pick<ActionPlanRow, 'status' | 'completed_date' | 'evidence'>): string | null {
	const evidence = r.evidence?.trim() || null;
	if (r.status === 'completed') {
		const when = r.completed_date ? ukDate(r.completed_date) : 'Completed';
		return evidence ? `${when} – ${evidence}` : when;
	}
	if (r.status === 'not accepted') return evidence ? `Not accepted – ${evidence}` : 'Not accepted';
	return null;
}

const recommendationText = (r: ActionPlanRow) => (r.recommendation == null ? null : r.rec_number != null ? `${r.rec_number}. ${r.recommendation}` : r.recommendation);

/** The workbook's sheets as data: the read-me sheet, then one per review in the rows' order. */
export function actionPlanSheets(rows: readonly ActionPlanRow[], about: { name: string; asAt: string | null }): PlanSheet[] {
	const reviews = new Map<string, ActionPlanRow[]>();
	for (const r of rows) reviews.set(r.review_id, [...(reviews.get(r.review_id) ?? []), r]);
	const ids = [...reviews.keys()];
	const names = sheetNames(ids);
	const actions = rows.filter((r) => r.action_id !== null).length;
	const readme: PlanSheet = {
		name: HO_README_SHEET,
		widths: [110],
		rows: [
			[text('DHR action plans in the Home Office template layout', { bold: true })],
			[text(`Dataset: ${about.name}`)],
			[text(`Data as at ${about.asAt ? formatDate(about.asAt) : 'no date given'} (statuses as the tracker records them).`)],
			[text(`${ids.length} review${ids.length === 1 ? '' : 's'}, one sheet each, named by the review id; ${actions} action${actions === 1 ? '' : 's'}.`)],
			[text('Each sheet: a title row with the partnership and the review, then the columns of the Home Office action-plan template and a Status column (Not started, In progress, Completed, Not accepted).')],
			[text('The recommendation and its scope are merged over their actions. "Date of completion and outcome" reads "dd/mm/yyyy – outcome" for a completed action and "Not accepted – reason" for one not accepted.')],
			[text('Keep working in this file and import it again on the Import page of DHR Lessons to update the dataset; the previous version stays restorable there.')],
			[text('Written by DHR Lessons in this browser: nothing was sent anywhere. It holds what was loaded; treat it with the same care as the tracker itself.')]
		]
	};
	const sheets = ids.map((id, i): PlanSheet => {
		const list = reviews.get(id)!;
		const header = HO_COLUMNS.map((c) => text(c, { bold: true }));
		const body: (PlanCell | null)[][] = [];
		// Rows of one recommendation, in order; a review with no recommendation has none.
		const recs = new Map<string, ActionPlanRow[]>();
		for (const r of list) if (r.recommendation_id !== null) recs.set(r.recommendation_id, [...(recs.get(r.recommendation_id) ?? []), r]);
		for (const group of recs.values()) {
			const span = group.length;
			group.forEach((r, j) => {
				const open = r.status !== 'completed' && r.status !== 'not accepted';
				body.push([
					j === 0 ? text(recommendationText(r), span > 1 ? { rowSpan: span } : {}) : null,
					j === 0 ? text(r.scope ? (SCOPE_WORDS[r.scope] ?? r.scope) : null, span > 1 ? { rowSpan: span } : {}) : null,
					text(r.description),
					text(r.lead_agency ?? (r.action_id === null ? null : r.agency)),
					text(open ? r.evidence : null),
					r.target_date ? { value: r.target_date, date: true } : text(null),
					text(completionCell(r)),
					text(r.status ? (STATUS_LABEL[r.status] ?? r.status) : null)
				]);
			});
		}
		const partnership = list[0].partnership;
		return {
			name: names[i],
			review_id: id,
			widths: [48, 18, 40, 24, 36, 12, 36, 13],
			rows: [[text(`Partnership: ${partnership} – Review: ${id} – action plan`, { bold: true })], [], header, ...body]
		};
	});
	return [readme, ...sheets];
}

/** The workbook as an .xlsx Blob. */
export function actionPlansXlsx(sheets: readonly PlanSheet[]): Promise<Blob> {
	const data = sheets.map((s) => ({
		sheet: s.name,
		columns: s.widths.map((width) => ({ width })),
		data: s.rows.map((row) =>
			row.map((c) => {
				if (c === null || c.value === null) return null;
				if (c.date && c.value) return { value: utcDate(c.value), type: Date, format: 'dd/mm/yyyy' };
				return {
					value: c.value,
					type: String,
					wrap: true,
					alignVertical: 'top' as const,
					...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
					...(c.bold ? { fontWeight: 'bold' as const } : {})
				};
			})
		)
	}));
	// write-excel-file's types do not follow a sheet list built this way: its options are checked by the tests instead.
	return (writeXlsxFile as unknown as (d: unknown) => { toBlob(): Promise<Blob> })(data).toBlob();
}

/** The file name: the dataset's stem and what it is. */
export const actionPlansFileName = (stem: string) => `${stem}-${HO_FILE_SUFFIX}`;
