import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// DHR_OUT=name builds into build-name/ (and .svelte-kit-name/), so several builds can run side by side.
const suffix = process.env.DHR_OUT ? `-${process.env.DHR_OUT}` : '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site: every page is prerendered as a shell; the data is loaded and queried in the
		// browser by DuckDB-WASM. `fallback` serves routes with ids unknown at build time.
		// precompress off: vite.config.ts writes .br and .gz itself, for the wasm and .arrows files too,
		// at a brotli quality that keeps the build short (this one is fixed at 11: minutes for the wasm).
		adapter: adapter({ pages: `build${suffix}`, assets: `build${suffix}`, fallback: '200.html', precompress: false, strict: true }),
		outDir: `.svelte-kit${suffix}`,
		// Content-Security-Policy: only the app's own origin. Prerendered pages carry it as a <meta>
		// with hashes of SvelteKit's inline bootstrap script; scripts/lib/serve.js sends the same
		// policy as a header, adding frame-ancestors (which a <meta> cannot set). DuckDB needs
		// 'wasm-unsafe-eval' to compile its wasm; its worker is a same-origin file (no blob:).
		// Inline styles: Svelte and LayerCake set style="" attributes, and CodeMirror (the SQL console)
		// adds its <style> element at run time, so both are allowed; with img-src, font-src and
		// connect-src kept to 'self', an injected style still cannot send anything elsewhere.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				// blob:: a chart's PNG download draws its SVG into a canvas through a blob: URL made here.
				'img-src': ['self', 'blob:'],
				'style-src': ['self'],
				'style-src-elem': ['self', 'unsafe-inline'],
				'style-src-attr': ['unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
