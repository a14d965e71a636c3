import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import zlib from 'node:zlib';
import { firstViewIsCurrent } from './scripts/lib/first-view.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const outDir = `build${process.env.DHR_OUT ? `-${process.env.DHR_OUT}` : ''}`;

/**
 * The overview's figures for the default state, computed at build time (scripts/first-view.ts) into
 * static/data/demo/first-view.json whenever that file is missing or was computed from other files.
 */
function firstView(): Plugin {
	let done = false;
	return {
		name: 'dhr-first-view',
		apply: 'build',
		buildStart() {
			if (done) return;
			done = true;
			if (firstViewIsCurrent('static/data/demo')) return;
			execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/first-view.ts'], { stdio: 'inherit' });
		}
	};
}

/**
 * Precompressed copies (.br and .gz) of everything worth compressing in the built site, written after
 * the adapter has copied it (static files, the DuckDB wasm and the demo's Arrow files included), for
 * a server that serves them (scripts/lib/serve.js does). Brotli quality by size: 11 under 256 kB, 9
 * under 4 MB, 5 for DuckDB's two wasm files (74 MB). Quality 11 throughout would add about three
 * minutes to every build on two cores (83 s for the eh wasm alone) for about 16% fewer bytes of
 * wasm (see README, Performance); adapter-static's own precompress is off because it always uses
 * quality 11 (and skips .arrows).
 */
function precompress(): Plugin {
	const TEXT = /\.(html|js|mjs|json|css|svg|xml|txt|csv)$/;
	const BINARY = /\.(wasm|arrows)$/;
	return {
		name: 'dhr-precompress',
		apply: 'build',
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				// SvelteKit runs the adapter when its server build closes; this runs after it.
				if (!this.environment?.config.build.ssr) return;
				const t0 = performance.now();
				const files = (readdirSync(outDir, { recursive: true }) as string[])
					.map((f) => path.join(outDir, f))
					.filter((f) => (TEXT.test(f) || BINARY.test(f)) && statSync(f).isFile() && statSync(f).size >= 1024);
				let before = 0;
				let after = 0;
				await Promise.all(
					files.map(async (f) => {
						const bytes = readFileSync(f);
						const large = bytes.length > 4e6;
						const [br, gz] = await Promise.all([
							brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: large ? 5 : bytes.length > 256e3 ? 9 : 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
							gzip(bytes, { level: large ? 6 : 9 })
						]);
						writeFileSync(`${f}.br`, br);
						writeFileSync(`${f}.gz`, gz);
						before += bytes.length;
						after += br.length;
					})
				);
				const mb = (n: number) => (n / 1e6).toFixed(1);
				console.log(`Precompressed ${files.length} files: ${mb(before)} MB -> ${mb(after)} MB brotli, in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
			}
		}
	};
}

export default defineConfig({
	plugins: [firstView(), sveltekit(), precompress()],
	// DuckDB-WASM ships its own workers and wasm; let Vite copy them as assets rather than pre-bundle.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	// ES-module workers (the import worker is started with type: 'module') keep their dynamic imports
	// as separate chunks: pdf.js is fetched only when a PDF is read, not with every import.
	worker: { format: 'es' },
	preview: { port: 4173, strictPort: true },
	server: { port: 5173 }
});
