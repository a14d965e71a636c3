/** The part of saxen's API (a small SAX XML parser, read-excel-file's own) that docx.ts uses; saxen ships no types. */
declare module 'saxen' {
	type Decode = (s: string) => string;
	export class Parser {
		constructor(options?: { proxy?: boolean });
		ns(map: Record<string, string>): void;
		on(event: 'openTag', cb: (name: string, attrs: () => Record<string, string>, decode: Decode, selfClosing: boolean) => void): void;
		on(event: 'closeTag', cb: (name: string, decode: Decode, selfClosing: boolean) => void): void;
		on(event: 'text', cb: (text: string, decode: Decode) => void): void;
		on(event: 'error' | 'warn', cb: (err: Error) => void): void;
		parse(xml: string): Error | undefined;
		stop(): void;
	}
	export function decode(s: string): string;
}
