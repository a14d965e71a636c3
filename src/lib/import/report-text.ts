/**
 * Recommendations from the text of a published review report (a PDF's text layer, a .txt file or
 * pasted text) -> numbered recommendations, and every line that was dropped and why.
 *
 * How a report's text is read:
 * 1. Pages are kept apart by form feeds ("\f", as pdf.ts and `pdftotext` write them). Running
 *    headers and footers (a line at the top or foot of many pages, digits ignored), page numbers
 *    ("Page 3 of 40", "- 3 -", a bare number) and protective markings ("OFFICIAL", "Final version",
 *    "Draft 2") are dropped wherever they are.
 * 2. The recommendations section is found inside a whole report: from a heading such as
 *    "Recommendations", "8. Panel recommendations", "Recommendations of the review" or
 *    "Conclusions and recommendations" to the next major heading ("Appendix A", "Glossary",
 *    "Action plan", "References", or the next numbered section). When several headings qualify
 *    (an executive summary repeats the list), the section with the most recommendations is read, the
 *    later one on a tie. With no such heading the whole text is split, and the notes say so.
 * 3. Recommendations start with a number in one of these styles, the most explicit one present
 *    winning: "Recommendation 1:" / "Recommendation 1 –" / "Recommendation one" (alone on its line
 *    or followed by the text) > "Rec 1", "R1" > "1.", "1)", "(1)" > paragraph numbers "8.1" >
 *    bullets (•, -, *, ▪). Lines in a less explicit style (a), (a), i), bullets, a "1." list inside
 *    "Recommendation 3") are sub-points, kept inside their recommendation on lines of their own.
 * 4. A line that starts no recommendation continues the one before: lines broken by the PDF are
 *    re-joined with a space, a word hyphenated across the break is joined ("organ-" + "isation"),
 *    a real compound keeps its hyphen ("multi-" + "agency"); a blank line keeps a paragraph break.
 * 5. Sub-headings set the scope or addressee of the recommendations under them when they say so:
 *    "Single agency recommendations", "Multi-agency recommendations", "National recommendations",
 *    "Recommendations for Anytown Police", "Anytown Police:", or an agency's name alone on a line
 *    just before a recommendation. "Scope: national" and "Agency: X" lines inside a recommendation
 *    (tables flattened by the text layer) set that recommendation's scope or agency. A scope guessed
 *    from an agency heading (a national body -> national, another agency -> single-agency) is noted.
 */
import { ImportError, type Problem, type Source } from './types';

export type Style = 'word' | 'short' | 'number' | 'dotted' | 'bullet' | 'letter';

export interface SplitRec {
	/** Its number: as written, or its place in the list when the list is unnumbered or renumbered. */
	number: number;
	/** The number as written ("Recommendation 3", "R3", "3.", "8.1", "•"). */
	label: string;
	text: string;
	/** 'single-agency' | 'multi-agency' | 'national', or a scope word as written ('local', 'regional'); null when not said. */
	scope: string | null;
	agency: string | null;
	/** 1-based line of the text where it starts. */
	line: number;
}

export interface DroppedLine {
	line: number;
	text: string;
	why: string;
}

export interface SplitNote {
	line?: number;
	text: string;
	value?: string;
}

export interface RecSplit {
	recs: SplitRec[];
	dropped: DroppedLine[];
	notes: SplitNote[];
	/** The recommendations section read, or null when the whole text was split. */
	section: { heading: string; from: number; to: number | null; end: string | null } | null;
	/** The numbering style the recommendations were split by. */
	style: Style | null;
	/** The first lines of the text before the section (a title page), nearest last, at most 3. */
	titles: string[];
}

