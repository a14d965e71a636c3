/**
 * Charts as files: a chart's drawing (its LayerCake SVG layers, legend and headings) written as one
 * standalone SVG with its caption as a title at the top and its source line at the bottom, and that
 * SVG drawn into a canvas for a PNG. The styles that matter (fill, stroke, font…) are copied from
 * the page onto each element, so the file renders alone, without the app's CSS.
 *
 * `composeChartSvg`, `sourceLine`, `wrapText`, `escapeXml` and `chartFileName` are pure (unit
 * tested); `collectChart` and `svgToPng` need the page (browser only).
 */

/** A part of the chart, placed in pixels from the chart's top left. */
export type ChartPiece =
	| { kind: 'svg'; x: number; y: number; width: number; height: number; markup: string }
	| { kind: 'text'; x: number; y: number; text: string; size: number; weight: string; colour: string }
	| { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string };

export interface ChartDrawing {
	width: number;
	height: number;
	pieces: ChartPiece[];
}

/** Text for an XML text node or attribute value. Characters XML 1.0 forbids are dropped. */
export function escapeXml(s: string): string {
	return s
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}

/** Words into lines of at most `max` characters (a longer word is cut). */
export function wrapText(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (let word of text.split(/\s+/).filter(Boolean)) {
		while (word.length > max) {
			if (line) lines.push(line);
			lines.push(word.slice(0, max));
			word = word.slice(max);
			line = '';
		}
		if (!line) line = word;
		else if (line.length + 1 + word.length <= max) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * "Source: <dataset name> — <source>, as at <date>" (and "fictional data" for generated data),
 * then the view the figures are in (`mark`, e.g. "Publication view: counts below 5 hidden.").
 */
export function sourceLine(meta: { name: string; source: string; fictional?: boolean } | null, asAtText: string | null, mark?: string): string {
	const tail = mark ? ` ${mark}` : '';
	if (!meta) return `Source: DHR Lessons${mark ? '.' : ''}${tail}`;
	const src = meta.source.trim().replace(/[.\s]+$/, '');
	return `Source: ${meta.name} — ${src}${asAtText ? `, as at ${asAtText}` : ''}${meta.fictional ? '. Fictional data' : ''}.${tail}`;
}

/** A file name from the caption: lower-case words joined by hyphens, whole words up to 60 characters. */
export function chartFileName(caption: string, ext: 'svg' | 'png'): string {
	const words = caption
		.normalize('NFKD')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let stem = '';
	for (const w of words) {
		const next = stem ? `${stem}-${w}` : w;
		if (next.length > 60) break;
		stem = next;
	}
	return `${stem || words[0]?.slice(0, 60) || 'chart'}.${ext}`;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const MARGIN = 16;
const TITLE = { size: 16, line: 21 };
const SOURCE = { size: 11, line: 15 };

/**
 * The standalone SVG: white background, the caption as a title (wrapped), the chart's pieces, the
 * source line (wrapped) at the bottom. Returns the markup and its size in pixels.
 */
export function composeChartSvg(
	drawing: ChartDrawing,
	title: string,
	source: string
): { svg: string; width: number; height: number } {
	const width = Math.max(320, Math.ceil(drawing.width) + 2 * MARGIN);
	const titleLines = wrapText(title, Math.max(20, Math.floor((width - 2 * MARGIN) / (TITLE.size * 0.6))));
	const sourceLines = wrapText(source, Math.max(30, Math.floor((width - 2 * MARGIN) / (SOURCE.size * 0.56))));
	const top = MARGIN + titleLines.length * TITLE.line + 8;
	const chartBottom = top + Math.ceil(drawing.height);
	const height = chartBottom + 10 + sourceLines.length * SOURCE.line + MARGIN - 4;
	const f = (n: number) => String(Math.round(n * 100) / 100);
	const text = (lines: string[], y0: number, step: number, attrs: string) =>
		lines.map((l, i) => `<text x="${MARGIN}" y="${f(y0 + i * step)}" ${attrs}>${escapeXml(l)}</text>`).join('\n');
	const pieces = drawing.pieces
		.map((p) => {
			// `markup` is a whole <svg> element (serialised as XML), drawn at its place.
			if (p.kind === 'svg') return `<g transform="translate(${f(p.x)},${f(p.y)})">${p.markup}</g>`;
			if (p.kind === 'rect') return `<rect x="${f(p.x)}" y="${f(p.y)}" width="${f(p.width)}" height="${f(p.height)}" fill="${escapeXml(p.fill)}" stroke="#1b1f24" stroke-opacity="0.25"/>`;
			return `<text x="${f(p.x)}" y="${f(p.y)}" font-size="${f(p.size)}" font-weight="${escapeXml(p.weight)}" fill="${escapeXml(p.colour)}" dominant-baseline="hanging">${escapeXml(p.text)}</text>`;
		})
		.join('\n');
	const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}'>
<title>${escapeXml(title)}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<g class="title" fill="#1b1f24" font-size="${TITLE.size}" font-weight="600">
${text(titleLines, MARGIN + TITLE.size, TITLE.line, '')}
</g>
<g class="chart" transform="translate(${MARGIN},${top})">
${pieces}
</g>
<g class="source" fill="#4a525b" font-size="${SOURCE.size}">
${text(sourceLines, chartBottom + 10 + SOURCE.size, SOURCE.line, '')}
</g>
</svg>
`;
	return { svg, width, height };
}

/** Presentation properties copied from the page's computed style onto each exported SVG element. */
const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'font-variant-numeric',
	'visibility'
] as const;

/**
 * A copy of a live SVG element with its computed styles written onto every element, serialised as
 * XML (so any text from the data in it is escaped for XML, not HTML). Browser only.
 */
function inlinedSvg(svg: SVGSVGElement, width: number, height: number): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const live = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	live.forEach((el, i) => {
		const copy = copies[i] as SVGElement;
		const cs = getComputedStyle(el);
		if (cs.display === 'none') {
			copy.remove();
			return;
		}
		const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
		// Classes stay (they name the parts, e.g. "bars"); no stylesheet comes with the file.
		copy.setAttribute('style', style);
		// Event handlers are properties in Svelte, never attributes; drop any on* attribute all the same.
		for (const a of [...copy.attributes]) if (/^on/i.test(a.name)) copy.removeAttribute(a.name);
	});
	for (const a of ['x', 'y', 'width', 'height', 'overflow']) clone.removeAttribute(a);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	clone.setAttribute('overflow', 'visible');
	clone.style.removeProperty('position');
	return new XMLSerializer().serializeToString(clone);
}

/**
 * The chart drawn in `container`, as pieces placed where they are on screen: every SVG (not one
 * inside another), the legend's words and swatches, and headings (small multiples' titles). The
 * tooltip layer (HTML) and screen-reader-only text are left out. Browser only.
 */
export function collectChart(container: HTMLElement): ChartDrawing {
	const box = container.getBoundingClientRect();
	const at = (r: DOMRect) => ({ x: r.left - box.left + container.scrollLeft, y: r.top - box.top + container.scrollTop });
	const pieces: ChartPiece[] = [];
	const shown = (el: Element) => {
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && !el.closest('.visually-hidden, .tooltip');
	};
	for (const el of container.querySelectorAll('h3, h4, .legend li, .swatch, svg')) {
		if (!shown(el)) continue;
		const r = el.getBoundingClientRect();
		if (el instanceof SVGSVGElement) {
			if (el.parentElement?.closest('svg')) continue;
			pieces.push({ kind: 'svg', ...at(r), width: r.width, height: r.height, markup: inlinedSvg(el, r.width, r.height) });
		} else if (el.classList.contains('swatch')) {
			pieces.push({ kind: 'rect', ...at(r), width: r.width, height: r.height, fill: getComputedStyle(el).backgroundColor });
		} else {
			const cs = getComputedStyle(el);
			// The words only, placed after any swatch or symbol at the start of the item.
			const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (!text) continue;
			const lead = el.querySelector('.swatch, svg')?.getBoundingClientRect();
			const p = at(r);
			const x = lead ? lead.right - box.left + container.scrollLeft + 5 : p.x;
			pieces.push({
				kind: 'text',
				x,
				y: p.y + Math.max(0, (r.height - parseFloat(cs.fontSize)) / 2),
				text,
				size: parseFloat(cs.fontSize) || 13,
				weight: cs.fontWeight,
				colour: cs.color
			});
		}
	}
	return { width: Math.max(container.scrollWidth, box.width), height: Math.max(container.scrollHeight, box.height), pieces };
}

/** The SVG drawn into a canvas at `scale`, as a PNG (browser only; needs img-src blob:). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.width = width;
		img.height = height;
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('this browser cannot draw into a canvas');
		ctx.scale(scale, scale);
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be made'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
