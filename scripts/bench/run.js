// npm run bench [-- --runs N] [--sizes demo,100k,1m] [--changes N] [--out FILE]
//
// Builds the site if needed, then for each dataset size serves it on loopback and drives headless
// Chromium (a fresh profile per cold run): the app's first page and the baseline page (DuckDB alone,
// /bench/baseline) `runs` times each, then one series of filter changes on /themes, /agencies and
// /actions whose SQL is replayed bare on the baseline page. Writes bench/results.json (unless
// --out -) and prints a table. Numbers are measurements of this machine, not assertions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDir, buildIfNeeded, root } from '../lib/build.js';
import { serve } from '../lib/serve.js';
import { CHROMIUM } from './chromium.js';
import { ensureDataset, SIZES } from './data.js';
import { bareReplay, coldApp, coldBaseline, coldTagger, filterSeries } from './measure.js';
import { median, percentile, ratio, summary } from './stats.js';

const arg = (name, dflt) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', 5));
const sizes = arg('sizes', 'demo,100k,1m').split(',');
const changes = Number(arg('changes', 20));
const outFile = arg('out', path.join(root, 'bench/results.json'));
const ROUTES = ['/themes', '/agencies', '/actions'];
const TIMEOUT = { demo: 60_000, '100k': 120_000, '1m': 300_000 };

export const TARGETS = {
	first_chart_ms: { demo: 1000 },
	ratio_interactive_baseline: { all: 1.15 },
	filter_p95_ms: { demo: 30, '1m': 100 },
	js_gzip_kb: { all: 200 },
	peak_memory_mb: { '1m': 600 },
	tagger_1000_ms: { all: 2000 }
};

for (const s of sizes) if (!SIZES[s]) throw new Error(`Unknown size "${s}": use ${Object.keys(SIZES).join(', ')}.`);
const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

buildIfNeeded();