interface Line {
	n: number;
	page: number;
	text: string;
	/** Among the first two or last two non-empty lines of its page. */
	edge: boolean;
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const NUM = `\\d{1,3}[a-z]?|${NUMBER_WORDS.join('|')}`;
const DASH = '[.:)\\u2013\\u2014-]';
/** After a number: the end of the line, a separator, or a space and a capital (the text itself). */
const AFTER = `(?:\\s*$|\\s*${DASH}\\s*(.*)|\\s+((?:[A-Z\\u2018\\u201c'"(]|[a-z]\\)).*))`;

const START: { style: Style; re: RegExp }[] = [
	{ style: 'word', re: new RegExp(`^(?:the\\s+)?(?:panel\\s+)?recommendation\\s+(?:no\\.?\\s*|number\\s+)?(${NUM})\\b${AFTER}`, 'i') },
	{ style: 'short', re: new RegExp(`^(?:rec\\.?\\s*(?:no\\.?\\s*)?|R)(\\d{1,3}[a-z]?)\\b${AFTER}`) },
	{ style: 'short', re: new RegExp(`^(?:REC|Rec)\\.?\\s*(?:no\\.?\\s*)?(\\d{1,3}[a-z]?)\\b${AFTER}`) },
	{ style: 'number', re: /^\(?(\d{1,3})(?:[.)]|:)(?![\d.])\s*(.*)$/ },
	{ style: 'number', re: /^(\d{1,3})\s+[\u2013\u2014-]\s+(.*)$/ },
	{ style: 'dotted', re: /^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(\S.*)$/ },
	// Word's bullet glyphs come through some PDFs' text layers as private-use characters (U+F0B7...).
	{ style: 'bullet', re: /^([•▪◦●■·\uf0b7\uf0a7\uf076\uf0d8\uf0fc])\s*(\S.*)$/ },
	{ style: 'bullet', re: /^([*\u2013-])\s+(\S.*)$/ },
	{ style: 'letter', re: /^(\(?(?:[a-z]|[ivx]{1,4})\))\s*(\S.*)$/ },
	{ style: 'letter', re: /^([a-z]\.)\s+(\S.*)$/ }
];
const PRIORITY: Style[] = ['word', 'short', 'number', 'dotted', 'bullet', 'letter'];

interface Start {
	style: Style;
	label: string;
	number: number | null;
	rest: string;
}

function numberOf(s: string): number | null {
	const w = NUMBER_WORDS.indexOf(s.toLowerCase());
	if (w >= 0) return w + 1;
	const n = parseInt(s, 10);
	return Number.isFinite(n) ? n : null;
}

/** The numbering a line starts with, if any. A paragraph number before another style ("8.3 Recommendation 1:") is passed over. */
export function startOf(text: string): Start | null {
	const bare = text.replace(/^\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+(?=(?:recommendation|rec\b|R\d))/i, '');
	for (const { style, re } of START) {
		const m = bare.match(re);
		if (!m) continue;
		const rest = (m[2] ?? m[3] ?? '').trim();
		if (style === 'word' || style === 'short') {
			const label = bare.slice(0, bare.length - rest.length).replace(/[\s.:)\u2013\u2014-]+$/, '').trim();
			return { style, label, number: numberOf(m[1]), rest };
		}
		if (style === 'number') return { style, label: bare.slice(0, bare.indexOf(m[1]) + m[1].length + 1).trim(), number: Number(m[1]), rest };
		return { style, label: m[1], number: null, rest };
	}
	return null;
}

// Page furniture, dropped wherever it stands.
const NOISE: { re: RegExp; why: string }[] = [
	{ re: /^page\s+\d+(\s*(of|\/)\s*\d+)?$/i, why: 'page number' },
	{ re: /^\d{1,4}\s*(of|\/)\s*\d{1,4}$/i, why: 'page number' },
	{ re: /^[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?$/, why: 'page number (a bare number)' },
	{ re: /^(official|official[\s\u2013\u2014:-]+sensitive|not protectively marked|restricted|(private and |strictly )?confidential|government security classification.*|security classification.*)$/i, why: 'protective marking' },
	{ re: /^(final( version| report| draft)?|draft( version)?( v?\d+(\.\d+)?)?|version \d+(\.\d+)*|v\d+(\.\d+)+)$/i, why: 'version marking' }
];

const stripNumber = (s: string) =>
	s
		.replace(/^(?:section|chapter|part)\s+[\divx]+[.:]?\s*/i, '')
		.replace(/^\d{1,2}(?:\.\d{1,2})*[.:)]?\s+/, '')
		.replace(/\s*:$/, '')
		.trim();
