// Every page is prerendered as a static shell; the data is loaded and queried in the browser.
export const prerender = true;
