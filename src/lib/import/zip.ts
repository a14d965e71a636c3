/**
 * A guarded look inside a zip archive (an .xlsx is one): the central directory is read first and
 * an archive that says it unpacks to more than MAX_INFLATED_BYTES is refused before anything is
 * inflated; then each entry is inflated in small steps (fflate's streaming Inflate), counting what
 * comes out, so an archive whose directory lies (a "zip bomb") is stopped as soon as it passes the
 * limit, long before the tab runs out of memory. A missing or damaged directory (a truncated file)
 * is refused with a plain message.
 */
import { Inflate } from 'fflate';
import { ImportError } from './types';

/** What a workbook may unpack to, all entries together: past this a browser tab would struggle. */
export const MAX_INFLATED_BYTES = 400 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1,032 times. */
const STEP = 16 * 1024;

export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	size: number;
	/** Offset of the entry's local header. */
	offset: number;
}

const mb = (n: number) => `${Math.round(n / 1048576).toLocaleString('en-GB')} MB`;

/** The entries listed in the archive's central directory. Throws ImportError when there is none. */
export function zipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const damaged = (why: string) => new ImportError(`${file}: the workbook is truncated or damaged (${why}); nothing was read from it.`, file);
	// The end-of-directory record is in the last 22 + 65,535 (comment) bytes.
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	if (end < 0) throw damaged('its zip directory is missing');
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const entries: ZipEntry[] = [];
	for (let n = 0; n < count; n++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged('its zip directory is cut short');
		const nameLength = view.getUint16(at + 28, true);
		const entry: ZipEntry = {
			method: view.getUint16(at + 10, true),
			compressedSize: view.getUint32(at + 20, true),
			size: view.getUint32(at + 24, true),
			offset: view.getUint32(at + 42, true),
			name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
		};
		// 0xFFFFFFFF: a ZIP64 entry of 4 GB or more, far past what a tab can hold.
		if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
			throw new ImportError(`${file}: the workbook holds a part of 4 GB or more when unpacked; it is far too large to read in a browser. Save the sheet as CSV, or split it.`, file);
		entries.push(entry);
		at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	const total = entries.reduce((s, e) => s + e.size, 0);
	if (total > MAX_INFLATED_BYTES)
		throw new ImportError(`${file}: the workbook would unpack to ${mb(total)}, more than the ${mb(MAX_INFLATED_BYTES)} an import can take; nothing was read from it. Save the sheet as CSV, or split it.`, file);
	return entries;
}

/**
 * Unpack every entry, keeping those `keep` selects, never holding more than the limit: throws
 * ImportError when the archive is damaged or unpacks to more than `limit` bytes.
 */
export function unzipGuarded(bytes: Uint8Array, file: string, keep: (name: string) => boolean, limit = MAX_INFLATED_BYTES): Record<string, Uint8Array> {
	const entries = zipEntries(bytes, file);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out: Record<string, Uint8Array> = {};
	let total = 0;
	const tooBig = () =>
		new ImportError(`${file}: the workbook unpacks to more than ${mb(limit)} (far more than its zip directory says, as in a "zip bomb"); reading was stopped and nothing was read from it.`, file);
	for (const e of entries) {
		if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50)
			throw new ImportError(`${file}: the workbook is truncated or damaged (part ${e.name} is missing); nothing was read from it.`, file);
		const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
		const data = bytes.subarray(start, start + e.compressedSize);
		if (data.length < e.compressedSize) throw new ImportError(`${file}: the workbook is truncated (part ${e.name} is cut short); nothing was read from it.`, file);
		const wanted = keep(e.name);
		const chunks: Uint8Array[] = [];
		if (e.method === 0) {
			total += data.length;
			if (total > limit) throw tooBig();
			if (wanted) chunks.push(data);
		} else if (e.method === 8) {
			let over = false;
			const inflater = new Inflate((chunk) => {
				total += chunk.length;
				if (total > limit) over = true;
				else if (wanted) chunks.push(chunk);
			});
			try {
				for (let i = 0; i < data.length && !over; i += STEP) inflater.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
			} catch (err) {
				throw new ImportError(`${file}: the workbook is damaged (part ${e.name} cannot be unpacked: ${(err as Error).message}); nothing was read from it.`, file);
			}
			if (over) throw tooBig();
		} else throw new ImportError(`${file}: the workbook uses a compression this app cannot read (method ${e.method} in ${e.name}).`, file);
		if (wanted) {
			const length = chunks.reduce((s, c) => s + c.length, 0);
			const joined = new Uint8Array(length);
			let at = 0;
			for (const c of chunks) {
				joined.set(c, at);
				at += c.length;
			}
			out[e.name] = joined;
		}
	}
	return out;
}
