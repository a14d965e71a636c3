// Runs in the page before any of its own scripts (playwright addInitScript). Records, in
// performance.now() time (ms since navigation start):
//   __marks.firstChart        the overview's theme × year heat map has its cells drawn
//   __marks.firstChartEngine  the same, drawn from DuckDB's own result (not the build-time one)
//   __marks.interactive       no query running (main[data-busy=false]) and the filter bar filled in
//                             (its period lists have the data's years)
// and, while window.__sqlCapture is true, every statement sent to DuckDB's worker (text and
// parameters) into window.__sqlLog: the SQL a filter change runs, to replay it bare on the baseline.
export function instrument() {
	const marks = {};
	window.__marks = marks;
	const check = () => {
		const now = performance.now();
		if (marks.firstChart == null && document.querySelector('[data-testid="chart-theme-year"] g.cells rect')) marks.firstChart = now;
		if (marks.firstChartEngine == null && document.querySelector('[data-testid="overview-theme-year"][data-source="engine"] [data-testid="chart-theme-year"] g.cells rect')) {
			marks.firstChartEngine = now;
		}
		if (
			marks.interactive == null &&
			document.querySelector('main[data-busy="false"]') &&
			document.querySelector('[data-testid="filter-from"] option:nth-child(2)')
		) {
			marks.interactive = now;
		}
	};
	new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-busy', 'data-source'] });

	// Main-thread tasks longer than 50 ms (the Long Tasks API), while __sqlCapture is on: a filter
	// change must never block the page.
	window.__longTasks = [];
	try {
		new PerformanceObserver((list) => {
			if (window.__sqlCapture) for (const e of list.getEntries()) window.__longTasks.push(e.duration);
		}).observe({ type: 'longtask' });
	} catch {
		/* not supported: nothing recorded */
	}

	window.__sqlCapture = false;
	window.__sqlLog = [];
	const Base = window.Worker;
	window.Worker = class extends Base {
		constructor(url, options) {
			super(url, options);
			const requests = new Map();
			const statements = new Map();
			const post = this.postMessage.bind(this);
			this.postMessage = (msg, transfer) => {
				try {
					const t = msg && msg.type;
					if (t === 'CREATE_PREPARED') requests.set(msg.messageId, { conn: msg.data[0], sql: msg.data[1] });
					else if (window.__sqlCapture && (t === 'RUN_QUERY' || t === 'START_PENDING_QUERY')) window.__sqlLog.push({ sql: msg.data[1], params: [] });
					else if (window.__sqlCapture && (t === 'RUN_PREPARED' || t === 'SEND_PREPARED')) {
						window.__sqlLog.push({ sql: statements.get(`${msg.data[0]}|${msg.data[1]}`) ?? null, params: msg.data[2] ?? [] });
					}
				} catch {
					/* never break the app */
				}
				return post(msg, transfer);
			};
			this.addEventListener('message', (e) => {
				const r = e.data;
				if (r && r.type === 'PREPARED_STATEMENT_ID' && requests.has(r.requestId)) {
					// Statement ids are per connection.
					const q = requests.get(r.requestId);
					requests.delete(r.requestId);
					statements.set(`${q.conn}|${r.data}`, q.sql);
				}
			});
		}
	};
}
