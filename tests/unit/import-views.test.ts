/**
 * The /import page's pure helpers (src/lib/views/import.ts): mapping edits, the report's order,
 * mappings and word choices kept in localStorage (a stand-in here), the automatic themes as listed
 * with the user's corrections, and progress in words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggestMapping, type Problem } from '$lib/import';
import { THEMES } from '$lib/model/themes';
import {
	autoThemeRows,
	inReadingOrder,
	previewRows,
	progressShare,
	progressText,
	statusCountText,
	savedChoices,
	saveChoices,
	savedMapping,
	saveMapping,
	targetGroups,
	whereText,
	withChoice,
	withTarget,
	withThemeEdit
} from '$lib/views/import';

class MemoryStorage {
	data = new Map<string, string>();
	refuse = false;
	getItem = (k: string) => this.data.get(k) ?? null;
	setItem = (k: string, v: string) => {
		if (this.refuse) throw new Error('QuotaExceededError');
		this.data.set(k, v);
	};
	removeItem = (k: string) => this.data.delete(k);
}
let storage: MemoryStorage;
beforeEach(() => {
	storage = new MemoryStorage();
	(globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => delete (globalThis as { localStorage?: unknown }).localStorage);

const HEADERS = ['DHR ref', 'RAG', 'Action', 'Notes'];

describe('mapping helpers', () => {
	it('targetGroups lists every target once, grouped by table', () => {
		const groups = targetGroups();
		expect(groups.map((g) => g.table)).toEqual(['reviews', 'recommendations', 'recommendation_themes', 'recommendation_categories', 'actions']);
		expect(groups.find((g) => g.table === 'actions')?.targets.find((t) => t.value === 'actions.status')?.label).toBe('status');
	});
	it('withTarget moves a target to one column, freeing the column that had it', () => {
		const m = suggestMapping(HEADERS);
		expect(m.columns.map((c) => c.target)).toEqual(['reviews.review_id', 'actions.status', 'actions.description', null]);
		const moved = withTarget(m, 3, 'actions.status');
		expect(moved.columns.map((c) => c.target)).toEqual(['reviews.review_id', null, 'actions.description', 'actions.status']);
		expect(withTarget(moved, 3, null).columns[3].target).toBeNull();
		expect(m.columns[1].target).toBe('actions.status'); // not changed in place
	});
	it('a saved mapping is offered again for the same headers only, and not when it no longer fits', () => {
		const m = withTarget(suggestMapping(HEADERS), 3, 'actions.evidence');
		expect(saveMapping(m)).toBe(true);
		expect(savedMapping(m.key, HEADERS)?.columns.map((c) => c.target)).toEqual(m.columns.map((c) => c.target));
		expect(savedMapping(suggestMapping(['Other']).key, ['Other'])).toBeNull();
		storage.setItem(`dhr-mapping:${m.key}`, JSON.stringify({ ...m, columns: [{ source: 'x', target: 'nonsense.column' }, ...m.columns.slice(1)] }));
		expect(savedMapping(m.key, HEADERS)).toBeNull();
		storage.setItem(`dhr-mapping:${m.key}`, '{not json');
		expect(savedMapping(m.key, HEADERS)).toBeNull();
		storage.refuse = true;
		expect(saveMapping(m)).toBe(false);
	});
	it('previewRows gives the first rows as text', () => {
		expect(previewRows([[1, null, 'a'], [true, 'b', null], [3]], 2)).toEqual([['1', '', 'a'], ['true', 'b', '']]);
	});
});

describe('the report', () => {
	const p = (problem: string, blocking: boolean, extra: Partial<Problem> = {}): Problem => ({ file: 'f.csv', problem, blocking, ...extra });
	it('blocking problems first, each group in the order found', () => {
		expect(inReadingOrder([p('w1', false), p('b1', true), p('w2', false), p('b2', true)]).map((x) => x.problem)).toEqual(['b1', 'b2', 'w1', 'w2']);
	});
	it('whereText names file, sheet, row and column in words', () => {
		expect(whereText(p('x', true, { sheet: 'Tracker', row: 4, column: 'Status' }))).toBe('f.csv, sheet Tracker, row 4, column Status');
		expect(whereText(p('x', true))).toBe('f.csv');
	});
});

describe('word choices', () => {
	it('withChoice sets, replaces and clears one choice', () => {
		const a = withChoice<string>({}, 'waiting', 'not started');
		expect(a).toEqual({ waiting: 'not started' });
		expect(withChoice<string>(a, 'waiting', 'in progress')).toEqual({ waiting: 'in progress' });
		expect(withChoice(a, 'waiting', null)).toEqual({});
		expect(withChoice<string>(a, 'waiting', '')).toEqual({});
	});
	it('are saved merged over earlier ones and read back; damaged or invalid entries are dropped', () => {
		expect(savedChoices()).toEqual({ statusWords: {}, agencyNames: {} });
		expect(saveChoices({ statusWords: { waiting: 'not started' }, agencyNames: { 'GP Fed': 'Marlshire GP Federation' } })).toBe(true);
		expect(saveChoices({ statusWords: { 'partially met': 'in progress' }, agencyNames: {} })).toBe(true);
		expect(savedChoices()).toEqual({ statusWords: { waiting: 'not started', 'partially met': 'in progress' }, agencyNames: { 'GP Fed': 'Marlshire GP Federation' } });
		storage.setItem('dhr-import-words', JSON.stringify({ statusWords: { waiting: 'finished' }, agencyNames: { a: '' } }));
		expect(savedChoices()).toEqual({ statusWords: {}, agencyNames: {} });
		storage.setItem('dhr-import-words', '[');
		expect(savedChoices()).toEqual({ statusWords: {}, agencyNames: {} });
	});
});

describe('automatic themes as listed', () => {
	const recs = [
		{ recommendation_id: 'R1', text: 'Train staff on coercive control.' },
		{ recommendation_id: 'R2', text: 'Something else.' }
	];
	const tags = [
		{ recommendation_id: 'R1', theme: 'coercive_control', words: ['coercive control'] },
		{ recommendation_id: 'R1', theme: 'workforce_training', words: ['train'] }
	];
	it('groups the tags by recommendation with labels and words, in file order', () => {
		const rows = autoThemeRows(recs, tags, {});
		expect(rows.map((r) => [r.recommendation_id, r.tags.map((t) => `${t.theme}:${t.words.join('+')}:${t.removed}`), r.added])).toEqual([
			['R1', ['coercive_control:coercive control:false', 'workforce_training:train:false'], []],
			['R2', [], []]
		]);
		expect(rows[0].tags[0].label).toBe(THEMES.find((t) => t.id === 'coercive_control')?.label);
		expect(rows[0].addable).toHaveLength(THEMES.length - 2);
		expect(rows[1].addable).toHaveLength(THEMES.length);
	});
	it('withThemeEdit removes, restores, adds and drops; an empty edit disappears', () => {
		let e = withThemeEdit({}, 'R1', { remove: 'workforce_training' });
		e = withThemeEdit(e, 'R1', { add: 'risk_assessment' });
		e = withThemeEdit(e, 'R1', { add: 'risk_assessment' });
		expect(e).toEqual({ R1: { remove: ['workforce_training'], add: ['risk_assessment'] } });
		const rows = autoThemeRows(recs, tags, e);
		expect(rows[0].tags.map((t) => [t.theme, t.removed])).toEqual([['coercive_control', false], ['workforce_training', true]]);
		expect(rows[0].added.map((a) => a.theme)).toEqual(['risk_assessment']);
		// A removed tag can be added back; risk assessment, now present, is no longer offered.
		expect(rows[0].addable.map((a) => a.theme)).toContain('workforce_training');
		expect(rows[0].addable.map((a) => a.theme)).not.toContain('risk_assessment');
		e = withThemeEdit(e, 'R1', { restore: 'workforce_training' });
		e = withThemeEdit(e, 'R1', { drop: 'risk_assessment' });
		expect(e).toEqual({});
	});
});

describe('progress in words', () => {
	const base = { file: 1, files: 2, name: 'big.csv', total: 20 * 1048576, rows: 0 };
	it('says which file, how much of it, and the share done', () => {
		expect(progressText({ ...base, stage: 'reading', bytes: 12 * 1048576 })).toBe('Loading file 1 of 2, big.csv: 12.0 MB of 20.0 MB (60%).');
		expect(progressText({ ...base, files: 1, stage: 'reading', bytes: 512 })).toBe('Loading big.csv: 1 KB of 20.0 MB (0%).');
		expect(progressText({ ...base, file: 2, stage: 'parsing', bytes: base.total, rows: 70000 })).toBe('Reading the rows of file 2 of 2, big.csv (20.0 MB)… 70,000 rows so far.');
		expect(progressShare({ ...base, stage: 'reading', bytes: 10 * 1048576 })).toBeCloseTo(0.125);
		expect(progressShare({ ...base, file: 2, stage: 'parsing', bytes: base.total })).toBeCloseTo(0.75);
	});
});

describe('actions by status in words', () => {
	it('vocabulary order, zeros left out, unknown last', () => {
		expect(statusCountText({ completed: 1, unknown: 2, 'not started': 1200 })).toBe('1,200 not started, 1 completed, 2 with a status not yet known');
		expect(statusCountText({})).toBe('');
	});
});
