// One measurement each: a cold load of the app's first page, a cold load of the baseline page, a
// series of filter changes on the app (recording the SQL each runs), and that SQL replayed bare.
import { gzipSync } from 'node:zlib';
import { launchFresh } from './chromium.js';
import { BENCH_DIMENSIONS as DIMS } from './dimensions.js';

const within = (ms, what, p) =>
	Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms).unref())]);

function watch(page, origin) {
	const errors = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
	page.on('request', (r) => {
		const u = r.url();
		if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) errors.push(`foreign request: ${u}`);
	});
	return errors;
}

/** Cold load of `/`: first chart, interactive, JavaScript loaded (gzip), peak memory. */
export async function coldApp(url, timeoutMs) {
	const b = await launchFresh();
	try {
		const page = await b.context.newPage();
		const origin = new URL(url).origin;
		const errors = watch(page, origin);
		const scripts = [];
		let counting = true;
		const wasm = [];
		b.context.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.split('/').pop()));
		page.on('response', (r) => {
			const u = new URL(r.url());
			if (!counting || u.origin !== origin || !u.pathname.endsWith('.js')) return;
			// DuckDB's worker script is excluded (as is its wasm, not .js).
			if (/duckdb-browser-[a-z]+\.worker/.test(u.pathname)) return;
			scripts.push(r.body().then((body) => ({ path: u.pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }), () => null));
		});
		await page.goto(url + '/', { waitUntil: 'commit' });
		await within(timeoutMs, 'the first page', page.waitForFunction(() => window.__marks?.interactive != null, null, { timeout: 0, polling: 50 }));
		counting = false;
		const marks = await page.evaluate(() => window.__marks);
		const js = (await Promise.all(scripts)).filter(Boolean);
		return {
			first_chart_ms: marks.firstChart ?? null,
			first_chart_engine_ms: marks.firstChartEngine ?? null,
			interactive_ms: marks.interactive,
			js_gzip_kb: js.reduce((s, f) => s + f.gzip, 0) / 1024,
			js_files: js.length,
			// Which DuckDB bundle the browser chose (eh where it supports wasm exceptions).
			wasm,
			peak_memory_mb: b.peakMemoryMb(),
			errors
		};
	} finally {
		await b.close();
	}
}

/**
 * The tagger on /bench/tagger, in a fresh Chromium: its module and model loaded as /import loads
 * them, then 1,000 fictional recommendations tagged and one refit (src/lib/lessons/tagger-bench.ts).
 */
export async function coldTagger(url, timeoutMs) {
	const b = await launchFresh();
	try {
		const page = await b.context.newPage();
		const errors = watch(page, new URL(url).origin);
		await page.goto(url + '/bench/tagger', { waitUntil: 'commit' });
		await within(timeoutMs, 'the tagger page', page.waitForFunction(() => window.__benchTagger?.timings || window.__benchTagger?.error, null, { timeout: 0, polling: 50 }));
		const { timings, error } = await page.evaluate(() => window.__benchTagger);
		if (error) throw new Error(`tagger page: ${error}`);
		return { ...timings, errors };
	} finally {
		await b.close();
	}
}

/** Cold load of the baseline page: DuckDB started, data loaded, the first view's queries done. */
export async function coldBaseline(url, timeoutMs) {
	const b = await launchFresh();
	try {
		const page = await b.context.newPage();
		const errors = watch(page, new URL(url).origin);
		let dataFetches = 0;
		page.on('request', (r) => r.url().endsWith('/actions.arrows') && dataFetches++);
		await page.goto(url + '/bench/baseline', { waitUntil: 'commit' });
		await within(timeoutMs, 'the baseline page', page.waitForFunction(() => window.__bench?.timings || window.__bench?.error, null, { timeout: 0, polling: 50 }));
		const { timings, error } = await page.evaluate(() => window.__bench);
		if (error) throw new Error(`baseline page: ${error}`);
		// The app's own loading must not run beside the baseline (the root layout skips /bench/).
		if (dataFetches !== 1) errors.push(`the data was fetched ${dataFetches} times on the baseline page (expected once)`);
		return { baseline_ready_ms: timings.ready_ms, baseline_loaded_ms: timings.loaded_ms, baseline_engine_ms: timings.engine_ms, peak_memory_mb: b.peakMemoryMb(), errors };
	} finally {
		await b.close();
	}
}

