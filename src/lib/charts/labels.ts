/**
 * Category labels on a chart's axis: wrapped onto at most `maxLines` lines of `perLine` characters
 * rather than cut, and shortened with "…" only past that; the full name is always in the mark's
 * `<title>`, the keyboard label and the table twin.
 */
import { wrapText } from '../export/chart';

export function labelLines(label: string, perLine: number, maxLines = 2): string[] {
	const room = Math.max(2, Math.floor(perLine));
	const lines = wrapText(label, room);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1];
	kept[maxLines - 1] = `${(last.length >= room ? last.slice(0, room - 1) : last).trimEnd()}…`;
	return kept;
}
