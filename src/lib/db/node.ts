/**
 * The engine under Node: DuckDB-WASM's Node bundle (same wasm, same SQL as the browser), used by
 * unit tests and scripts. Blocking bindings wrapped in promises so it satisfies `Engine`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { QUERY_CONFIG, SESSION_SETTINGS, type ConsoleConnection, type Engine, type Param } from './engine';
import { toRows } from './rows';

const require = createRequire(import.meta.url);

export async function openNodeEngine(): Promise<Engine> {
	const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const bundles = {
		mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: QUERY_CONFIG });
	const conn = db.connect();
	conn.query(SESSION_SETTINGS);

	const run = (sql: string, params?: readonly Param[]): Table => {
		if (!params || params.length === 0) return conn.query(sql);
		const stmt = conn.prepare(sql);
		try {
			return stmt.query(...params);
		} finally {
			stmt.close();
		}
	};

	return {
		async query(sql, params) {
			return toRows(run(sql, params));
		},
		async queryArrow(sql, params) {
			return run(sql, params);
		},
		async exec(sql) {
			conn.query(sql);
		},
		async insertArrowIPC(name, ipc) {
			conn.insertArrowFromIPCStream(ipc, { name, create: true });
		},
		async close() {
			conn.close();
			db.reset();
		},
		async connectConsole(): Promise<ConsoleConnection> {
			// Blocking bindings: a query runs to its end, so cancel has nothing to stop.
			const c = db.connect();
			return {
				async exec(sql) {
					c.query(sql);
				},
				async queryArrow(sql) {
					return c.query(sql);
				},
				send(sql, maxRows) {
					const result = (async () => {
						const table = c.query(sql);
						const truncated = table.numRows > maxRows;
						return { table: truncated ? table.slice(0, maxRows) : table, truncated };
					})();
					return { result, cancel: async () => {} };
				},
				async close() {
					c.close();
				}
			};
		}
	};
}