/**
 * On each route (reached by the header's links, so the engine stays loaded), `changes` filter
 * changes: open a dimension's list, tick its n-th option, then untick it, cycling through the
 * dimensions. Each is timed in the page from the click to the URL changed, a frame drawn and no query running
 * (main[data-busy=false]); the SQL sent to DuckDB meanwhile is recorded.
 */
export async function filterSeries(url, routes, changes, timeoutMs) {
	const b = await launchFresh();
	try {
		const page = await b.context.newPage();
		const errors = watch(page, new URL(url).origin);
		await page.goto(url + '/', { waitUntil: 'commit' });
		await within(timeoutMs, 'the first page', page.waitForFunction(() => window.__marks?.interactive != null, null, { timeout: 0, polling: 100 }));
		// The scope tables are built in the background after the first page; filter changes are
		// timed once they are (the time it takes is reported as scope_ready_ms).
		const t0 = Date.now();
		await within(timeoutMs, 'the scope tables', page.waitForSelector('main[data-scope="ready"]', { timeout: 0 }));
		const scopeWaitMs = Date.now() - t0;
		const out = {};
		for (const route of routes) {
			await page.locator(`header nav a[href="${route}"], header nav a[href^="${route}?"]`).first().click();
			await page.waitForURL((u) => u.pathname === route);
			await within(timeoutMs, route, page.waitForSelector('main[data-busy="false"]', { timeout: 0 }));
			const list = [];
			for (let i = 0; i < changes; i++) {
				const dim = DIMS[Math.floor(i / 2) % DIMS.length];
				const nth = Math.floor(i / (2 * DIMS.length));
				const r = await within(
					timeoutMs,
					`${route} change ${i + 1}`,
					page.evaluate(
						async ({ dim, nth }) => {
							const tick = () => new Promise((r) => setTimeout(r, 1));
							const busy = () => document.querySelector('main')?.dataset.busy !== 'false';
							// Open the dimension's list as a user would (its options may load only then).
							const list = document.querySelector(`[data-testid="filter-${dim}"]`);
							if (!list) return null;
							const boxes = () => list.querySelectorAll('input[type=checkbox]');
							if (list instanceof HTMLDetailsElement && !list.open) list.open = true;
							const until = performance.now() + 30_000;
							while ((!boxes().length || busy()) && performance.now() < until) await tick();
							const all = boxes();
							const box = all[Math.min(nth, all.length - 1)];
							if (!box) return null;
							const before = location.search;
							window.__sqlLog = [];
							window.__longTasks = [];
							window.__sqlCapture = true;
							const start = performance.now();
							box.click();
							while (location.search === before) await new Promise((r) => setTimeout(r, 1));
							await new Promise((r) => requestAnimationFrame(() => r(null)));
							while (busy()) await new Promise((r) => setTimeout(r, 1));
							const ms = performance.now() - start;
							// Long tasks are reported a little after they end.
							await new Promise((r) => setTimeout(r, 20));
							window.__sqlCapture = false;
							return { ms, sql: window.__sqlLog, longTasks: window.__longTasks, search: location.search };
						},
						{ dim, nth }
					)
				);
				if (r) list.push(r);
			}
			out[route] = list;
		}
		return { routes: out, scope_wait_ms: scopeWaitMs, peak_memory_mb: b.peakMemoryMb(), errors };
	} finally {
		await b.close();
	}
}

/** The SQL of each recorded change run bare, in order, on the baseline page's DuckDB. */
export async function bareReplay(url, series, timeoutMs) {
	const b = await launchFresh();
	try {
		const page = await b.context.newPage();
		await page.goto(url + '/bench/baseline', { waitUntil: 'commit' });
		await within(timeoutMs, 'the baseline page', page.waitForFunction(() => window.__bench?.timings || window.__bench?.error, null, { timeout: 0, polling: 100 }));
		// The same scope tables the app reads once it has built them.
		await within(timeoutMs, 'the scope tables', page.evaluate(() => window.__bench.materialise()));
		const out = {};
		for (const [route, changes] of Object.entries(series)) {
			out[route] = [];
			for (const c of changes) {
				const r = await within(
					timeoutMs,
					`bare SQL of ${route}`,
					page.evaluate(async (log) => {
						let ms = 0;
						let statements = 0;
						try {
							for (const q of log) {
								if (!q.sql) continue;
								ms += await window.__bench.run(q.sql, q.params);
								statements++;
							}
						} catch (e) {
							return { ms: null, statements, error: String(e?.message ?? e).slice(0, 300) };
						}
						return { ms, statements };
					}, c.sql)
				);
				out[route].push(r);
			}
		}
		return out;
	} finally {
		await b.close();
	}
}
