/**
 * What the "outcome / evidence" column of an action plan says. Completed actions mostly carry
 * evidence fitting the kind of action (training records, an audit result, a policy sign-off);
 * open actions sometimes a progress note; actions not accepted usually the reason. Placeholders:
 * {month} the month the work was done ('March 2021'), {pct} a percentage, {n} the sample size
 * named in the action, {sessions} a number of sessions,
 * {staff} the lead agency's staff.
 */
import type { ActionKind } from './wording-themes';

export const COMPLETED_EVIDENCE: Record<ActionKind, readonly string[]> = {
	training: [
		'Training records show {pct}% of {staff} completed the module by {month}.',
		'{sessions} sessions delivered; {pct}% of the target group attended by {month}.',
		'Module added to mandatory training in {month}; completion at {pct}% at the last report.',
		'Training delivered and evaluated; evaluation report to the safeguarding committee in {month}.'
	],
	policy: [
		'Revised policy approved by the senior leadership team in {month} and published on the intranet.',
		'Procedure updated and signed off in {month}; copy provided to the partnership.',
		'New guidance in force from {month}; staff notified by email and at team meetings.'
	],
	audit: [
		'Audit of {n} cases completed in {month}: {pct}% met the standard; re-audit planned.',
		'Audit report presented to the safeguarding committee in {month}; findings shared with teams.',
		'Dip sample of {n} records in {month} found the change embedded in {pct}% of cases.'
	],
	system: [
		'System change went live in {month}; the flag is now shown when the record is opened.',
		'Template updated in {month}; audit of {n} records shows the field completed in {pct}% of cases.',
		'Change tested and released in {month}; user guide issued.'
	],
	briefing: [
		'Seven-minute briefing circulated to {staff} in {month}.',
		'Briefing delivered at team meetings in {month}; {pct}% of teams confirmed receipt.',
		'Learning shared at the practitioner forum in {month}.'
	],
	pathway: [
		'Pathway agreed by all partners and in use from {month}.',
		'Protocol signed in {month}; {n} referrals made in the first quarter.',
		'Named lead in place since {month}; arrangements reviewed at the steering group.'
	],
	campaign: [
		'Campaign ran in {month}; materials reached {n} venues across the county.',
		'Campaign launched in {month}; calls to the helpline rose in the following quarter.'
	],
	report: [
		'Quarterly progress reports received by the board since {month}.',
		'Final report presented to the board in {month}; action closed by the chair.'
	]
};

export const PROGRESS_NOTES: readonly string[] = [
	'Draft circulated for consultation.',
	'Work started; on track.',
	'Delayed by staff vacancies; revised plan agreed.',
	'Awaiting sign-off by the board.',
	'Partially delivered; about {pct}% complete.',
	'Scoping complete; funding being sought.',
	'Lead officer changed; update requested.'
];

export const NOT_STARTED_NOTES: readonly string[] = ['Awaiting allocation of a lead officer.', 'Not yet started; scheduled for next quarter.'];

export const NOT_ACCEPTED_REASONS: readonly string[] = [
	'Not accepted: existing policy already covers this.',
	'Not accepted: outside the remit of the agency.',
	'Not accepted: superseded by national work already under way.',
	'Not accepted: the agency does not hold the data needed.'
];

/** A board's review of an overdue action moved its target ({from}, {to}: 'June 2013'; {month} the review). */
export const REVISED_TARGET: readonly string[] = [
	'Target date revised from {from} to {to} at the partnership board review in {month}.',
	'Overdue at the {month} review: new target {to} agreed (was {from}).',
	'Re-planned in {month} after a change of lead officer; target moved from {from} to {to}.'
];

/** Confirmed complete when the board reviewed it ({month}). */
export const CONFIRMED_AT_REVIEW: readonly string[] = [
	'Confirmed complete at the partnership board review in {month}; evidence seen by the chair.',
	'Closed as complete at the {month} review of overdue actions.'
];

/** Closed at a board review without being done ({month} the review, {year} a later plan). */
export const CLOSED_AT_REVIEW: readonly string[] = [
	'Closed by the partnership board in {month}: superseded by the {year} domestic abuse strategy action plan.',
	'Closed at the {month} review: the service was recommissioned and the action no longer applies.',
	'Closed in {month}: replaced by a countywide action agreed after a later review.',
	'Not accepted at the {month} review: the agency no longer provides this service.'
];
