/**
 * The tagger's speed measurement, shared by the browser page /bench/tagger (driven by `npm run bench`)
 * and `scripts/bench-tagger.ts` (the same code under Node): compile the committed model once, tag N
 * distinct recommendation texts built from fixed fictional phrases (no real text is needed), then
 * refit once on 300 coded rows. Milliseconds of this machine; the target is 1,000 texts in 2 s once
 * the model is loaded.
 */
import { committedModel, refitModel, tagRecommendation } from './tags';

const WHO = ['The police', 'GP practices', 'The mental health trust', 'Housing providers', 'Adult social care', 'The Community Safety Partnership', 'Probation', 'All agencies'];
const WHAT = [
	'should review their domestic abuse policy and procedures',
	'should train frontline staff to recognise coercive control',
	'should ensure DASH risk assessments are completed and referred to MARAC',
	'should record disclosures of abuse accurately in case notes',
	'should share information with partner agencies without delay',
	'should raise public awareness of economic abuse',
	'should ask patients about domestic abuse when seen alone',
	'should add an alert to the electronic record'
];
const ABOUT = ['for older people and their carers', 'where children live in the household', 'where alcohol or drugs are involved', 'when the victim uses an interpreter', ''];

/** N distinct fictional recommendation texts. */
export function benchTexts(n: number): string[] {
	return Array.from({ length: n }, (_, i) => `${WHO[i % WHO.length]} ${WHAT[Math.floor(i / WHO.length) % WHAT.length]} ${ABOUT[i % ABOUT.length]} (review ${i + 1}).`);
}

export interface TaggerTimings {
	texts: number;
	compile_ms: number;
	tag_ms: number;
	labels: number;
	refit_ms: number;
}

export function timeTagger(n = 1000, now: () => number = () => performance.now()): TaggerTimings {
	const texts = benchTexts(n);
	let t = now();
	committedModel();
	const compile = now() - t;
	t = now();
	let labels = 0;
	for (const text of texts) {
		const r = tagRecommendation(text);
		labels += r.categories.length + r.topics.length;
	}
	const tag = now() - t;
	t = now();
	refitModel(texts.slice(0, 300).map((text, i) => ({ text, categories: [i % 2 ? 'policy' : 'training'], topics: [] })));
	const refit = now() - t;
	const r1 = (x: number) => Math.round(x * 10) / 10;
	return { texts: n, compile_ms: r1(compile), tag_ms: r1(tag), labels, refit_ms: r1(refit) };
}
