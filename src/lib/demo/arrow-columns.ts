/**
 * Arrow column encoders that build the buffers directly (offsets + UTF-8 bytes, Int32 day numbers,
 * packed bits) instead of going through apache-arrow's per-value builders: the big benchmark
 * dataset has a million action rows, and direct encoding keeps that to a fraction of a second per
 * column. Nulls get a validity bitmap only when there are any.
 */
import { Bool, DateDay, Float64, Int32, makeData, Utf8, type Data } from 'apache-arrow';

/** Validity bitmap (bit set = value present), or undefined when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap?: Uint8Array; nullCount: number } {
	let nullCount = 0;
	for (const v of values) if (v === null) nullCount++;
	if (nullCount === 0) return { nullCount };
	const bits = new Uint8Array(Math.ceil(values.length / 8));
	for (let i = 0; i < values.length; i++) if (values[i] !== null) bits[i >> 3] |= 1 << (i & 7);
	return { nullBitmap: bits, nullCount };
}

const encoder = new TextEncoder();

/**
 * Writes s as UTF-8 at bytes[pos]; returns the new end. Nearly all generated text is ASCII, which is
 * copied byte by byte; anything else goes through TextEncoder (a subarray per call is what makes
 * encodeInto slow on a million short strings).
 */
function writeUtf8(s: string, bytes: Uint8Array, pos: number): number {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 0x80) return pos + encoder.encodeInto(s, bytes.subarray(pos)).written;
		bytes[pos + i] = c;
	}
	return pos + s.length;
}

export function utf8Data(values: readonly (string | null)[]): Data<Utf8> {
	const offsets = new Int32Array(values.length + 1);
	let bytes = new Uint8Array(Math.max(1024, values.length * 32));
	let pos = 0;
	for (let i = 0; i < values.length; i++) {
		const s = values[i];
		if (s !== null) {
			// A UTF-8 encoding needs at most 3 bytes per UTF-16 code unit.
			if (pos + s.length * 3 > bytes.length) {
				const grown = new Uint8Array(Math.max(bytes.length * 2, pos + s.length * 3));
				grown.set(bytes.subarray(0, pos));
				bytes = grown;
			}
			pos = writeUtf8(s, bytes, pos);
		}
		offsets[i + 1] = pos;
	}
	return makeData({ type: new Utf8(), length: values.length, valueOffsets: offsets, data: bytes.slice(0, pos), ...validity(values) });
}

export function int32Data(values: readonly (number | null)[]): Data<Int32> {
	const data = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
	return makeData({ type: new Int32(), length: values.length, data, ...validity(values) });
}

/** Numbers with a fraction (confidences). */
export function float64Data(values: readonly (number | null)[]): Data<Float64> {
	const data = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
	return makeData({ type: new Float64(), length: values.length, data, ...validity(values) });
}

/** Dates as day numbers since the epoch (see days.ts): exactly Arrow's DateDay representation. */
export function dateDayData(values: readonly (number | null)[]): Data<DateDay> {
	const data = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
	return makeData({ type: new DateDay(), length: values.length, data, ...validity(values) });
}

export function boolData(values: readonly (boolean | null)[]): Data<Bool> {
	const data = new Uint8Array(Math.ceil(values.length / 8));
	for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
	return makeData({ type: new Bool(), length: values.length, data, ...validity(values) });
}