const sectionNumber = (s: string) => s.match(/^(?:section\s+)?(\d{1,2})(?:[.:)]|\s)/i)?.[1];

const START_HEADING = new RegExp(
	'^(?:(?:conclusions?|findings|learning|lessons\\s+(?:learned|learnt)|key\\s+findings)\\s+and\\s+)?' +
		"(?:(?:the\\s+)?(?:review\\s+panel'?s?|panel'?s?|review'?s?|overview\\s+report|final|key|summary\\s+of(?:\\s+the)?|list\\s+of(?:\\s+the)?|dhr|dardr)\\s+)?" +
		'recommendations(?:\\s+(?:of|from|made\\s+by|by|arising\\s+from)\\s+(?:the\\s+)?(?:review(?:\\s+panel)?|panel|overview\\s+report|dhr|dardr|this\\s+review))?' +
		'(?:\\s+and\\s+(?:actions?|action\\s+plan|learning))?$',
	'i'
);
const END_WORDS = 'appendix|appendices|annex|annexe|glossary|action\\s+plan|references|bibliography|terms\\s+of\\s+reference|acknowledge?ments|abbreviations|list\\s+of\\s+abbreviations|conclusions?|concluding\\s+remarks|next\\s+steps|distribution(?:\\s+list)?|dissemination|signatures?|sign[\\s-]off|good\\s+practice|contents';
const END_HEADING = new RegExp(`^(?:${END_WORDS})(?:\\s+(?:[A-Z0-9]{1,3}|[ivx]{1,4})\\b.*|\\s+of\\s+terms|\\s+and\\s+abbreviations|\\s*[:\\u2013\\u2014-]\\s*.*)?$`, 'i');

/** A section heading or scope sub-heading (never page furniture, even when a contents page repeats it). */
const isHeading = (line: string) => {
	const s = stripNumber(line);
	return s.length <= 90 && (START_HEADING.test(s) || END_HEADING.test(s) || !!scopeHeading(line));
};

/** A scope sub-heading: the scope it gives, or undefined when the line is not one. */
function scopeHeading(line: string): { scope: string; agency: string | null } | undefined {
	const s = stripNumber(line);
	if (s.length > 90 || /[.;,]$/.test(s)) return undefined;
	const m = s.match(/^(single[\s-]agency|individual[\s-]agency|agency[\s-]specific|agency|imr|individual\s+management\s+review|multi[\s-]agency|inter[\s-]agency|cross[\s-]agency|partnership|panel|overview\s+report|local|regional|national)(?:\s+level)?\s+recommendations?(?:\s+(?:for|to)\s+(?:the\s+)?(.+))?$/i);
	if (m) return { scope: scopeWord(m[1]) ?? m[1].toLowerCase(), agency: m[2]?.trim() ?? null };
	const r = s.match(/^recommendations?\s*\(?(single[\s-]agency|multi[\s-]agency|national|local|regional)\)?$/i);
	if (r) return { scope: scopeWord(r[1]) ?? r[1].toLowerCase(), agency: null };
	return undefined;
}

/** The model's scope for a scope word, 'local'/'regional' as written, or null. */
export function scopeWord(word: string): string | null {
	const w = word.toLowerCase().replace(/[\s-]+/g, ' ').trim();
	if (/^(single agency|individual agency|agency specific|agency|imr|individual management review)$/.test(w)) return 'single-agency';
	if (/^(multi agency|inter agency|cross agency|partnership|panel|overview report)$/.test(w)) return 'multi-agency';
	if (w === 'national') return 'national';
	if (w === 'local' || w === 'regional') return w;
	return null;
}

const AGENCY_WORDS =
	/\b(police|constabulary|nhs|trust|council|gp|general practice|practice|primary care|icb|ccg|integrated care|probation|hmpps|prison|housing|homes|ambulance|hospital|health|mental health|social care|social services|children'?s services|adult services|safeguarding|partnership|csp|board|idva|marac|women'?s aid|refuge|domestic abuse service|school|college|university|education|dwp|jobcentre|home office|ministry|department|government|commissioner|college of policing|npcc|cafcass|crown prosecution|cps|court|service|agency|agencies)\b/i;
