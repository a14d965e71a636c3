/**
 * Turning review query results into what the review list and a review's page show: labelled
 * profile facts, factors grouped by subject, timeline events, and the list's columns.
 */
import { formatCount, formatDate, formatPercent } from '../format';
import {
	DEATH_TYPES,
	FACTOR_SUBJECTS,
	FACTORS,
	RELATIONSHIPS,
	REVIEW_TYPES,
	SCOPES,
	SEXES,
	STATUSES,
	labelOf
} from '../model/vocab';
import type { ReviewAction, ReviewDetail, ReviewListRow, ReviewProfile } from '../queries/reviews';
import type { Column } from '../components/tables';
import type { Rule } from '../privacy/suppress';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `yyyy-mm-01` -> "March 2020"; the day of a month of death is not known. */
export function formatMonth(iso: string | null | undefined): string {
	if (!iso) return 'Not recorded';
	const [y, m] = iso.split('-').map(Number);
	return `${MONTHS[m - 1]} ${y}`;
}

const yesNo = (b: boolean | null) => (b == null ? 'Not recorded' : b ? 'Yes' : 'No');
const orNot = (s: string | null) => s ?? 'Not recorded';
const dateOrNot = (iso: string | null) => (iso ? formatDate(iso) : 'Not recorded');
const sexAge = (sex: string | null, band: string | null) =>
	sex == null && band == null ? 'Not recorded' : `${labelOf(SEXES, sex)}, ${band ? `aged ${band}` : 'age not recorded'}`;

export interface ProfileItem {
	id: string;
	label: string;
	value: string;
}

/** The facts of a review, in the order a reader wants them, each labelled and in words. */
export function profileItems(r: ReviewProfile): ProfileItem[] {
	return [
		{ id: 'type', label: 'Type of review', value: labelOf(REVIEW_TYPES, r.review_type) },
		{ id: 'partnership', label: 'Partnership', value: r.partnership },
		{ id: 'region', label: 'Region', value: orNot(r.region) },
		{ id: 'death-month', label: 'Month of death', value: formatMonth(r.death_month) },
		{ id: 'commissioned', label: 'Commissioned', value: dateOrNot(r.commissioned_date) },
		{ id: 'completed', label: 'Completed', value: dateOrNot(r.completed_date) },
		{ id: 'published', label: 'Published', value: dateOrNot(r.published_date) },
		{ id: 'death-type', label: 'Type of death', value: labelOf(DEATH_TYPES, r.death_type) },
		{ id: 'victim', label: 'Victim', value: sexAge(r.victim_sex, r.victim_age_band) },
		{ id: 'perpetrator', label: 'Perpetrator', value: sexAge(r.perpetrator_sex, r.perpetrator_age_band) },
		{ id: 'relationship', label: 'Relationship of victim to perpetrator', value: labelOf(RELATIONSHIPS, r.relationship) },
		{ id: 'children', label: 'Children in the household', value: yesNo(r.children_present) },
		{ id: 'multiple', label: 'More than one person died', value: yesNo(r.multiple_victims) }
	];
}

const SUBJECT_LABELS: Record<string, string> = { incident: 'The abuse and the incident', victim: 'The victim', perpetrator: 'The perpetrator' };

/** Factors grouped by subject (incident, victim, perpetrator; only subjects with factors), labelled, in vocabulary order. */
export function factorGroups(factors: { subject: string; factor: string }[]): { subject: string; label: string; factors: string[] }[] {
	const order = (code: string) => {
		const i = FACTORS.findIndex((f) => f.code === code);
		return i < 0 ? FACTORS.length : i;
	};
	const subjects = [...FACTOR_SUBJECTS, ...new Set(factors.map((f) => f.subject).filter((s) => !(FACTOR_SUBJECTS as readonly string[]).includes(s)))];
	return subjects
		.map((subject) => ({
			subject,
			label: SUBJECT_LABELS[subject] ?? subject,
			factors: factors
				.filter((f) => f.subject === subject)
				.sort((a, b) => order(a.factor) - order(b.factor) || a.factor.localeCompare(b.factor))
				.map((f) => labelOf(FACTORS, f.factor))
		}))
		.filter((g) => g.factors.length > 0);
}

export const scopeLabel = (code: string | null) => labelOf(SCOPES, code);
export const statusLabel = (code: string) => labelOf(STATUSES, code);

/** Days overdue at the as-at date in words, for a review's action. */
export function overdueText(a: Pick<ReviewAction, 'overdue' | 'days_overdue' | 'status' | 'target_date'>, rule: Rule | null = null): string {
	if (a.overdue) return `${formatCount(a.days_overdue, rule)} ${a.days_overdue === 1 ? 'day' : 'days'}`;
	if (a.status === 'completed' || a.status === 'not accepted') return 'Closed';
	return a.target_date ? 'Not yet due' : 'No target date';
}

export type TimelineLane = 'review' | 'target' | 'completed';

export const TIMELINE_LANES: { key: TimelineLane; label: string }[] = [
	{ key: 'review', label: 'Review' },
	{ key: 'target', label: 'Action targets' },
	{ key: 'completed', label: 'Actions completed' }
];

export interface TimelineEvent {
	date: string;
	lane: TimelineLane;
	/** What happened, in a few words ("Published", "Target: action A1"). */
	label: string;
	/** More, for the table and tooltip (the action's description, whether it is overdue). */
	detail: string;
	/** For targets: the action was open and past it at the as-at date. */
	overdue?: boolean;
}

/**
 * Everything dated about a review, in date order: the death (month), commissioning, completion,
 * publication, then each action's target and completion. Undated things are left out.
 */
