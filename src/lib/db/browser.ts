/**
 * The engine in the browser: one DuckDB-WASM instance in a Web Worker, started once. The wasm
 * bundles and workers are imported as URLs, so Vite copies them into the build with hashed names and
 * the app serves them itself (no CDN). Import this module only in the browser (it creates a Worker).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { QUERY_CONFIG, SESSION_SETTINGS, type ConsoleConnection, type Engine, type Param } from './engine';
import { once } from './once';
import { toRows } from './rows';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

const engine = once(open);

/** The engine, started on first call; later and concurrent calls share the same promise. */
export function startEngine(): Promise<Engine> {
	return engine.get();
}

async function open(): Promise<Engine> {
	// The eh (exception handling) bundle where the browser supports it; mvp otherwise.
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: QUERY_CONFIG });
	const conn = await db.connect();
	await conn.query(SESSION_SETTINGS);

	const run = async (sql: string, params?: readonly Param[]): Promise<Table> => {
		if (!params || params.length === 0) return conn.query(sql);
		const stmt = await conn.prepare(sql);
		try {
			return await stmt.query(...params);
		} finally {
			await stmt.close();
		}
	};

	return {
		async query(sql, params) {
			return toRows(await run(sql, params));
		},
		queryArrow: run,
		async exec(sql) {
			await conn.query(sql);
		},
		async insertArrowIPC(name, ipc) {
			await conn.insertArrowFromIPCStream(ipc, { name, create: true });
		},
		async close() {
			await conn.close();
			await db.terminate();
			engine.reset();
		},
		async connectConsole() {
			return consoleConnection(await db.connect());
		}
	};
}

/**
 * The console's connection. `send` streams the result batch by batch, so a long query can be
 * cancelled (`cancelSent`) and a huge result stops at `maxRows` instead of filling the memory.
 */
function consoleConnection(c: duckdb.AsyncDuckDBConnection): ConsoleConnection {
	return {
		async exec(sql) {
			await c.query(sql);
		},
		queryArrow: (sql) => c.query(sql),
		send(sql, maxRows) {
			const result = (async () => {
				const reader = await c.send(sql, true);
				const batches: RecordBatch[] = [];
				let rows = 0;
				let truncated = false;
				for await (const batch of reader) {
					batches.push(batch);
					rows += batch.numRows;
					if (rows > maxRows) {
						truncated = true;
						break;
					}
				}
				const table = batches.length ? new Table(batches) : new Table(reader.schema);
				return { table: truncated ? table.slice(0, maxRows) : table, truncated };
			})();
			return {
				result,
				async cancel() {
					await c.cancelSent();
				}
			};
		},
		async close() {
			await c.close();
		}
	};
}
