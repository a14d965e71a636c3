/**
 * Colours of the charts. Okabe–Ito: a categorical palette distinguishable with the common forms of
 * colour blindness. Status colours come from it too, and statuses are always also named in words
 * (legend, labels, table), never shown by colour alone.
 */
import type { Status } from '../model/vocab';

export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export const STATUS_COLOURS: Record<Status, string> = {
	completed: '#0072B2', // blue
	'in progress': '#E69F00', // orange
	'not started': '#D55E00', // vermillion
	'not accepted': '#8c8c8c' // grey
};

/** Text colour readable on a fill (WCAG contrast), by the fill's luminance. */
export function inkOn(fill: string): string {
	const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
	if (!m) return '#1b1f24';
	const [r, g, b] = m.slice(1).map((h) => {
		const c = parseInt(h, 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	// Contrast with black is (l + 0.05) / 0.05; with white 1.05 / (l + 0.05): pick the larger.
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#1b1f24' : '#ffffff';
}
