/**
 * Theme tagging, measured: the scoring maths on a hand-made case, the tagger's figures on the coded
 * sets in data/eval not below those reported in data/eval/results.json, the committed classifier
 * being what its training script makes, and `npm run eval:themes -- --labels` on a small fixture.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { autoThemes, cueThemes, keywordThemes } from '$lib/import/autotheme';
import { categoriesOf, LabelsError, readLabelled, score } from '$lib/lessons/evaluate';
import { THEMES } from '$lib/model/themes';
import { CATEGORIES, categoryLevel, crossValidated, main, readThemeLabels } from '../../scripts/eval-themes';
import { modelJson, MODEL, trainedModel } from '../../scripts/train-themes';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const results = JSON.parse(readFileSync(here('../../data/eval/results.json'), 'utf8'));
const IDS = THEMES.map((t) => t.id);
const EPS = 1e-4;

async function cli(args: string[]) {
	const out: string[] = [];
	const code = await main(args, (s) => out.push(s));
	return { code, out: out.join('\n') };
}

describe('score', () => {
	// Three texts, labels a and b. Coded: {a}, {a,b}, {b}. Predicted: {a}, {a}, {a,b}.
	// a: tp 2 (texts 1, 2), fp 1 (text 3), fn 0 -> P 2/3, R 1, F1 0.8.
	// b: tp 1 (text 3), fp 0, fn 1 (text 2)   -> P 1, R 1/2, F1 2/3.
	// micro: tp 3, fp 1, fn 1 -> P 3/4, R 3/4, F1 3/4. macro: P 5/6, R 3/4, F1 (0.8 + 2/3) / 2.
	const s = score([['a'], ['a', 'b'], ['b']], [['a'], ['a'], ['a', 'b']], ['a', 'b']);
	it('counts per label', () =>
		expect(s.labels.map((l) => [l.label, l.support, l.tp, l.fp, l.fn])).toEqual([
			['a', 2, 2, 1, 0],
			['b', 2, 1, 0, 1]
		]));
	it('gives precision, recall and F1 per label', () => {
		expect(s.labels[0].precision).toBeCloseTo(2 / 3, 12);
		expect(s.labels[0].recall).toBe(1);
		expect(s.labels[0].f1).toBeCloseTo(0.8, 12);
		expect(s.labels[1].precision).toBe(1);
		expect(s.labels[1].recall).toBe(0.5);
		expect(s.labels[1].f1).toBeCloseTo(2 / 3, 12);
	});
	it('pools counts for micro figures and averages labels for macro ones', () => {
		expect(s.micro).toMatchObject({ tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75, f1: 0.75 });
		expect(s.macro.precision).toBeCloseTo(5 / 6, 12);
		expect(s.macro.recall).toBeCloseTo(0.75, 12);
		expect(s.macro.f1).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
	});
	it('counts exact matches', () => expect(s.exact).toBe(1));
	it('scores a label never predicted and never coded as 0, not as a division by zero', () => {
		const z = score([['a']], [['a']], ['a', 'b']);
		expect(z.labels[1]).toMatchObject({ precision: 0, recall: 0, f1: 0 });
		expect(z.macro.f1).toBe(0.5);
	});
	it('refuses predictions that do not line up with the coded texts', () => expect(() => score([['a']], [], ['a'])).toThrow(/1 coded texts but 0 predictions/));
});

describe('the tagger on the coded sets', () => {
	const labelled = readThemeLabels(here('../../data/eval/themes-labelled.csv'));
	const heldout = readThemeLabels(here('../../data/eval/themes-heldout.csv'));
	const on = (rows: typeof labelled, tag: (t: string) => { theme: string }[]) =>
		score(rows.map((r) => r.labels), rows.map((r) => tag(r.text).map((t) => t.theme)), IDS);

	it('has at least 300 labelled texts and ten coded with every theme', () => {
		expect(labelled.length).toBeGreaterThanOrEqual(300);
		for (const id of IDS) expect(labelled.filter((r) => r.labels.includes(id)).length, id).toBeGreaterThanOrEqual(10);
	});
	it('does no worse on the held-out set than reported, and beats the keyword baseline there', () => {
		const t = on(heldout, autoThemes);
		const b = on(heldout, keywordThemes);
		expect(t.micro.f1).toBeGreaterThanOrEqual(results.heldout.tagger.micro.f1 - EPS);
		expect(t.macro.f1).toBeGreaterThanOrEqual(results.heldout.tagger.macro.f1 - EPS);
		expect(t.micro.f1).toBeGreaterThan(b.micro.f1 + 0.1);
		expect(t.macro.f1).toBeGreaterThan(b.macro.f1 + 0.1);
	});
	it('does no worse on the labelled set, cross-validated, than reported, and beats the baseline', () => {
		const cv = crossValidated(labelled);
		const b = on(labelled, keywordThemes);
		expect(cv.tagger.micro.f1).toBeGreaterThanOrEqual(results.labelled.tagger_cross_validated.micro.f1 - EPS);
		expect(cv.tagger.macro.f1).toBeGreaterThanOrEqual(results.labelled.tagger_cross_validated.macro.f1 - EPS);
		expect(cv.tagger.micro.f1).toBeGreaterThan(b.micro.f1 + 0.1);
		expect(on(labelled, cueThemes).micro.f1).toBeGreaterThanOrEqual(results.labelled.cues.micro.f1 - EPS);
	});
	it('uses the classifier its training script makes from the labelled set', () => expect(readFileSync(MODEL, 'utf8')).toBe(modelJson(trainedModel())));
});

describe('stop words', () => {
	it.each(['consider', 'this', 'learning', 'share learning', 'Consider this learning.', 'Partners should share learning from this review.', 'Share the lessons of this review.'])(
		'tag nothing from %j',
		(text) => expect(autoThemes(text).filter((t) => t.theme === 'information_sharing')).toEqual([])
	);
	it('are never the words given as a reason', () => {
		for (const t of autoThemes('This review asks agencies to consider whether this learning on information sharing is shared.'))
			for (const w of t.words) expect(['this', 'consider', 'learning', 'was', 'has']).not.toContain(w.toLowerCase());
	});
	it('still leave real information sharing tagged', () =>
		expect(autoThemes('Agencies should share information with the MARAC.').map((t) => t.theme)).toContain('information_sharing'));
});

describe('cues', () => {
	it('compare words by stem and take phrases with a gap, quoting the words of the text', () =>
		expect(autoThemes('Officers should be assessing the risks posed at every call.').find((t) => t.theme === 'risk_assessment')?.words).toEqual(['assessing … risks']));
	it('quote the text as written', () =>
		expect(autoThemes('GPs should ASK every patient about Domestic Abuse.').find((t) => t.theme === 'routine_enquiry')?.words).toEqual(['ASK … about … Abuse', 'ASK every']));
	it('do not count a word in a sense a "not" phrase rules out', () => {
		expect(keywordThemes('The Community Safety Partnership should publish the report.').map((t) => t.theme)).toContain('public_awareness');
		expect(cueThemes('The Community Safety Partnership should publish the report.').map((t) => t.theme)).not.toContain('public_awareness');
	});
	it('need two weak cues together', () => {
		expect(cueThemes('The risk was discussed.').map((t) => t.theme)).not.toContain('risk_assessment');
		expect(cueThemes('The risk threshold was discussed.').map((t) => t.theme)).toContain('risk_assessment');
	});
});

describe('npm run eval:themes -- --labels', () => {
	const fixture = here('../fixtures/eval/categories.csv');
	it('scores a category-coded file at category level', () => {
		const r = categoryLevel(readFileSync(fixture, 'utf8'), 'categories.csv');
		expect(r.texts).toBe(10);
		expect(r.tagger.labels.map((l) => l.label)).toEqual([...CATEGORIES]);
		expect(CATEGORIES).toHaveLength(8);
		// Row 10 says "Multi-Agency Working": categories are matched without regard to case.
		expect(r.tagger.labels.find((l) => l.label === 'multi-agency working')?.support).toBe(2);
		expect(r.tagger.micro.f1).toBeGreaterThan(r.baseline.micro.f1);
	});
	it('counts each predicted theme as its category', () =>
		expect(categoriesOf(['marac', 'information_sharing', 'housing'], new Map(THEMES.map((t) => [t.id, t.category])))).toEqual(['multi-agency working', 'policy']));
	it('prints both tables from the command line', async () => {
		const { code, out } = await cli(['--labels', fixture]);
		expect(code).toBe(0);
		expect(out).toContain('Tagger, by Home Office category, on');
		expect(out).toContain('Keyword baseline, by Home Office category, on');
		expect(out).toMatch(/Category level: micro F1 [\d.]+% against [\d.]+% for the keyword baseline/);
	});
	it('names the row and the unknown category', async () => {
		const { code, out } = await cli(['--labels', here('../fixtures/eval/unknown-category.csv')]);
		expect(code).toBe(1);
		expect(out).toMatch(/unknown-category\.csv, row 3, column "categories": "Staff development" is not a known Home Office category\. Known: identification of risk, /);
	});
	it('names a missing column', async () => {
		const { code, out } = await cli(['--labels', here('../fixtures/eval/missing-column.csv')]);
		expect(code).toBe(1);
		expect(out).toMatch(/missing-column\.csv: no "categories" column\. The header row has: "text", "themes"; it needs "text" and "categories"\./);
	});
	it('says when the file is not there', async () => expect(await cli(['--labels', here('../fixtures/eval/nothing.csv')])).toMatchObject({ code: 2 }));
	it('refuses an empty text or an empty category cell', () => {
		const opts = { file: 'f.csv', column: 'categories', known: CATEGORIES, what: 'Home Office category' };
		expect(() => readLabelled('text,categories\n,training\n', opts)).toThrow(LabelsError);
		expect(() => readLabelled('text,categories\n,training\n', opts)).toThrow('f.csv, row 2, column "text": the text is empty.');
		expect(() => readLabelled('text,categories\nSome text,\n', opts)).toThrow('f.csv, row 2, column "categories": no Home Office category given');
	});
});
