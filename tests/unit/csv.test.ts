/** The CSV writer: RFC 4180 quoting, UTF-8 with a BOM, and formula-injection neutralising. */
import { describe, expect, it } from 'vitest';
import { BOM, csvBlob, csvField, toCsv, type CsvCell } from '$lib/export/csv';

describe('csvField', () => {
	it.each<[string, CsvCell, string]>([
		['plain text as is', 'Police', 'Police'],
		['empty text', '', ''],
		['null is empty', null, ''],
		['undefined is empty', undefined, ''],
		['a number', 42, '42'],
		['a decimal', 16.7, '16.7'],
		['not a number is empty', Number.NaN, ''],
		['a boolean', true, 'true'],
		['a comma: quoted', 'Police, Marlshire', '"Police, Marlshire"'],
		['a quote: quoted and doubled', 'the "Ask" scheme', '"the ""Ask"" scheme"'],
		['a line feed: quoted', 'line one\nline two', '"line one\nline two"'],
		['a CR LF inside: quoted', 'a\r\nb', '"a\r\nb"'],
		['accents and dashes as they are', 'Café – 31–90 days', 'Café – 31–90 days'],
		['= starts a formula: apostrophe', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['+ starts a formula: apostrophe', '+44 1234', "'+44 1234"],
		['- starts a formula: apostrophe', '-2+3', "'-2+3"],
		['@ starts a formula: apostrophe', '@SUM(A1)', "'@SUM(A1)"],
		['a leading tab: apostrophe', '\t=1', "'\t=1"],
		['a leading CR: apostrophe, then quoted', '\r=1', `"'\r=1"`],
		['a formula with a comma: apostrophe inside the quotes', '=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
		['= later in the text is harmless', 'a=b', 'a=b'],
		['a negative number stays a number', -3, '-3'],
		['a space before = is left alone (not run as a formula)', ' =1', ' =1']
	])('%s', (_name, input, expected) => {
		expect(csvField(input)).toBe(expected);
	});
});

describe('toCsv', () => {
	it('writes a header and one record per row, each ended by CRLF', () => {
		expect(
			toCsv(
				['id', 'text', 'days'],
				[
					['A1', 'Train staff, all of them', 12],
					['A2', null, null]
				]
			)
		).toBe('id,text,days\r\nA1,"Train staff, all of them",12\r\nA2,,\r\n');
	});

	it('with no rows, is the header alone', () => {
		expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
	});

	it('neutralises header cells too', () => {
		expect(toCsv(['=x'], [])).toBe("'=x\r\n");
	});
});

describe('csvBlob', () => {
	it('is UTF-8 text starting with the byte-order mark', async () => {
		const blob = csvBlob('a,é\r\n');
		expect(blob.type).toBe('text/csv;charset=utf-8');
		const bytes = new Uint8Array(await blob.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`${BOM}a,é\r\n`);
		expect([...bytes.slice(5, 7)]).toEqual([0xc3, 0xa9]); // é in UTF-8
	});
});
