import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site: every page is prerendered as a shell; the data is loaded and queried in the
		// browser by DuckDB-WASM. `fallback` serves routes with ids unknown at build time.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', precompress: false, strict: true })
	}
};

export default config;
