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
		adapter: adapter({ pages: `build${suffix}`, assets: `build${suffix}`, fallback: '200.html', precompress: false, strict: true }),
		outDir: `.svelte-kit${suffix}`
	}
};

export default config;