async function measureSize(size) {
	const { dir, meta } = ensureDataset(size);
	const timeout = TIMEOUT[size];
	const { server, url } = await serve(0, '127.0.0.1', { dataDir: dir });
	const result = { dataset: { reviews: meta.row_counts.reviews, actions: meta.row_counts.actions, recommendations: meta.row_counts.recommendations }, errors: [] };
	const note = (what, e) => {
		const m = `${what}: ${e?.message ?? e}`;
		result.errors.push(m);
		log(`  ! ${m}`);
	};
	try {
		const app = [];
		const base = [];
		// Interleaved, so a slower minute of the machine affects both alike.
		for (let i = 0; i < runs; i++) {
			try {
				const a = await coldApp(url, timeout);
				app.push(a);
				for (const e of a.errors) note(`app run ${i + 1}`, e);
				log(`${size} app ${i + 1}/${runs}: first chart ${Math.round(a.first_chart_ms)} ms (DuckDB's ${Math.round(a.first_chart_engine_ms)} ms), interactive ${Math.round(a.interactive_ms)} ms, js ${a.js_gzip_kb.toFixed(1)} kB gzip, peak ${a.peak_memory_mb} MB`);
			} catch (e) {
				note(`app run ${i + 1}`, e);
			}
			try {
				const b = await coldBaseline(url, timeout);
				base.push(b);
				for (const e of b.errors) note(`baseline run ${i + 1}`, e);
				log(`${size} baseline ${i + 1}/${runs}: engine ${Math.round(b.baseline_engine_ms)} ms, loaded ${Math.round(b.baseline_loaded_ms)} ms, ready ${Math.round(b.baseline_ready_ms)} ms, peak ${b.peak_memory_mb} MB`);
			} catch (e) {
				note(`baseline run ${i + 1}`, e);
			}
		}
		const col = (xs, k) => xs.map((x) => x[k]);
		result.first_chart_ms = summary(col(app, 'first_chart_ms'));
		result.first_chart_engine_ms = summary(col(app, 'first_chart_engine_ms'));
		result.interactive_ms = summary(col(app, 'interactive_ms'));
		result.baseline_ready_ms = summary(col(base, 'baseline_ready_ms'));
		result.baseline_loaded_ms = summary(col(base, 'baseline_loaded_ms'));
		result.ratio_interactive_baseline = ratio(median(col(app, 'interactive_ms')), median(col(base, 'baseline_ready_ms')));
		result.js_gzip_kb = app.length ? Math.round(median(col(app, 'js_gzip_kb')) * 10) / 10 : null;
		result.js_files = app.length ? median(col(app, 'js_files')) : null;
		result.wasm = [...new Set(app.flatMap((a) => a.wasm))];

		let peak = Math.max(0, ...col(app, 'peak_memory_mb'));
		try {
			log(`${size} filters: ${changes} changes on each of ${ROUTES.join(', ')}…`);
			const series = await filterSeries(url, ROUTES, changes, timeout);
			for (const e of series.errors) note('filter series', e);
			peak = Math.max(peak, series.peak_memory_mb);
			// Time from the first page ready to the scope tables built, in the background.
			result.scope_tables_after_interactive_ms = series.scope_wait_ms;
			const all = Object.values(series.routes).flat().map((c) => c.ms);
			result.filter_p50_ms = summary(all).median;
			result.filter_p95_ms = percentile(all, 95) == null ? null : Math.round(percentile(all, 95));
			result.filter_changes = all.length;
			// Changes answered without a query (the scheduled engine remembered every statement)
			// and the others apart: the p95 of first-time changes is the honest one.
			const fresh = Object.values(series.routes).flat().filter((c) => c.sql.length > 0).map((c) => c.ms);
			result.filter_uncached_p50_ms = summary(fresh).median;
			result.filter_uncached_p95_ms = percentile(fresh, 95) == null ? null : Math.round(percentile(fresh, 95));
			result.filter_changes_uncached = fresh.length;
			const longTasks = Object.values(series.routes).flat().flatMap((c) => c.longTasks ?? []);
			result.filter_longest_task_ms = longTasks.length ? Math.round(Math.max(...longTasks)) : 0;
			result.filter_long_tasks = longTasks.length;
			log(`${size} filters: p50 ${result.filter_p50_ms} ms, p95 ${result.filter_p95_ms} ms over ${all.length} changes; replaying their SQL bare…`);
			let bare = {};
			try {
				bare = await bareReplay(url, series.routes, timeout);
			} catch (e) {
				note('bare replay', e);
			}
			result.routes = {};
			for (const [route, list] of Object.entries(series.routes)) {
				// App against bare over the changes that sent SQL (a remembered answer has no bare twin).
				const sent = list.map((c, i) => i).filter((i) => list[i].sql.length > 0);
				const appAll = list.map((c) => c.ms);
				const appMs = sent.map((i) => list[i].ms);
				const bareMs = sent.map((i) => bare[route]?.[i]?.ms ?? null);
				const bareErrors = (bare[route] ?? []).filter((r) => r?.error).map((r) => r.error);
				if (bareErrors.length) note(`bare replay of ${route}`, `${bareErrors.length} changes failed, e.g. ${bareErrors[0]}`);
				result.routes[route] = {
					changes: list.length,
					changes_uncached: sent.length,
					statements_per_change: median(sent.map((i) => list[i].sql.length)),
					filter_p50_ms: summary(appAll).median,
					filter_p95_ms: summary(appAll).p95,
					filter_uncached_p50_ms: summary(appMs).median,
					filter_uncached_p95_ms: summary(appMs).p95,
					bare_p50_ms: summary(bareMs).median,
					bare_p95_ms: summary(bareMs).p95,
					ratio_app_bare: ratio(median(appMs), median(bareMs))
				};
				log(`${size} ${route}: app p50 ${result.routes[route].filter_uncached_p50_ms} ms (uncached) / bare p50 ${result.routes[route].bare_p50_ms} ms = ${result.routes[route].ratio_app_bare}`);
			}
		} catch (e) {
			note('filter series', e);
		}
		result.peak_memory_mb = peak || null;
	} finally {
		server.close();
	}
	return result;
}

