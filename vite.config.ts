import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	// DuckDB-WASM ships its own workers and wasm; let Vite copy them as assets rather than pre-bundle.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	preview: { port: 4173, strictPort: true },
	server: { port: 5173 }
});
