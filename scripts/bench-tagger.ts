/**
 * npx tsx scripts/bench-tagger.ts [--n 1000]
 *
 * Times the recommendation tagger under Node (the same code the import worker runs in the browser):
 * compiling the committed model once, then tagging N distinct recommendation texts (built from
 * fixed fictional phrases, so no real text is needed), then one refit on 300 coded rows. Prints
 * milliseconds; the target is 1,000 texts in 2 s once loaded. A measurement of this machine, not
 * an assertion (kept out of `npm run bench`, which drives Chromium for the pages).
 */
import { performance } from 'node:perf_hooks';
import { committedModel, refitModel, tagRecommendation } from '../src/lib/lessons/tags';

const arg = (name: string, dflt: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const n = arg('n', 1000);

const who = ['The police', 'GP practices', 'The mental health trust', 'Housing providers', 'Adult social care', 'The Community Safety Partnership', 'Probation', 'All agencies'];
const what = [
	'should review their domestic abuse policy and procedures',
	'should train frontline staff to recognise coercive control',
	'should ensure DASH risk assessments are completed and referred to MARAC',
	'should record disclosures of abuse accurately in case notes',
	'should share information with partner agencies without delay',
	'should raise public awareness of economic abuse',
	'should ask patients about domestic abuse when seen alone',
	'should add an alert to the electronic record'
];
const about = ['for older people and their carers', 'where children live in the household', 'where alcohol or drugs are involved', 'when the victim uses an interpreter', ''];
const texts = Array.from({ length: n }, (_, i) => `${who[i % who.length]} ${what[Math.floor(i / who.length) % what.length]} ${about[i % about.length]} (review ${i + 1}).`);

let t = performance.now();
committedModel();
const load = performance.now() - t;
t = performance.now();
let tags = 0;
for (const text of texts) {
	const r = tagRecommendation(text);
	tags += r.categories.length + r.topics.length;
}
const tag = performance.now() - t;
t = performance.now();
refitModel(texts.slice(0, 300).map((text, i) => ({ text, categories: [i % 2 ? 'policy' : 'training'], topics: [] })));
const refit = performance.now() - t;
console.log(`compile the model: ${load.toFixed(0)} ms`);
console.log(`tag ${n} texts: ${tag.toFixed(0)} ms (${(tag / n).toFixed(2)} ms each; ${tags} labels; target 1,000 in 2,000 ms)`);
console.log(`refit on 300 coded rows: ${refit.toFixed(0)} ms`);
