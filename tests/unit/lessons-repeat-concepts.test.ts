/**
 * The repeat finder's representation (src/lib/lessons/repeat-concepts.ts) and its evaluation
 * (src/lib/lessons/repeat-eval.ts, scripts/eval-repeats.ts). The fixture below is written for this
 * test in the project's own words (fictional agencies): reworded repeats that share few words, and
 * different changes on the same topic. The real pairs the figures come from are kept outside the
 * repository; the script's test runs on them where they exist and says it is skipped where not.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agencyType, features, isAction, PairScorer, REPEAT_THRESHOLD, sameAgencyKind } from '$lib/lessons/repeat-concepts';
import { counts, foldOf, groupedCv, pairsLine, PairsError, readPairs, type Pair } from '$lib/lessons/repeat-eval';
import { wordingLessons, type RepeatInput } from '$lib/lessons/repeats';
import { lessonReason, matchReason } from '$lib/views/lessons';

const SAME: [string, string, string, string][] = [
	[
		'Fenbury Integrated Care Board should make sure that general practice staff ask patients about domestic abuse safely and routinely.',
		'Fenbury ICB',
		'GPs in the area should bring in routine enquiry so that every patient is given a private chance to disclose abuse.',
		'GP practices'
	],
	[
		'The hospital trust should stop relying on relatives to translate and book a professional interpreter whenever a patient has little English.',
		'Fenbury Hospitals NHS Trust',
		'Staff of the community health service must use independent interpreters, never family members, where there is a language barrier.',
		'Fenbury Community Health'
	],
	[
		'Partner agencies should agree an information-sharing protocol so that safeguarding information reaches the police promptly.',
		'All agencies',
		'All agencies should develop a protocol for sharing information about victims, overcoming the barriers between their systems.',
		'Multiple agencies'
	]
];

const DIFFERENT: [string, string, string, string][] = [
	[
		'Fenbury Integrated Care Board should make sure that general practice staff ask patients about domestic abuse safely and routinely.',
		'Fenbury ICB',
		'Fenbury Police should review its firearms licensing so that a history of domestic abuse is checked before a shotgun certificate is granted.',
		'Fenbury Police'
	],
	[
		'The hospital trust should stop relying on relatives to translate and book a professional interpreter whenever a patient has little English.',
		'Fenbury Hospitals NHS Trust',
		'The housing association should confirm who lives at a property when it investigates a complaint of anti-social behaviour.',
		'Fenbury Homes'
	]
];

const corpus = [...SAME, ...DIFFERENT].flatMap(([a, aa, b, ab]) => [
	{ text: a, agency: aa },
	{ text: b, agency: ab }
]);

describe('the representation', () => {
	it('loads under Node, the same code as the browser: words and concepts of a text', () => {
		const f = features('GPs should make routine enquiries about domestic abuse with the patient seen alone.', 'GP practice');
		expect(f.concepts).toEqual(expect.arrayContaining(['gp', 'identify', 'alone']));
		expect(f.stems).not.toContain('should');
	});

	it('reworded repeats of the fixture score at or above the threshold, although they share few words', () => {
		const s = new PairScorer(corpus);
		for (const [a, aa, b, ab] of SAME) expect(s.score(a, b, aa, ab), `${a} / ${b}`).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
	});

	it('different changes score below it', () => {
		const s = new PairScorer(corpus);
		for (const [a, aa, b, ab] of DIFFERENT) expect(s.score(a, b, aa, ab), `${a} / ${b}`).toBeLessThan(REPEAT_THRESHOLD);
	});

	it('the same subject with another action scores lower than the same action: training GPs is not auditing GPs', () => {
		const s = new PairScorer(corpus);
		const train = 'GP practices should train their staff to ask patients about domestic abuse.';
		const trainAgain = 'General practice staff should receive training on routine enquiry about abuse.';
		const audit = 'GP practices should audit their records of patients who disclosed domestic abuse.';
		expect(s.score(train, trainAgain, 'GP practice', 'GP practice')).toBeGreaterThan(s.score(train, audit, 'GP practice', 'GP practice'));
		expect(features(audit).concepts).toEqual(expect.arrayContaining(['audit', 'gp']));
		expect(isAction('audit')).toBe(true);
		expect(isAction('gp')).toBe(false);
	});

	it('reads NHS England and commissioners as health, and a university hospital trust as health', () => {
		expect(agencyType('NHS England')).toBe('health');
		expect(agencyType('Clinical Commissioning Groups')).toBe('health');
		expect(agencyType('London North West University Healthcare NHS Trust')).toBe('health');
		expect(agencyType('Cardiff Metropolitan University')).toBe('education');
		expect(agencyType('Department of Health and Social Care')).toBe('national');
	});

	it('knows kinds of agency, and "all agencies" fits any', () => {
		expect(agencyType('Fenbury Police')).toBe('police');
		expect(agencyType('Fenbury Hospitals NHS Trust')).toBe('health');
		expect(agencyType('All agencies')).toBe('any');
		expect(sameAgencyKind('police', 'health')).toBe(false);
		expect(sameAgencyKind('any', 'health')).toBe(true);
		expect(sameAgencyKind(null, 'police')).toBe(true);
	});

	it('the finder puts a reworded repeat of another review into one lesson and says why', () => {
		const rec = (id: string, review: string, year: number, [text, agency]: [string, string]): RepeatInput => ({
			recommendation_id: id, review_id: review, year, rec_number: 1, agency, text, themes: ['routine_enquiry'], actions: 0, completed: 0, open: 0, overdue: 0
		});
		const [a, aa, b, ab] = SAME[0];
		const [, , c, ca] = DIFFERENT[0];
		const { lessons } = wordingLessons([rec('X1', 'RA', 2019, [a, aa]), rec('X2', 'RB', 2022, [b, ab]), rec('X3', 'RC', 2023, [c, ca])]);
		expect(lessons.map((l) => l.recommendations.map((r) => r.recommendation_id))).toEqual([['X1', 'X2']]);
		const [m] = lessons[0].matches!;
		expect(m.concepts).toEqual(expect.arrayContaining(['GP or primary care', 'identifying abuse (asking, recognising)']));
		expect(matchReason(m)).toMatch(/^Similar meaning \(\d+%\): both name .*GP or primary care/);
		expect(lessonReason(lessons[0])).toMatch(/^Why: they name /);
	});
});

describe('the evaluation', () => {
	const pairs: Pair[] = [...SAME.map((p) => [...p, true] as const), ...DIFFERENT.map((p) => [...p, false] as const)].map(([a, aa, b, ab, same], i) => ({
		text_a: a, agency_a: aa, text_b: b, agency_b: ab, same, review_a: `A${i}`, review_b: `B${i}`
	}));

	it('counts and prints a line beginning "pairs" whose last column is F1', () => {
		const c = counts([0.9, 0.1, 0.5, 0.2], [true, true, false, false], 0.4);
		expect(c).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
		const line = pairsLine(c);
		expect(line.startsWith('pairs ')).toBe(true);
		expect(line.split(/\s+/).at(-1)).toBe('0.500');
		expect(line).toMatch(/precision 0\.500 {2}recall 0\.500 {2}F1 0\.500$/);
	});

	it('reads pairs and refuses a bad row, naming the file, row and column', () => {
		expect(readPairs('text_a,text_b,same\nx,y,1\n', 'p.csv')).toHaveLength(1);
		expect(() => readPairs('text_a,text_b,same\nx,y,maybe\n', 'p.csv')).toThrow(new PairsError('p.csv, row 2, column "same": "maybe" is not 1 or 0.'));
		expect(() => readPairs('a,b\n', 'p.csv')).toThrow(/no column "text_a"/);
	});

	it('grouped cross-validation never chooses on a review it tests on', () => {
		const cv = groupedCv(pairs, 3);
		for (const f of cv.folds) expect(f.trainPairs + f.testPairs).toBe(pairs.length);
		expect(cv.pooled.pairs).toBe(pairs.length);
		expect(foldOf('RA', 5)).toBe(foldOf('RA', 5));
	});

	it('npm run eval:repeats -- --labels FILE prints the pairs line at the app threshold', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'repeats-'));
		const file = path.join(dir, 'pairs.csv');
		const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
		writeFileSync(file, 'text_a,agency_a,text_b,agency_b,same\n' + pairs.map((p) => [p.text_a, p.agency_a!, p.text_b, p.agency_b!].map(q).join(',') + `,${p.same ? 1 : 0}`).join('\n') + '\n');
		const out = execFileSync('npx', ['tsx', 'scripts/eval-repeats.ts', '--labels', file], { encoding: 'utf8' });
		const line = out.split('\n').find((l) => l.startsWith('pairs'))!;
		expect(line).toBeDefined();
		expect(Number(line.split(/\s+/).at(-1))).toBe(1);
	}, 60_000);

	it.skipIf(!existsSync(path.resolve('../collected/pairs.csv')))('on the real pairs kept beside the project (skipped where they are not)', () => {
		const out = execFileSync('npx', ['tsx', 'scripts/eval-repeats.ts', '--labels', path.resolve('../collected/pairs.csv')], { encoding: 'utf8' });
		expect(out).toMatch(/^pairs \d+ {2}positives \d+ .* F1 \d\.\d{3}$/m);
	}, 60_000);
});
