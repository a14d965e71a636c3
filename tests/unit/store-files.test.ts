/**
 * Files in and out of the dataset store: reading a picked dataset folder (meta.json + .arrows),
 * a table's CSV export (dates as yyyy-mm-dd, the shared CSV rules), file names (the tracker template: export-template.test.ts).
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { readPickedFolder, type PickedFile } from '$lib/store/folder';
import { fileStem, tableCsv } from '$lib/store/export';
import { TABLE_NAMES } from '$lib/model/schema';

const DEMO = path.resolve('static/data/demo');
const file = (name: string, bytes: Uint8Array | string): PickedFile => ({
	name,
	arrayBuffer: async () => {
		const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
		return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
	}
});

async function demoFiles(): Promise<PickedFile[]> {
	const names = ['meta.json', ...TABLE_NAMES.map((t) => `${t}.arrows`)];
	return Promise.all(names.map(async (n) => file(n, new Uint8Array(await readFile(path.join(DEMO, n))))));
}

describe('reading a picked dataset folder', () => {
	it('reads meta.json and the five tables it names', async () => {
		const { meta, buffers } = await readPickedFolder(await demoFiles());
		expect(meta.as_at).toBe('2026-09-30');
		for (const t of TABLE_NAMES) expect(buffers[t].byteLength).toBe((await readFile(path.join(DEMO, `${t}.arrows`))).byteLength);
	});

	it('ignores extra files and folder parts of names', async () => {
		const files = (await demoFiles()).map((f) => ({ ...f, name: `demo/${f.name}` }));
		files.push(file('README.txt', 'hello'));
		await expect(readPickedFolder(files)).resolves.toHaveProperty('meta.as_at', '2026-09-30');
	});

	it.each<[string, (fs: PickedFile[]) => PickedFile[], string | RegExp]>([
		['no meta.json', (fs) => fs.filter((f) => f.name !== 'meta.json'), 'No meta.json among the chosen files: choose the whole folder written by "npm run import".'],
		['meta.json not JSON', (fs) => [file('meta.json', '{oops'), ...fs.slice(1)], /^meta\.json could not be read as JSON/],
		['meta.json without files', (fs) => [file('meta.json', '{"name":"x"}'), ...fs.slice(1)], 'meta.json does not name the table files ("files" is missing).'],
		['a table file missing', (fs) => fs.filter((f) => f.name !== 'actions.arrows' && f.name !== 'reviews.arrows'), 'Missing from the chosen files: reviews.arrows, actions.arrows.']
	])('%s: refused in words', async (_, pick, why) => {
		await expect(readPickedFolder(pick(await demoFiles()))).rejects.toThrow(why);
	});
});

describe('exporting a table as CSV', () => {
	it('writes the header, dates as yyyy-mm-dd, empty nulls, and neutralises formulas', () => {
		const t = tableFromArrays({
			action_id: ['A1', 'A2'],
			target_date: [new Date(Date.UTC(2025, 2, 31)), null] as unknown as Date[],
			description: ['=cmd()', 'Train staff, twice']
		});
		expect(tableCsv(tableToIPC(t, 'stream'))).toBe(
			'action_id,target_date,description\r\nA1,2025-03-31,\'=cmd()\r\nA2,,"Train staff, twice"\r\n'
		);
	});

	it('has as many records as the demo table has rows', async () => {
		const bytes = new Uint8Array(await readFile(path.join(DEMO, 'reviews.arrows')));
		const lines = tableCsv(bytes).trimEnd().split('\r\n');
		const meta = JSON.parse(await readFile(path.join(DEMO, 'meta.json'), 'utf8'));
		expect(lines.length - 1).toBe(meta.row_counts.reviews);
		expect(lines[0].split(',')[0]).toBe('review_id');
	});

	it.each([
		['Marlshire (fictional demo)', 'marlshire-fictional-demo'],
		['  Café  tracker 2025 ', 'cafe-tracker-2025'],
		['///', 'dataset']
	])('file names from %j: %s', (name, stem) => expect(fileStem(name)).toBe(stem));
});
