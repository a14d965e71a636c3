import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests run under Node with DuckDB-WASM's Node bundle: the same engine and SQL as the browser.
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
