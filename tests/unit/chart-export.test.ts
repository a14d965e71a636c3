/**
 * A chart as a file: the standalone SVG built around the chart's pieces (caption as its title, the
 * source line at the bottom, text from the data escaped for XML), the source line's words, wrapping,
 * and file names. The parts that read the page (collectChart, svgToPng) are exercised by the
 * browser test tests/e2e/chart-download.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chartFileName, composeChartSvg, escapeXml, sourceLine, wrapText, type ChartDrawing } from '$lib/export/chart';

const drawing: ChartDrawing = {
	width: 600,
	height: 200,
	pieces: [
		{ kind: 'svg', x: 0, y: 30, width: 600, height: 170, markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="170"><rect width="10" height="10" style="fill:rgb(0, 114, 178)"/></svg>' },
		{ kind: 'rect', x: 0, y: 4, width: 12, height: 12, fill: 'rgb(230, 159, 0)' },
		{ kind: 'text', x: 17, y: 4, text: 'Police <script>', size: 14, weight: '400', colour: 'rgb(27, 31, 36)' }
	]
};

describe('escapeXml', () => {
	it('escapes the five XML specials and drops characters XML forbids', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
		expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
		expect(escapeXml('émoji 🙂 and \u202Eright-to-left')).toBe('émoji 🙂 and \u202Eright-to-left');
	});
});

describe('wrapText', () => {
	it('fills lines up to the width, word by word', () => {
		expect(wrapText('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
	});
	it('cuts a word longer than a line', () => {
		expect(wrapText('abcdefghij xy', 4)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
	});
	it('gives no line for no words', () => {
		expect(wrapText('  ', 10)).toEqual([]);
	});
});

describe('sourceLine', () => {
	it('names the dataset, its source and the as-at date', () => {
		expect(sourceLine({ name: 'Northshire tracker', source: 'Imported from tracker.xlsx.', fictional: false }, '31 March 2026')).toBe(
			'Source: Northshire tracker — Imported from tracker.xlsx, as at 31 March 2026.'
		);
	});
	it('says "fictional data" for the demo', () => {
		expect(sourceLine({ name: 'Marlshire (fictional demo)', source: 'Generated fictional data.', fictional: true }, '30 September 2026')).toBe(
			'Source: Marlshire (fictional demo) — Generated fictional data, as at 30 September 2026. Fictional data.'
		);
	});
	it('without a dataset, names the app', () => {
		expect(sourceLine(null, null)).toBe('Source: DHR Lessons');
		// The view the figures are in ends the line.
		expect(sourceLine({ name: 'Northshire tracker', source: 'Imported.', fictional: false }, '31 March 2026', 'Publication view: counts below 5 hidden.')).toBe(
			'Source: Northshire tracker — Imported, as at 31 March 2026. Publication view: counts below 5 hidden.'
		);
	});
});

describe('chartFileName', () => {
	it('lower-case words joined by hyphens, whole words up to 60 characters', () => {
		expect(chartFileName('Overdue actions by agency, as at 30 September 2026', 'svg')).toBe('overdue-actions-by-agency-as-at-30-september-2026.svg');
		const long = chartFileName('Case factors: share of reviews, Marlshire (fictional demo) against national (DHRD), with 95% confidence intervals', 'png');
		expect(long).toBe('case-factors-share-of-reviews-marlshire-fictional-demo.png');
	});
	it('falls back to "chart" when nothing is left', () => {
		expect(chartFileName('—', 'png')).toBe('chart.png');
		expect(chartFileName('<script>', 'svg')).toBe('script.svg');
	});
});

describe('composeChartSvg', () => {
	const caption = 'Overdue actions by agency & "sector" <b>';
	const source = 'Source: Marlshire (fictional demo) — Generated fictional data, as at 30 September 2026. Fictional data.';
	const { svg, width, height } = composeChartSvg(drawing, caption, source);

	it('is one standalone SVG document with a white background', () => {
		expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
		expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
		expect(svg).toContain(`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`);
	});

	it('is as wide as the chart with margins, and tall enough for title, chart and source', () => {
		expect(width).toBe(632);
		expect(height).toBeGreaterThan(200 + 21 + 15);
	});

	it('carries the caption as <title> and as the heading text, escaped', () => {
		expect(svg).toContain('<title>Overdue actions by agency &amp; &quot;sector&quot; &lt;b&gt;</title>');
		expect(svg).toMatch(/<g class="title"[^>]*>\n<text x="16" y="32" >Overdue actions by agency &amp; &quot;sector&quot; &lt;b&gt;<\/text>/);
		expect(svg).not.toContain('<b>');
	});

	it('puts the source line at the bottom, wrapped, below the chart', () => {
		const sourceGroup = svg.slice(svg.indexOf('<g class="source"'));
		const text = [...sourceGroup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
		expect(text).toBe(escapeXml(source));
		const ys = [...sourceGroup.matchAll(/y="([\d.]+)"/g)].map((m) => Number(m[1]));
		const chartTop = Number(/translate\(16,(\d+)\)/.exec(svg)![1]);
		expect(Math.min(...ys)).toBeGreaterThan(chartTop + drawing.height);
		expect(Math.max(...ys)).toBeLessThan(height);
	});

	it('places the pieces: the chart SVG as given, legend swatch and words (escaped)', () => {
		expect(svg).toContain('<g transform="translate(0,30)"><svg xmlns="http://www.w3.org/2000/svg" width="600" height="170">');
		expect(svg).toContain('<rect x="0" y="4" width="12" height="12" fill="rgb(230, 159, 0)"');
		expect(svg).toContain('>Police &lt;script&gt;</text>');
	});

	it('wraps a long caption over several title lines', () => {
		const long = composeChartSvg(drawing, 'word '.repeat(60).trim(), source);
		const title = long.svg.slice(long.svg.indexOf('<g class="title"'), long.svg.indexOf('<g class="chart"'));
		expect((title.match(/<text/g) ?? []).length).toBeGreaterThan(2);
		expect(long.height).toBeGreaterThan(height);
	});
});
