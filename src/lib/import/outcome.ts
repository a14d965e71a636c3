/**
 * The Home Office action-plan template has no status column: whether an action is done is written
 * in its "Date of completion and outcome" cell — "12/03/2024 – 214 staff trained", "Completed
 * March 2024", "Ongoing", "Not accepted – the trust has no such service", or nothing yet. This reads
 * such a cell into a status, a completed date and the evidence, and says in words how it did, so
 * every derived value can have its line in the report.
 */
import type { Status } from '../model/vocab';
import { parseDate } from './dates';
import type { Cell } from './types';
import { STATUS_WORDS } from './values';

export interface Outcome {
	status: Status;
	completed_date: string | null;
	evidence: string | null;
	/** How the status was read, for the report ("a date: completed on 12 March 2024"). */
	how: string;
}

const key = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9/+]+/g, ' ').trim();
/** A date as trackers write it, anywhere in the text: 12/03/2024, 12.3.24, 2024-03-12, 12 March 2024, March 2024. */
const DATE_IN_TEXT =
	/\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,? (?:\d{4}|\d{2})\b)/i;
/** Words that make a date in the cell a plan, not a completion: "due 31/03/2025", "expected by June 2024". */
const NOT_DONE = /\b(due|expected|target|planned|scheduled|will|by|deadline|revised|extended|delayed|awaiting|pending|from|until|in progress|ongoing|not yet|partially|partly|part)\b/i;
const DONE_WORDS = /^(completed?|done|closed|achieved|implemented|finished|met)\b/i;
const STATUS_PREFIX = /^(not accepted|rejected|declined|not agreed|withdrawn|superseded|no longer (?:required|applicable)|not (?:yet )?started|not (?:yet )?commenced|in progress|on ?going|underway|under way|partially (?:complete|completed|met)|partly complete|part complete|on track|off track|at risk|delayed|overdue|outstanding)\b/i;

/** The text after a leading word, date or separator: "– 214 staff trained" -> "214 staff trained". */
const rest = (text: string) => text.replace(/^[\s:;,.\-–—]+/, '').trim() || null;

/** "12 March 2024" for the report. */
function british(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * Read a completion/outcome cell. `progress` is true when the row has other signs of work (a key
 * milestones or progress text): a blank outcome then means in progress rather than not started.
 */
export function readOutcome(cell: Cell, progress = false): Outcome {
	if (cell === null || (typeof cell === 'string' && cell.trim() === '')) {
		return progress
			? { status: 'in progress', completed_date: null, evidence: null, how: 'no completion date or outcome yet, but milestones or progress are recorded: read as in progress' }
			: { status: 'not started', completed_date: null, evidence: null, how: 'no completion date, outcome or progress yet: read as not started' };
	}
	if (typeof cell === 'number') {
		const d = parseDate(cell).iso;
		if (d) return { status: 'completed', completed_date: d, evidence: null, how: `a date: completed on ${british(d)}` };
	}
	const text = String(cell).trim();
	const prefix = text.match(STATUS_PREFIX);
	if (prefix) {
		const status = STATUS_WORDS[key(prefix[1])] ?? 'in progress';
		const reason = rest(text.slice(prefix[0].length));
		return { status, completed_date: null, evidence: reason, how: `"${prefix[1]}": ${status}${status === 'not accepted' && reason ? ', the reason kept as evidence' : ''}` };
	}
	const done = text.match(DONE_WORDS);
	const dateMatch = text.match(DATE_IN_TEXT);
	const date = dateMatch ? parseDate(dateMatch[1]).iso : null;
	if (done) {
		const evidence = rest(text.slice(done[0].length).replace(dateMatch?.[0] ?? '\u0000', '').replace(/^\s*(on|in)\b/i, ''));
		return date
			? { status: 'completed', completed_date: date, evidence, how: `"${done[1]}" with a date: completed on ${british(date)}` }
			: { status: 'completed', completed_date: null, evidence, how: `"${done[1]}" with no date: completed, completion date not known` };
	}
	if (date && !NOT_DONE.test(text.slice(0, dateMatch!.index))) {
		const evidence = rest(text.slice(0, dateMatch!.index).trim() ? text.replace(dateMatch![0], '') : text.slice(dateMatch!.index! + dateMatch![0].length));
		return { status: 'completed', completed_date: date, evidence, how: `a date: completed on ${british(date)}, the rest kept as evidence` };
	}
	return { status: 'in progress', completed_date: null, evidence: text, how: 'text with no completion date or word saying it is done: read as in progress, the text kept as evidence' };
}
