/** Save text as a file from the browser (no server involved): JSON and Markdown exports of the console. */
export function downloadText(filename: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoked a moment later: some browsers read the blob after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A link to the console with this SQL, keeping the other parameters (the filters) of `current`. */
export function shareUrl(current: URL, sql: string): string {
	const u = new URL(current.href);
	u.searchParams.set('sql', sql);
	return u.href;
}
