import { downloadBlob } from '../export/download';

/** Save text as a file from the browser (no server involved): JSON and Markdown exports of the console. */
export function downloadText(filename: string, text: string, type: string): void {
	downloadBlob(filename, new Blob([text], { type }));
}

/** A link to the console with this SQL, keeping the other parameters (the filters) of `current`. */
export function shareUrl(current: URL, sql: string): string {
	const u = new URL(current.href);
	u.searchParams.set('sql', sql);
	return u.href;
}
