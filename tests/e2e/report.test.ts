/**
 * The board report in real Chromium on the demo data, under a filter: what it shows equals the same
 * queries under Node; printed to PDF (A4, with an outline and tags) it has the expected pages, the
 * section headings as outline entries, and the dataset, its as-at date and its source on every
 * page; no console error, no foreign request, no axe violation.
 *
 * The PDF is read by a small reader below (Chromium's PDF: Type0 fonts with Identity-H codes and
 * ToUnicode maps, Flate streams): page objects counted (`/Type /Page`, not `/Pages`) and each
 * page's text decoded, so the checks do not depend on how the bytes happen to be compressed.
 */
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { emptyFilters, type Filters } from '$lib/filters/filters';
import { overviewTiles } from '$lib/queries/overview';
import { openActions } from '$lib/queries/actions';
import { lessonRecommendations } from '$lib/queries/lessons';
import { findLessons } from '$lib/lessons/repeats';
import { tileList } from '$lib/views/overview';
import { lessonHeadline } from '$lib/views/lessons';
import { longestOverdue, REPORT_LESSONS, REPORT_SECTIONS, runningHead, sourceLine } from '$lib/views/report';
import { categoryTotals } from '$lib/queries/categories';
import { reportSentences, totalsTable } from '$lib/views/changes';
import { formatCount } from '$lib/format';
import type { DatasetMeta } from '$lib/model/schema';
import { axeMain, launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

let session: Session;
let engine: Engine;
let meta: DatasetMeta;
let asAt: string;

beforeAll(async () => {
	const ds = await openDemo();
	engine = ds.engine;
	meta = ds.meta;
	asAt = ds.meta.as_at!;
	session = await launch();
});
afterAll(async () => {
	await session?.close();
	await engine?.close();
});

const FILTER: Filters = { ...emptyFilters(), from: 2018 };
const ROUTE = '/report?from=2018';
/**
 * Pages of the report under FILTER, A4 portrait: 1 title, figures and the trends table's first rows;
 * 2 the rest of the trends table and the kinds of change asked for; 3 and 4 repeated lessons (a page
 * break before; the demo's lessons since kinds of change were added run to a second page); 5 the
 * overdue chart and its table (a page break before); 6 the end of that table and the longest overdue
 * actions; 7 their end.
 */
const EXPECTED_PAGES = 7;

async function open(route: string) {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.goto(inject('baseUrl') + route);
	await w.page.getByTestId('report-longest').waitFor({ timeout: 60_000 });
	await w.page.getByTestId('report-lessons').waitFor({ timeout: 60_000 });
	await w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
	return w;
}

const squash = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');

describe('the board report', () => {
	it('shows, under a filter, the figures, lessons and overdue actions the same queries give under Node', async () => {
		const tiles = tileList(await overviewTiles(engine, FILTER, asAt), asAt);
		const lessons = findLessons(await lessonRecommendations(engine, FILTER, asAt), 'wording').lessons.slice(0, REPORT_LESSONS);
		const longest = longestOverdue(await openActions(engine, FILTER, asAt));
		const w = await open(ROUTE);
		expect(await w.page.locator('.report-page h2').allTextContents()).toEqual([...REPORT_SECTIONS]);
		// The board report is in the publication view by default (the demo's pages are not): from 2018
		// no headline figure is small, so they are the whole figures.
		await expect(w.page.getByTestId('protection').getAttribute('data-view')).resolves.toBe('publication');
		for (const t of tiles) await expect(w.page.getByTestId(`tile-${t.id}-value`).textContent()).resolves.toBe(t.value);
		const shown = (await w.page.getByTestId('report-lesson').locator('strong').allTextContents()).map((x) => x.trim());
		expect(shown).toEqual(lessons.map(lessonHeadline));
		const rows = w.page.getByTestId('report-longest').locator('tbody tr');
		await expect(rows.count()).resolves.toBe(longest.length);
		const first = (await rows.first().locator('td').allTextContents()).map((x) => x.trim());
		expect([first[0], first[1], first[3]]).toEqual([formatCount(longest[0].days_overdue), longest[0].description, longest[0].review_id]);
		await expect(w.page.getByTestId('report-asat').textContent()).resolves.toBe('Data as at 30 September 2026. Filters: reviews from 2018.');
		// Kinds of change asked for: the sentences and the table the same query gives under Node.
		const kinds = await categoryTotals(engine, FILTER, asAt);
		await expect(w.page.getByTestId('report-kinds').locator('p').first().textContent()).resolves.toBe(reportSentences(kinds)[0]);
		const kindRows = w.page.getByTestId('report-kinds-table').locator('tbody tr');
		await expect(kindRows.count()).resolves.toBe(totalsTable(kinds).rows.length);
		expect((await kindRows.nth(2).locator('th, td').allTextContents()).map((x) => x.trim())).toEqual(totalsTable(kinds).rows[2].cells);
		w.assertClean();
		await w.page.close();
	});

	it('prints to A4 PDF: the expected pages, the headings in the outline, the dataset, date and source on every page', async () => {
		const w = await open(ROUTE);
		const pdf = await w.page.pdf({ format: 'A4', printBackground: true, outline: true, tagged: true });
		const bytes = Buffer.from(pdf).toString('latin1');
		// Page objects in the raw bytes (they are not inside compressed object streams in Chromium's PDF).
		const pageObjects = (bytes.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
		const info = readPdf(pdf);
		expect(pageObjects).toBe(EXPECTED_PAGES);
		expect(info.pages.length).toBe(EXPECTED_PAGES);
		// Headings become outline entries (literal or UTF-16BE strings): the title (the parent,
		// written after its children) and the sections in order.
		const title = `Board report: ${meta.name}`;
		expect(info.outline).toContain(title);
		expect(info.outline.filter((t) => t !== title)).toEqual([...REPORT_SECTIONS]);
		const head = squash(`DHR Lessons board report — ${runningHead(meta, asAt)}`);
		const source = squash(sourceLine(meta));
		info.pages.forEach((text, i) => {
			const t = squash(text);
			expect(t, `page ${i + 1}: running head`).toContain(head);
			expect(t, `page ${i + 1}: source`).toContain(source);
			expect(t, `page ${i + 1}: number`).toContain(`Page${i + 1}of${EXPECTED_PAGES}`);
		});
		// The page breaks: repeated lessons and overdue actions each start a page; no app chrome is printed.
		const startsWith = (i: number, h: string) => squash(info.pages[i]).replace(head, '').replace(`Page${i + 1}of${EXPECTED_PAGES}`, '').replace(source, '').startsWith(squash(h));
		expect(startsWith(2, 'Repeated lessons')).toBe(true);
		expect(startsWith(4, 'Overdue actions by agency')).toBe(true);
		const all = squash(info.pages.join(''));
		expect(all).not.toContain(squash('Exit this page'));
		expect(all).not.toContain(squash('Print or save as PDF'));
		expect(all).not.toContain(squash('Hide counts below'));
		w.assertClean();
		await w.page.close();
	});

	it.each([1280, 390])('has no WCAG 2.2 AA violation that axe can find at %i wide', async (width) => {
		const w = await open(ROUTE);
		await w.page.setViewportSize({ width, height: 900 });
		const { violations, passes } = await axeMain(w.page);
		expect(violations).toEqual([]);
		expect(passes).toBeGreaterThan(10);
		w.assertClean();
		await w.page.close();
	});
});

/**
 * Just enough of a PDF reader for Chromium's (Skia's) output: the pages in order, the outline's
 * titles, and each page's text (Type0 fonts with Identity-H 2-byte codes, mapped back to Unicode
 * through each font's ToUnicode CMap). Text pieces are joined without spaces.
 */
interface PdfInfo {
	pages: string[];
	outline: string[];
}

function readPdf(bytes: Uint8Array): PdfInfo {
	const buf = Buffer.from(bytes);
	const s = buf.toString('latin1');
	const objs = new Map<string, { dict: string; stream: Buffer | null }>();
	const re = /(\d+) 0 obj\s*/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(s))) {
		const start = re.lastIndex;
		const end = s.indexOf('endobj', start);
		const body = s.slice(start, end);
		const st = body.indexOf('stream');
		let dict = body;
		let stream: Buffer | null = null;
		if (st >= 0 && /^stream\r?\n/.test(body.slice(st))) {
			dict = body.slice(0, st);
			const dataStart = start + st + (body.slice(st).startsWith('stream\r\n') ? 8 : 7);
			const len = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '0');
			const raw = buf.subarray(dataStart, dataStart + len);
			stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
		}
		objs.set(m[1], { dict, stream });
		re.lastIndex = end;
	}
	const ref = (r: string | undefined) => (r ? objs.get(r) : undefined);
	const decodeString = (t: string): string => {
		if (t.startsWith('<')) {
			const hex = t.slice(1, -1);
			let out = '';
			for (let i = 4; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
			return out;
		}
		return t.slice(1, -1).replace(/\\([()\\])/g, '$1');
	};
	// Outline entries: objects with a /Title and a /Parent (the document's Info has a /Title but no /Parent).
	const outline = [...objs.values()]
		.filter((o) => /\/Parent/.test(o.dict))
		.map((o) => /\/Title (\((?:\\.|[^\\)])*\)|<FEFF[0-9A-Fa-f]*>)/.exec(o.dict)?.[1])
		.filter((t): t is string => !!t)
		.map(decodeString);

	const cmap = (fontRef: string): Map<number, string> => {
		const out = new Map<number, string>();
		const tu = /\/ToUnicode (\d+) 0 R/.exec(ref(fontRef)?.dict ?? '')?.[1];
		const text = ref(tu)?.stream?.toString('latin1') ?? '';
		const uni = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
		for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
			for (const p of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) out.set(parseInt(p[1], 16), uni(p[2]));
		for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
			for (const p of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
				const [a, b, c] = [parseInt(p[1], 16), parseInt(p[2], 16), parseInt(p[3], 16)];
				for (let i = a; i <= b; i++) out.set(i, String.fromCodePoint(c + i - a));
			}
		return out;
	};

	const root = [...objs.values()].find((o) => /\/Type \/Pages/.test(o.dict) && !/\/Parent/.test(o.dict));
	const kids = (d: string): string[] => [...(/\/Kids \[([^\]]*)\]/.exec(d)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((x) => x[1]);
	const pageRefs: string[] = [];
	const walk = (r: string) => {
		const o = ref(r)!;
		if (/\/Type \/Pages/.test(o.dict)) kids(o.dict).forEach(walk);
		else pageRefs.push(r);
	};
	kids(root?.dict ?? '').forEach(walk);

	const pages = pageRefs.map((r) => {
		const d = ref(r)!.dict;
		const fonts = new Map<string, Map<number, string>>();
		const fontDict = /\/Font <<([\s\S]*?)>>/.exec(d)?.[1] ?? '';
		for (const f of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(f[1], cmap(f[2]));
		const contents = [...(/\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(d)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((x) => ref(x[1])?.stream?.toString('latin1') ?? '');
		let font = new Map<number, string>();
		let text = '';
		for (const tok of contents.join('\n').matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|\[|\]\s*TJ|Tj/g)) {
			if (tok[1]) font = fonts.get(tok[1]) ?? new Map();
			else if (tok[2] !== undefined) for (let i = 0; i < tok[2].length; i += 4) text += font.get(parseInt(tok[2].slice(i, i + 4), 16)) ?? '';
		}
		return text;
	});
	return { pages, outline };
}
