/**
 * What read-excel-file does not tell: which cells hold formulas, which rows hold merged cells, and
 * which cells are coloured red, amber, green or blue (xlsx-fills.ts).
 * It reads only values (a formula's cached result) and ignores `<mergeCells>`, so the sheet XML is
 * scanned here, from the same zip (fflate, which read-excel-file itself depends on).
 */
import { strFromU8 } from 'fflate';
import { unzipGuarded } from './zip';
import { ragCells, ragStyles, type Rag } from './xlsx-fills';

export interface SheetScan {
	/** Cell addresses (e.g. "D5") holding a formula, with their row numbers. */
	formulas: { address: string; row: number }[];
	/** Row numbers covered by a merged range. */
	mergedRows: Set<number>;
	/** RAG colours of filled cells, keyed `row:column` (1-based row, 0-based column). */
	fills: Record<string, Rag>;
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/**
 * Scan every worksheet; the result is keyed by sheet name. Unpacks through `unzipGuarded`, so a
 * damaged, truncated or oversized archive ends in an ImportError before anything else reads it.
 */
export function scanWorkbook(bytes: Uint8Array, file = 'workbook'): Map<string, SheetScan> {
	const files = unzipGuarded(bytes, file, (name) => (name.startsWith('xl/') && name.endsWith('.xml')) || name.endsWith('.rels'));
	const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
	const rels = new Map<string, string>();
	for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
		const id = attr(m[0], 'Id');
		const target = attr(m[0], 'Target');
		if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
	}
	const styles = ragStyles(text('xl/styles.xml'), text('xl/theme/theme1.xml'));
	const out = new Map<string, SheetScan>();
	for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
		const name = attr(m[0], 'name');
		const rid = attr(m[0], 'r:id');
		if (!name || !rid) continue;
		const xml = text(rels.get(rid) ?? '');
		const formulas: SheetScan['formulas'] = [];
		// A plain scan, not one big regular expression: sheets run to hundreds of megabytes of XML.
		for (let at = xml.indexOf('<f'); at >= 0; at = xml.indexOf('<f', at + 2)) {
			const next = xml[at + 2];
			if (next !== '>' && next !== ' ' && next !== '/') continue; // <family>, <font>...
			const open = xml.lastIndexOf('<c ', at);
			if (open < 0) continue;
			const address = attr(xml.slice(open, xml.indexOf('>', open) + 1), 'r') ?? '?';
			formulas.push({ address, row: Number(address.replace(/^[A-Z]+/, '')) });
		}
		const mergedRows = new Set<number>();
		for (const r of xml.matchAll(/<mergeCell\b[^>]*ref="[A-Z]+(\d+):[A-Z]+(\d+)"/g))
			for (let row = Number(r[1]); row <= Number(r[2]); row++) mergedRows.add(row);
		out.set(name, { formulas, mergedRows, fills: ragCells(xml, styles) });
	}
	return out;
}