const started = Date.now();
const results = {
	about:
		'npm run bench: medians and 95th percentiles over cold runs (fresh Chromium profile each) on loopback. Times in ms from navigation start (performance.now()). See README, Performance.',
	machine: {
		cpus: os.cpus().length,
		cpu: os.cpus()[0]?.model ?? null,
		memory_gb: Math.round(os.totalmem() / 2 ** 30),
		// Other work on the machine slows every figure: the 1-minute load average at the start and end.
		load_average: [Math.round(os.loadavg()[0] * 10) / 10],
		node: process.version,
		chromium: (() => {
			try {
				return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
			} catch {
				return null;
			}
		})()
	},
	build: path.relative(root, buildDir),
	runs,
	changes_per_route: changes,
	targets: TARGETS,
	sizes: {}
};
for (const size of sizes) {
	log(`== ${size} (${SIZES[size].label}); load average ${os.loadavg()[0].toFixed(1)}`);
	results.sizes[size] = await measureSize(size);
}
// The recommendation tagger, once: tagging does not depend on the dataset's size.
{
	const { server, url } = await serve(0, '127.0.0.1', { dataDir: ensureDataset('demo').dir });
	try {
		const t = await coldTagger(url, TIMEOUT.demo);
		results.tagger = t;
		for (const e of t.errors) log(`  ! tagger: ${e}`);
		log(`tagger: module and model loaded in ${t.load_ms} ms; ${t.texts} recommendations tagged in ${t.tag_ms} ms (target ${TARGETS.tagger_1000_ms.all}); refit on 300 in ${t.refit_ms} ms`);
	} catch (e) {
		results.tagger = { error: String(e?.message ?? e) };
		log(`  ! tagger: ${results.tagger.error}`);
	} finally {
		server.close();
	}
}
results.minutes = Math.round((Date.now() - started) / 6000) / 10;
results.machine.load_average.push(Math.round(os.loadavg()[0] * 10) / 10);

// --- the table --------------------------------------------------------------------------------
const target = (metric, size) => TARGETS[metric]?.[size] ?? TARGETS[metric]?.all ?? null;
const ms = (s) => (s && s.median != null ? `${s.median} / ${s.p95}` : '–');
const rows = [
	['first_chart_ms (median / p95)', (r) => ms(r.first_chart_ms), 'first_chart_ms', (r) => r.first_chart_ms?.median],
	['  first chart from DuckDB', (r) => ms(r.first_chart_engine_ms)],
	['interactive_ms', (r) => ms(r.interactive_ms)],
	['baseline_ready_ms', (r) => ms(r.baseline_ready_ms)],
	['interactive / baseline', (r) => r.ratio_interactive_baseline ?? '–', 'ratio_interactive_baseline', (r) => r.ratio_interactive_baseline],
	['filter_p50_ms', (r) => r.filter_p50_ms ?? '–'],
	['filter_p95_ms', (r) => r.filter_p95_ms ?? '–', 'filter_p95_ms', (r) => r.filter_p95_ms],
	['  uncached changes p50 / p95', (r) => (r.filter_uncached_p50_ms != null ? `${r.filter_uncached_p50_ms} / ${r.filter_uncached_p95_ms}` : '–')],
	['  longest main-thread task', (r) => (r.filter_longest_task_ms != null ? `${r.filter_longest_task_ms} ms (${r.filter_long_tasks} over 50 ms)` : '–')],
	...ROUTES.map((route) => [`  ${route} app/bare (p50 ms, uncached)`, (r) => (r.routes?.[route] ? `${r.routes[route].filter_uncached_p50_ms}/${r.routes[route].bare_p50_ms} = ${r.routes[route].ratio_app_bare}` : '–')]),
	['js_gzip_kb', (r) => r.js_gzip_kb ?? '–', 'js_gzip_kb', (r) => r.js_gzip_kb],
	['peak_memory_mb', (r) => r.peak_memory_mb ?? '–', 'peak_memory_mb', (r) => r.peak_memory_mb],
	['scope tables built after interactive', (r) => (r.scope_tables_after_interactive_ms != null ? `${r.scope_tables_after_interactive_ms} ms` : '–')]
];
const table = rows.map(([label, show, metric, value]) => {
	const row = { metric: label };
	for (const size of sizes) {
		const r = results.sizes[size];
		const t = metric ? target(metric, size) : null;
		const v = value?.(r);
		row[size] = `${show(r)}${t != null && v != null ? (v <= t ? ` ✓ (≤${t})` : ` ✗ (≤${t})`) : ''}`;
	}
	return row;
});
console.log();
console.table(table);
for (const size of sizes) for (const e of results.sizes[size].errors) console.log(`${size}: ${e}`);
if (results.tagger?.tag_ms != null) console.log(`tagger: ${results.tagger.texts} recommendations in ${results.tagger.tag_ms} ms ${results.tagger.tag_ms <= TARGETS.tagger_1000_ms.all ? '✓' : '✗'} (≤${TARGETS.tagger_1000_ms.all}) once loaded (${results.tagger.load_ms} ms to load)`);
if (outFile !== '-') {
	mkdirSync(path.dirname(outFile), { recursive: true });
	writeFileSync(outFile, JSON.stringify(results, null, '\t') + '\n');
	log(`Wrote ${path.relative(root, outFile)} (${results.minutes} min).`);
}
