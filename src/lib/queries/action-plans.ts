/**
 * The action plans of the loaded dataset as the Home Office template lays them out (one row per
 * action, under its recommendation, under its review): what `export/ho-template.ts` writes to
 * Excel. Every review, recommendation and action as recorded (statuses as the tracker holds them,
 * not at an as-at date), so that the file can be worked on and imported again. A recommendation
 * without actions gives one row with no action; a review without recommendations gives none (its
 * sheet is written with the header only).
 */
import type { Engine } from '../db/engine';

export interface ActionPlanRow {
	review_id: string;
	partnership: string;
	recommendation_id: string | null;
	rec_number: number | null;
	scope: string | null;
	/** Agency the recommendation is addressed to. */
	agency: string | null;
	recommendation: string | null;
	action_id: string | null;
	description: string | null;
	lead_agency: string | null;
	target_date: string | null;
	status: string | null;
	completed_date: string | null;
	evidence: string | null;
}

/** Every review with its recommendations (by number) and their actions (in the order loaded). */
export function actionPlanRows(engine: Engine): Promise<ActionPlanRow[]> {
	return engine.query<ActionPlanRow>(`
		SELECT rv.review_id, rv.partnership,
		       rec.recommendation_id, rec.rec_number, rec.scope, rec.agency, rec.text AS recommendation,
		       a.action_id, a.description, a.lead_agency, a.target_date, a.status, a.completed_date, a.evidence
		FROM reviews AS rv
		LEFT JOIN recommendations AS rec USING (review_id)
		LEFT JOIN (SELECT *, rowid AS _order FROM actions) AS a USING (recommendation_id)
		ORDER BY rv.review_id, rec.rec_number NULLS LAST, rec.recommendation_id NULLS LAST, a._order NULLS LAST
	`);
}
