/**
 * RAG ratings kept as cell colours. Many trackers colour the status cell red, amber, green or blue
 * and leave it without a word; read-excel-file reads values only, so the colours are read here from
 * the workbook's styles (`xl/styles.xml`: each cell's style `s` -> its fill -> a colour given as RGB,
 * as a theme colour with a tint, or as an index into Excel's legacy palette).
 *
 * A colour counts as a RAG colour only when it is clearly one: a saturated red (also Excel's pale
 * "Bad" style), amber, orange or yellow (and the pale "Neutral"), green (and the pale "Good"), or a
 * strong blue (pale blues are header and banding fills). Greys, whites and anything else are not.
 * Only the status column's empty cells are read by their colour (src/lib/import/build.ts), and each
 * is said in the import report.
 */

export type Rag = 'red' | 'amber' | 'green' | 'blue';

/** Excel's legacy indexed palette (indexes 0-63). */
const INDEXED = (
	'000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
	'800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF ' +
	'000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 ' +
	'3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333'
).split(' ');

/** The Office theme's colours, used when a workbook has no theme part. */
const OFFICE_THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

function hsl(hex: string): [number, number, number] {
	const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	const l = (max + min) / 2;
	const d = max - min;
	if (d === 0) return [0, 0, l];
	const s = d / (1 - Math.abs(2 * l - 1));
	const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
	return [h * 60, s, l];
}

/** A theme colour's tint: towards white when positive, towards black when negative (on lightness). */
const tinted = (l: number, tint: number) => (tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint);

/** The RAG colour an RGB colour (and tint) is, or null. */
export function ragOfColour(hex: string, tint = 0): Rag | null {
	if (!/^[0-9A-Fa-f]{6}$/.test(hex)) return null;
	const [h, s, l0] = hsl(hex);
	const l = tinted(l0, tint);
	if (s < 0.25 || l < 0.12 || l > 0.95) return null;
	if (h < 15 || h >= 340) return 'red';
	if (h < 65) return 'amber';
	if (h >= 70 && h < 170) return 'green';
	if (h >= 185 && h < 255 && s >= 0.4 && l <= 0.8) return 'blue';
	return null;
}

/** The theme's colours in Excel's index order (light 1, dark 1, light 2, dark 2, accents 1-6). */
function themeColours(themeXml: string): string[] {
	if (!themeXml) return OFFICE_THEME;
	const scheme = themeXml.match(/<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/)?.[0] ?? '';
	const colour = (name: string) => {
		const el = scheme.match(new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`))?.[1] ?? '';
		return attr(el, 'lastClr') ?? attr(el, 'val') ?? '';
	};
	const names = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'];
	const out = names.map(colour);
	return out.every((c) => /^[0-9A-Fa-f]{6}$/.test(c)) ? out : OFFICE_THEME;
}

/** The RAG colour of each cell style (index into `cellXfs`) whose fill is one; empty when none is. */
export function ragStyles(stylesXml: string, themeXml = ''): Map<number, Rag> {
	const out = new Map<number, Rag>();
	if (!stylesXml) return out;
	const theme = themeColours(themeXml);
	const fillsXml = stylesXml.match(/<fills\b[\s\S]*?<\/fills>/)?.[0] ?? '';
	const fills = [...fillsXml.matchAll(/<fill\b[^>]*\/>|<fill\b[\s\S]*?<\/fill>/g)].map((m): Rag | null => {
		const pattern = m[0].match(/<patternFill\b[^>]*>/)?.[0] ?? '';
		if (attr(pattern, 'patternType') !== 'solid') return null;
		const fg = m[0].match(/<fgColor\b[^>]*>/)?.[0] ?? '';
		const tint = Number(attr(fg, 'tint') ?? 0) || 0;
		const rgb = attr(fg, 'rgb');
		if (rgb) return ragOfColour(rgb.slice(-6), tint);
		const t = attr(fg, 'theme');
		if (t !== undefined) return ragOfColour(theme[Number(t)] ?? '', tint);
		const i = attr(fg, 'indexed');
		return i !== undefined ? ragOfColour(INDEXED[Number(i)] ?? '', tint) : null;
	});
	const xfsXml = stylesXml.match(/<cellXfs\b[\s\S]*?<\/cellXfs>/)?.[0] ?? '';
	[...xfsXml.matchAll(/<xf\b[^>]*>/g)].forEach((m, i) => {
		const rag = fills[Number(attr(m[0], 'fillId') ?? 0)];
		if (rag) out.set(i, rag);
	});
	return out;
}

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * The RAG colour of each cell of a sheet filled with one, keyed `row:column` (1-based row, 0-based
 * column), for cells whose style is in `styles`. A plain scan: sheets run to hundreds of megabytes.
 */
export function ragCells(sheetXml: string, styles: Map<number, Rag>): Record<string, Rag> {
	const out: Record<string, Rag> = {};
	if (styles.size === 0) return out;
	for (let at = sheetXml.indexOf('<c '); at >= 0; at = sheetXml.indexOf('<c ', at + 3)) {
		const tag = sheetXml.slice(at, sheetXml.indexOf('>', at) + 1);
		const s = attr(tag, 's');
		if (s === undefined) continue;
		const rag = styles.get(Number(s));
		if (!rag) continue;
		const ref = attr(tag, 'r')?.match(/^([A-Z]+)(\d+)$/);
		if (ref) out[`${Number(ref[2])}:${columnIndex(ref[1])}`] = rag;
	}
	return out;
}
