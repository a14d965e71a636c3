// Review ids are known only once the data is loaded in the browser: served by the app shell.
export const prerender = false;