export function timelineEvents(d: ReviewDetail): TimelineEvent[] {
	const r = d.review;
	const events: TimelineEvent[] = [];
	const milestone = (date: string | null, label: string, detail: string) => {
		if (date) events.push({ date, lane: 'review', label, detail });
	};
	milestone(r.death_month, 'Death', `Month of the death: ${formatMonth(r.death_month)}`);
	milestone(r.commissioned_date, 'Commissioned', 'The partnership decided to hold the review');
	milestone(r.completed_date, 'Completed', 'The panel signed off the final report');
	milestone(r.published_date, 'Published', 'The report was published');
	for (const rec of d.recommendations) {
		for (const a of rec.actions) {
			const who = `Recommendation ${rec.rec_number ?? '?'}: ${a.description}`;
			if (a.target_date) {
				events.push({
					date: a.target_date,
					lane: 'target',
					label: `Target of action ${a.action_id}`,
					detail: a.overdue ? `${who} (overdue by ${overdueText(a)})` : who,
					overdue: a.overdue
				});
			}
			if (a.completed_date) {
				events.push({ date: a.completed_date, lane: 'completed', label: `Action ${a.action_id} completed`, detail: who });
			}
		}
	}
	const laneOrder = (l: TimelineLane) => TIMELINE_LANES.findIndex((x) => x.key === l);
	return events.sort((a, b) => a.date.localeCompare(b.date) || laneOrder(a.lane) - laneOrder(b.lane) || a.label.localeCompare(b.label));
}

/** Counts for the heading of a review's recommendations: "5 recommendations, 12 actions (3 overdue)". */
export function recommendationSummary(d: ReviewDetail, rule: Rule | null = null): string {
	const recs = d.recommendations.length;
	const actions = d.recommendations.flatMap((r) => r.actions);
	const overdue = actions.filter((a) => a.overdue).length;
	const plural = (n: number, one: string, many: string) => `${formatCount(n, rule)} ${n === 1 ? one : many}`;
	return `${plural(recs, 'recommendation', 'recommendations')}, ${plural(actions.length, 'action', 'actions')}${actions.length ? ` (${formatCount(overdue, rule)} overdue at the as-at date)` : ''}.`;
}

/** The review list's columns (counts written under the rule). */
export const reviewColumns = (rule: Rule | null = null): Column<ReviewListRow>[] => [
	{ key: 'review_id', label: 'Review' },
	{ key: 'partnership', label: 'Partnership' },
	{ key: 'year', label: 'Year', align: 'right', format: (v) => (v == null ? '–' : String(v)), descFirst: true },
	{ key: 'death_type', label: 'Type of death', format: (v) => labelOf(DEATH_TYPES, v as string | null) },
	{ key: 'recommendations', label: 'Recommendations', align: 'right', format: (v) => formatCount(v as number, rule), descFirst: true },
	{ key: 'actions', label: 'Actions', align: 'right', format: (v) => formatCount(v as number, rule), descFirst: true },
	{ key: 'pct_complete', label: 'Actions complete', align: 'right', format: (v) => formatPercent(v as number | null), descFirst: true },
	{ key: 'overdue', label: 'Overdue', align: 'right', format: (v) => formatCount(v as number, rule), descFirst: true }
];

/** "250 reviews" / "1 review". */
export function reviewCount(n: number, rule: Rule | null = null): string {
	return `${formatCount(n, rule)} ${n === 1 ? 'review' : 'reviews'}`;
}

/** The columns of a recommendation's actions on a review's page (days overdue written under the rule). */
export const reviewActionColumns = (rule: Rule | null = null): Column<ReviewAction>[] => [
	{ key: 'description', label: 'Action' },
	{ key: 'lead_agency', label: 'Lead agency' },
	{ key: 'owner_role', label: 'Owner role' },
	{ key: 'status', label: 'Status', format: (v) => statusLabel(String(v)) },
	{ key: 'target_date', label: 'Target date', format: (v) => (v ? formatDate(String(v)) : 'None') },
	{ key: 'completed_date', label: 'Completed', format: (v) => (v ? formatDate(String(v)) : '–') },
	{
		key: 'days_overdue',
		label: 'Days overdue',
		align: 'right',
		format: (_v, a) => overdueText(a, rule),
		descFirst: true
	}
];

const LANE_NAMES: Record<TimelineLane, string> = { review: 'Review', target: 'Action target', completed: 'Action completed' };

/** The timeline's table twin. */
export const TIMELINE_COLUMNS: Column<TimelineEvent>[] = [
	{ key: 'date', label: 'Date', format: (v, e) => (e.lane === 'review' && e.label === 'Death' ? formatMonth(String(v)) : formatDate(String(v))) },
	{ key: 'lane', label: 'Kind', format: (v) => LANE_NAMES[v as TimelineLane] },
	{ key: 'label', label: 'Event' },
	{ key: 'detail', label: 'Detail', sortable: false }
];

/** The timeline's caption: the span it covers and what it holds. */
export function timelineCaption(events: TimelineEvent[]): string {
	if (!events.length) return 'No dates are recorded for this review or its actions.';
	const first = events[0];
	const last = events[events.length - 1];
	const count = (lane: TimelineLane) => events.filter((e) => e.lane === lane).length;
	const overdue = events.filter((e) => e.overdue).length;
	const span = first.date.slice(0, 4) === last.date.slice(0, 4) ? first.date.slice(0, 4) : `${first.date.slice(0, 4)} to ${last.date.slice(0, 4)}`;
	return `The review from ${span}: ${count('review')} review dates, ${count('target')} action target dates (${overdue} past with the action still open) and ${count('completed')} completions.`;
}
