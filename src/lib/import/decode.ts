/**
 * Bytes -> text for CSV and JSON: UTF-8 (with or without a byte-order mark) when the bytes are
 * valid UTF-8, else Windows-1252 (what Excel on Windows writes for "CSV" in the UK).
 */
export interface Decoded {
	text: string;
	encoding: 'utf-8' | 'windows-1252';
	bom: boolean;
}

export function decodeText(bytes: Uint8Array): Decoded {
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
	} catch {
		// Not valid UTF-8: every byte is a character in Windows-1252, so this cannot fail.
		return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom: false };
	}
}

/** Text files do not contain NUL bytes; binary files almost always do. */
export function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 4096);
	for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
	return false;
}
