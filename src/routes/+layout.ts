// Every page is prerendered as a static shell; the data is loaded and queried in the browser.
export const prerender = true;
// No server rendering: every page reads its state from the URL and its data from DuckDB in the browser.
export const ssr = false;
