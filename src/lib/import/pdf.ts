/**
 * The text layer of a PDF (a published review report), with pdf.js (`pdfjs-dist`, Mozilla's reader).
 *
 * - Loaded only when a PDF is read: `readPdfText` imports pdf.js dynamically, so no page and no other
 *   import carries it (it is about 1.8 MB of script).
 * - The legacy build everywhere: it is the one that runs on Node 20 (the CLI, the tests), and the
 *   modern build relies on very new built-ins (e.g. `Map.prototype.getOrInsertComputed`).
 * - No nested worker, no request: pdf.js's own worker module is imported here and set as
 *   `globalThis.pdfjsWorker`, which pdf.js then runs in this thread (already the import Web Worker in
 *   the app). No CDN worker, no cMaps, no standard-font files, no wasm fetched; `isEvalSupported:
 *   false` because the app's Content-Security-Policy forbids `eval`/`new Function`; fonts are never
 *   installed (`disableFontFace`), only their text read.
 * - Lines are rebuilt from the text items by their baseline (y), left to right; pages are kept
 *   apart with a form feed ("\f", as `pdftotext` writes), so running headers and footers can be
 *   recognised by the report splitter.
 */
import { ImportError } from './types';

export interface PdfText {
	/** Lines of each page, top to bottom. */
	pages: string[][];
	/** The whole text: lines joined by "\n", each page after the first starting with "\f". */
	text: string;
}

interface Item {
	str: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Items on one baseline (within a third of the text height) form one line, read left to right. */
export function linesOf(items: Item[]): string[] {
	const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
	const rows: Item[][] = [];
	for (const item of sorted) {
		const row = rows[rows.length - 1];
		const tolerance = Math.max(2, (item.height || 10) / 3);
		if (row && Math.abs(row[0].y - item.y) <= tolerance) row.push(item);
		else rows.push([item]);
	}
	return rows
		.map((row) => {
			row.sort((a, b) => a.x - b.x);
			let line = '';
			let end = -Infinity;
			for (const item of row) {
				// A gap wider than a fifth of the text height between two items is a space.
				const gap = item.x - end;
				if (line !== '' && gap > Math.max(1, (item.height || 10) * 0.2) && !/\s$/.test(line) && !/^\s/.test(item.str)) line += ' ';
				line += item.str;
				end = item.x + item.width;
			}
			return line.replace(/\s+/g, ' ').trim();
		})
		.filter((l) => l !== '');
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
	loading ??= (async () => {
		// @ts-expect-error pdf.js ships no types for its worker module; only WorkerMessageHandler is used.
		const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
		(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
		return import('pdfjs-dist/legacy/build/pdf.mjs');
	})();
	return loading;
}

/** The "%PDF-" signature, which may follow a little junk at the start of the file. */
const isPdf = (b: Uint8Array) => new TextDecoder('latin1').decode(b.subarray(0, 1024)).includes('%PDF-');

/** The text of every page. Throws ImportError for a damaged, encrypted or text-less (scanned) PDF. */
export async function readPdfText(bytes: Uint8Array, file: string): Promise<PdfText> {
	if (!isPdf(bytes)) throw new ImportError(`${file}: this is not a PDF file (it does not start with "%PDF-").`, file);
	const pdfjs = await loadPdfJs();
	const task = pdfjs.getDocument({
		// pdf.js takes the buffer over (transfers it): give it a copy, the caller's bytes stay whole.
		data: bytes.slice(),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		useWorkerFetch: false,
		useWasm: false,
		isOffscreenCanvasSupported: false,
		isImageDecoderSupported: false,
		enableXfa: false,
		stopAtErrors: false,
		verbosity: 0
	});
	let doc;
	try {
		doc = await task.promise;
	} catch (err) {
		await task.destroy();
		const name = (err as Error)?.name ?? '';
		if (name === 'PasswordException')
			throw new ImportError(`${file}: the PDF is protected by a password; open it, save a copy without the password (or copy its recommendations section as text) and try again.`, file);
		throw new ImportError(`${file}: the PDF could not be read; it may be damaged or truncated (${(err as Error)?.message ?? err}).`, file);
	}
	try {
		const pages: string[][] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			const items: Item[] = [];
			for (const it of content.items) {
				if (!('str' in it)) continue;
				items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height || Math.abs(it.transform[3]) });
			}
			pages.push(linesOf(items));
			page.cleanup();
		}
		if (pages.every((p) => p.join('').trim() === ''))
			throw new ImportError(
				`${file}: the PDF has no text layer (${doc.numPages === 1 ? 'its page is' : `its ${doc.numPages} pages are`} images, as a scanned report is), so no recommendation can be read from it. Copy the recommendations from the report and paste them as text instead.`,
				file
			);
		return { pages, text: pages.map((p) => p.join('\n')).join('\n\f') };
	} finally {
		await task.destroy();
	}
}