const NATIONAL_BODY = /\b(home office|ministry of|department (of|for)|dhsc|dwp|department for work|hm government|government|college of policing|npcc|national police chiefs|nhs england|hmpps|cps|crown prosecution|cafcass|ofsted|care quality commission|cqc|domestic abuse commissioner|office for)\b/i;

/** An agency sub-heading ("Anytown Police", "Recommendations for the GP practice", "Health:"), or null. */
function agencyHeading(line: string): string | null {
	const s = line.replace(/\s*:$/, '').trim();
	if (s.length > 70 || s.split(/\s+/).length > 8 || /[.;,]$/.test(s) || !/^[A-Z\u2018'"(]/.test(s)) return null;
	const m = s.match(/^recommendations?\s+(?:for|to)\s+(?:the\s+)?(.+)$/i) ?? s.match(/^(.+?)\s+recommendations?$/i);
	if (m) return m[1].trim();
	return AGENCY_WORDS.test(s) ? s : null;
}

const noiseKey = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
/** Prefixes that make a real compound when a hyphen falls at a line's end: "multi-" + "agency" stays "multi-agency". */
const COMPOUND = /(?:^|[^a-z])(multi|co|ex|self|non|cross|inter|intra|pre|post|sub|well|follow|long|short|high|low|anti|semi|over|under|out|up|step|half|one|two|three|face|sign|joined|risk|evidence|trauma|age|gender|court|honour|so|re)-$/i;

function toLines(text: string): Line[] {
	const raw = text.replace(/\r\n?/g, '\n').split('\n');
	const lines: Line[] = [];
	let page = 0;
	raw.forEach((l, i) => {
		// A form feed starts the next page: at the start of a line (pdf.ts) or inside it (pdftotext).
		const parts = l.split('\f');
		parts.forEach((part, k) => {
			if (k > 0) page++;
			if (k === 0 && part === '' && parts.length > 1) return;
			lines.push({ n: i + 1, page, text: part.replace(/[\u00a0\t ]+/g, ' ').trim(), edge: false });
		});
	});
	const byPage = new Map<number, Line[]>();
	for (const l of lines) if (l.text !== '') byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
	for (const ls of byPage.values()) for (const l of [...ls.slice(0, 2), ...ls.slice(-2)]) l.edge = true;
	return lines;
}

/** Split report text into its recommendations: see the comment at the top of this file. */
export function splitRecommendations(text: string): RecSplit {
	const all = toLines(text);
	const dropped: DroppedLine[] = [];
	const notes: SplitNote[] = [];
	const pages = new Set(all.map((l) => l.page)).size;

	// 1. Page furniture.
	const noise = new Map<Line, string>();
	for (const l of all) {
		if (l.text === '') continue;
		const hit = NOISE.find((x) => x.re.test(l.text));
		if (hit) noise.set(l, hit.why);
	}
	if (pages >= 2) {
		const onPages = new Map<string, Set<number>>();
		for (const l of all) if (l.edge && l.text !== '' && !noise.has(l)) onPages.set(noiseKey(l.text), (onPages.get(noiseKey(l.text)) ?? new Set()).add(l.page));
		// On every page of a short text; on three pages or more, and 40% of them, of a longer one.
		const needed = pages <= 3 ? pages : Math.max(3, Math.ceil(pages * 0.4));
		for (const l of all) {
			const seen = onPages.get(noiseKey(l.text));
			if (l.edge && seen && seen.size >= needed && !noise.has(l) && !startOf(l.text) && !isHeading(l.text)) noise.set(l, `running header or footer (on ${seen.size} of ${pages} pages)`);
		}
	} else {
		// Pasted text keeps no page breaks: a short line repeated three times or more is page furniture.
		const count = new Map<string, number>();
		for (const l of all) if (l.text !== '' && l.text.length <= 100) count.set(noiseKey(l.text), (count.get(noiseKey(l.text)) ?? 0) + 1);
		for (const l of all) {
			const c = count.get(noiseKey(l.text)) ?? 0;
			if (c >= 3 && !noise.has(l) && !startOf(l.text) && !isHeading(l.text)) noise.set(l, `running header or footer (repeated ${c} times)`);
		}
	}
	const content = all.filter((l) => !noise.has(l));

	// 2. The section.
	const isEnd = (l: Line, startNumber: string | undefined) => {
		const s = stripNumber(l.text);
		if (s.length > 80 || /[.;,]$/.test(s) || !/^[A-Z0-9]/.test(l.text)) return false;
		if (END_HEADING.test(s) && !START_HEADING.test(s)) return true;
		// The next numbered section: "9 Dissemination" after "8 Recommendations".
		const n = sectionNumber(l.text);
		return !!startNumber && !!n && Number(n) === Number(startNumber) + 1 && s.split(/\s+/).length <= 8 && !/^\d/.test(s) && !startOf(s);
	};
	const candidates: { at: number; end: number; count: number }[] = [];
	content.forEach((l, i) => {
		if (l.text.length > 90 || !START_HEADING.test(stripNumber(l.text))) return;
		const num = sectionNumber(l.text);
		let end = content.length;
		for (let j = i + 1; j < content.length; j++)
			// Another section heading ends it, unless it is a scope sub-heading ("Panel recommendations").
			if (isEnd(content[j], num) || (START_HEADING.test(stripNumber(content[j].text)) && content[j].text.length <= 90 && !scopeHeading(content[j].text))) {
				end = j;
				break;
			}
		const count = content.slice(i + 1, end).filter((x) => {
			const st = startOf(x.text);
			return st && st.style !== 'letter' && st.style !== 'bullet';
		}).length;
		candidates.push({ at: i, end, count });
	});
	let from = 0;
	let to = content.length;
	let section: RecSplit['section'] = null;
	if (candidates.length) {
		const best = candidates.reduce((b, c) => (c.count >= b.count ? c : b));
		// A heading that also gives a scope ("Panel recommendations") is read as that scope too.
		from = scopeHeading(content[best.at].text) ? best.at : best.at + 1;
		to = best.end;
		const endLine = content[best.end];
		section = { heading: content[best.at].text, from: content[best.at].n, to: endLine?.n ?? null, end: endLine?.text ?? null };
		const outside = content.filter((l, i) => l.text !== '' && (i < best.at || i >= best.end)).length;
		notes.push({
			line: section.from,
			text: `Recommendations section read from line ${section.from} ("${section.heading}")${endLine ? ` to line ${endLine.n} ("${endLine.text}")` : ' to the end'}; the ${outside.toLocaleString('en-GB')} other line${outside === 1 ? '' : 's'} of the report were not read.`
		});
		for (const c of candidates)
			if (c !== best && c.count > 0)
				notes.push({ line: content[c.at].n, text: `Another list headed "${content[c.at].text}" at line ${content[c.at].n} (${c.count} numbered item${c.count === 1 ? '' : 's'}) was not read: the section with the most recommendations was.` });
	} else {
		// Lines before the first recommendation are dropped (and listed) as an introduction.
		notes.push({ text: 'No heading such as "Recommendations" was found: the whole text was split.' });
	}
	const titles = content
		.slice(0, section ? candidates.reduce((b, c) => (c.count >= b.count ? c : b)).at : 0)
		.filter((l) => l.text !== '')
		.slice(0, 3)
		.map((l) => l.text);
	const body = content.slice(from, to);
	for (const l of noise.keys()) if (l.text !== '' && (!section || (l.n > section.from && (section.to === null || l.n < section.to)))) dropped.push({ line: l.n, text: l.text, why: `dropped: ${noise.get(l)}` });

	// 3. The numbering style.
	const starts = body.map((l) => (l.text === '' ? null : startOf(l.text)));
	const counts = new Map<Style, number>();
	for (const s of starts) if (s) counts.set(s.style, (counts.get(s.style) ?? 0) + 1);
	const style = PRIORITY.find((s) => (counts.get(s) ?? 0) >= 2) ?? PRIORITY.find((s) => (counts.get(s) ?? 0) >= 1) ?? null;
	// Bullets: the most used bullet character starts recommendations; other bullets are sub-points.
	const bulletCounts = new Map<string, number>();
	for (const s of starts) if (s?.style === 'bullet') bulletCounts.set(s.label, (bulletCounts.get(s.label) ?? 0) + 1);
	const bullet = [...bulletCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
	const startsRec = (st: Start | null): st is Start => !!st && st.style === style && (style !== 'bullet' || st.label === bullet);

	// 4. Recommendations, sub-points, continuations and sub-headings.
	const recs: SplitRec[] = [];
	let scope: string | null = null;
	let agency: string | null = null;
	let scopeFromHeading = false;
	let cur: SplitRec | null = null;
	let gap = false;
	let afterSub = false;
	const nextStartIs = (i: number) => {
		for (let j = i + 1; j < body.length; j++) if (body[j].text !== '') return startsRec(starts[j]);
		return false;
	};
	const endsSentence = (s: string) => /[.;:!?)\u201d"']$/.test(s);
	body.forEach((l, i) => {
		if (l.text === '') {
			gap = true;
			return;
		}
		const st = starts[i];
		const wasSub = afterSub;
		afterSub = !!st && !startsRec(st);
		const sh = scopeHeading(l.text);
		if (sh) {
			scope = sh.scope;
			agency = sh.agency;
			scopeFromHeading = true;
			cur = null;
			gap = false;
			return;
		}
		if (startsRec(st)) {
			cur = { number: st.number ?? recs.length + 1, label: st.label, text: st.rest, scope, agency, line: l.n };
			recs.push(cur);
			gap = false;
			return;
		}
		// An agency sub-heading: a short line naming an agency, after a finished sentence, before a recommendation.
		const prev: SplitRec | null = cur;
		const ah = !st && nextStartIs(i) && (!prev || prev.text === '' || endsSentence(prev.text)) ? agencyHeading(l.text) : null;
		if (ah && (!prev || prev.text !== '')) {
			agency = ah;
			if (!scopeFromHeading) scope = null;
			cur = null;
			gap = false;
			return;
		}
		if (!prev) {
			dropped.push({ line: l.n, text: l.text, why: recs.length ? 'dropped: text between the recommendations that starts none' : 'dropped: text before the first recommendation (an introduction or heading)' });
			return;
		}
		const r: SplitRec = prev;
		// "Scope: national" / "Lead agency: Anytown Police" inside a recommendation.
		const field = l.text.match(/^(scope|level|lead\s+agency|agency|agencies|lead|owner|organisation|addressed\s+to)\s*[:\u2013\u2014-]\s*(.+)$/i);
		if (field) {
			if (/^(scope|level)$/i.test(field[1])) r.scope = scopeWord(field[2]) ?? field[2].trim().toLowerCase();
			else r.agency = field[2].trim();
			notes.push({ line: l.n, text: `Recommendation ${r.number}: "${l.text}" read as its ${/^(scope|level)$/i.test(field[1]) ? 'scope' : 'agency'}.` });
			gap = false;
			return;
		}
		if (r.text === '') r.text = l.text;
		// A sub-point, a paragraph after a blank line, or a capitalised line after a sub-point, on a line of its own.
		else if (st || gap || (wasSub && /^[A-Z]/.test(l.text))) r.text += '\n' + l.text;
		else {
			const before = r.text;
			const hyphen = /[a-z]-$/i.test(before) && /^[a-z]/.test(l.text);
			if (/\u00ad$/.test(before)) r.text = before.slice(0, -1) + l.text;
			else if (hyphen && !COMPOUND.test(before.slice(before.lastIndexOf(' ') + 1))) r.text = before.slice(0, -1) + l.text;
			else if (hyphen) r.text = before + l.text;
			else r.text = before + ' ' + l.text;
			notes.push({
				line: l.n,
				text: hyphen || /\u00ad$/.test(before) ? `Recommendation ${r.number}: a word hyphenated across a line break was joined.` : `Recommendation ${r.number}: line re-joined to the line above (broken inside the recommendation).`,
				value: `…${before.slice(-30)} | ${l.text.slice(0, 30)}…`
			});
		}
		gap = false;
	});

	// 5. Numbers, scopes guessed from agency headings.
	const empty = recs.filter((r) => r.text.trim() === '');
	for (const r of empty) dropped.push({ line: r.line, text: r.label, why: 'dropped: a recommendation number with no text after it' });
	const kept = recs.filter((r) => r.text.trim() !== '');
	const numbers = kept.map((r) => r.number);
	if (style === 'bullet' || style === 'dotted' || style === 'letter' || new Set(numbers).size !== numbers.length) {
		if (style !== 'bullet' && style !== 'letter' && style !== 'dotted') notes.push({ text: `The numbering starts again part-way (numbers ${numbers.join(', ')}): the recommendations were numbered 1 to ${kept.length} in order; the numbers as written are kept as labels.` });
		else if (kept.length) notes.push({ text: `The recommendations are ${style === 'dotted' ? 'numbered as paragraphs' : 'not numbered'}: they were numbered 1 to ${kept.length} in order.` });
		kept.forEach((r, i) => (r.number = i + 1));
	} else
		for (let i = 1; i < numbers.length; i++)
			if (numbers[i] !== numbers[i - 1] + 1)
				notes.push({ line: kept[i].line, text: `Recommendation ${numbers[i]} follows recommendation ${numbers[i - 1]}: ${numbers[i] > numbers[i - 1] ? 'a recommendation may be missing (or held in a table the text did not keep)' : 'the numbers are out of order'}.` });
	for (const r of kept) {
		r.text = r.text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
		if (r.scope === null && r.agency) {
			r.scope = NATIONAL_BODY.test(r.agency) ? 'national' : 'single-agency';
			notes.push({ line: r.line, text: `Recommendation ${r.number}: scope guessed as ${r.scope} from the heading "${r.agency}" above it.` });
		}
	}
	if (!style) notes.push({ text: 'No numbered recommendation or bullet was found in the text.' });
	return { recs: kept, dropped: dropped.sort((a, b) => a.line - b.line), notes, section, style, titles };
}

/** Headers of a report-text Source. */
export const REPORT_HEADERS = ['Rec no', 'Recommendation', 'Scope', 'Agency'];

/** The split as a Source (kind 'report-text'): one row per recommendation, a note per dropped line, re-joined break and guess. */
export function splitToSource(file: string, split: RecSplit): Source {
	const notes: Problem[] = [
		...split.dropped.map((d) => ({ file, row: d.line, value: d.text, problem: `Line ${d.line} ${d.why}.`, blocking: false })),
		...split.notes.map((n) => ({ file, ...(n.line ? { row: n.line } : {}), ...(n.value ? { value: n.value } : {}), problem: n.text, blocking: false }))
	];
	return {
		file,
		headers: [...REPORT_HEADERS],
		rows: split.recs.map((r) => [r.number, r.text, r.scope, r.agency]),
		rowNumbers: split.recs.map((r) => r.line),
		notes,
		titles: split.titles,
		kind: 'report-text'
	};
}

/**
 * Report text (a PDF's text layer, a .txt file, or text pasted on the page: `reportSource('Pasted
 * text', text)`) as a Source of recommendations. Throws ImportError when no recommendation is found.
 */
export function reportSource(file: string, text: string): Source {
	const split = splitRecommendations(text);
	if (split.recs.length === 0)
		throw new ImportError(
			`${file}: no recommendations were found in the text${split.section ? ` (the section "${split.section.heading}" holds no numbered recommendation)` : ' (no heading such as "Recommendations" and no numbered list such as "1.", "R1" or "Recommendation 1")'}.`,
			file
		);
	return splitToSource(file, split);
}

/**
 * Whether a text file holds report text rather than a delimited table: not delimited (no separator
 * that most lines share equally), and at least two lines that start a numbered recommendation, or a
 * "Recommendations" heading with one. Reads the first 2,000 lines only.
 */
export function looksLikeReportText(text: string): boolean {
	const lines = text.replace(/\r\n?/g, '\n').split(/[\n\f]/, 2000).map((l) => l.trim()).filter((l) => l !== '');
	if (lines.length === 0) return false;
	const sample = lines.slice(0, 50);
	for (const d of ['\t', ';', ',', '|']) {
		const counts = sample.map((l) => l.split(d).length - 1);
		const first = counts[0];
		if (first >= 1 && counts.filter((c) => c === first).length >= Math.ceil(sample.length * 0.8) && sample.length >= 2) return false;
	}
	const numbered = lines.filter((l) => {
		const s = startOf(l);
		return s && (s.style === 'word' || s.style === 'short' || s.style === 'number');
	}).length;
	const heading = lines.some((l) => l.length <= 90 && START_HEADING.test(stripNumber(l)));
	return numbered >= 2 || (heading && numbered >= 1);
}

/* Corrections of a split, made on the page (ImportReportSplit.svelte): pure list operations. */

/** One recommendation as the user corrects it; its number is its place in the list. */
export interface EditRec {
	text: string;
	scope: string | null;
	agency: string | null;
}

/** The recommendations of a report-text Source, for correction. */
export function recsOfSource(source: Source): EditRec[] {
	return source.rows.map((r) => ({ text: String(r[1] ?? ''), scope: r[2] === null ? null : String(r[2]), agency: r[3] === null ? null : String(r[3]) }));
}

/** The corrected list as rows of a report-text Source (Rec no | Recommendation | Scope | Agency), numbered in order. */
export function rowsOfRecs(recs: readonly EditRec[]): (string | number | null)[][] {
	return recs.filter((r) => r.text.trim() !== '').map((r, i) => [i + 1, r.text.trim(), r.scope, r.agency]);
}

/** Recommendation i joined to the one before it (its text after a line break; the earlier one's scope and agency kept). */
export function mergeWithPrevious(recs: readonly EditRec[], i: number): EditRec[] {
	if (i <= 0 || i >= recs.length) return [...recs];
	const prev = recs[i - 1];
	const merged = { ...prev, text: [prev.text.trim(), recs[i].text.trim()].filter(Boolean).join('\n'), agency: prev.agency ?? recs[i].agency, scope: prev.scope ?? recs[i].scope };
	return [...recs.slice(0, i - 1), merged, ...recs.slice(i + 1)];
}

/** Recommendation i split in two at character `at` (both halves keep its scope and agency); no split at either end. */
export function splitAt(recs: readonly EditRec[], i: number, at: number): EditRec[] {
	const r = recs[i];
	if (!r) return [...recs];
	const head = r.text.slice(0, at).trim();
	const tail = r.text.slice(at).trim();
	if (!head || !tail) return [...recs];
	return [...recs.slice(0, i), { ...r, text: head }, { ...r, text: tail }, ...recs.slice(i + 1)];
}

/** Recommendation i split at each blank line, or at each line break when it has no blank line. */
export function splitLines(recs: readonly EditRec[], i: number): EditRec[] {
	const r = recs[i];
	if (!r) return [...recs];
	const parts = (/\n\s*\n/.test(r.text) ? r.text.split(/\n\s*\n/) : r.text.split('\n')).map((p) => p.trim()).filter(Boolean);
	if (parts.length < 2) return [...recs];
	return [...recs.slice(0, i), ...parts.map((text) => ({ ...r, text })), ...recs.slice(i + 1)];
}

/** The lines a report-text Source dropped (from its notes, written by `splitToSource`), to show beside the list. */
export function droppedOfSource(source: Source): DroppedLine[] {
	const out: DroppedLine[] = [];
	for (const n of source.notes) {
		const m = n.problem.match(/^Line (\d+) (dropped: .*)\.$/);
		if (m) out.push({ line: Number(m[1]), text: n.value ?? '', why: m[2] });
	}
	return out;
}
