/**
 * npx tsx scripts/bench-tagger.ts [--n 1000]
 *
 * Times the recommendation tagger under Node: the same measurement (src/lib/lessons/tagger-bench.ts)
 * that `npm run bench` takes in Chromium on /bench/tagger. Prints milliseconds; a measurement of this
 * machine, not an assertion.
 */
import { timeTagger } from '../src/lib/lessons/tagger-bench';

const i = process.argv.indexOf('--n');
const n = i > 0 ? Number(process.argv[i + 1]) : 1000;
const t = timeTagger(n);
console.log(`compile the model: ${t.compile_ms.toFixed(0)} ms`);
console.log(`tag ${n} texts: ${t.tag_ms.toFixed(0)} ms (${(t.tag_ms / n).toFixed(2)} ms each; ${t.labels} labels; target 1,000 in 2,000 ms)`);
console.log(`refit on 300 coded rows: ${t.refit_ms.toFixed(0)} ms`);
