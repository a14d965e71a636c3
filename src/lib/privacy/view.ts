/**
 * The two views of the figures. A lead looking at their own partnership's action plan is working,
 * not publishing: the **internal view** hides nothing and is marked "Internal view — not for
 * publication" on every page and in print. Figures that leave the partnership (the board report,
 * every download) use the **publication view** by default: small-number protection on (counts
 * from 1 to N−1 written "<N", secondary suppression, short lists withheld; see suppress.ts and
 * protect.ts), with a way to choose the other.
 *
 * Which view a dataset opens in fits the dataset (`defaultView`): a one-partnership tracker (or
 * one of a few reviews) in the internal view, the national DHRD and multi-partnership datasets in
 * the publication view, the fictional demo with nothing hidden (it discloses nobody).
 */
import type { Rule } from './suppress';

export type View = 'internal' | 'publication';

/** What the default view depends on. */
export interface DatasetShape {
	fictional: boolean;
	/** The national DHRD (or another national dataset): figures about many partnerships' deaths. */
	national: boolean;
	/** Distinct partnerships in the data. */
	partnerships: number;
	reviews: number;
}

/**
 * Fewer reviews than this, whatever the partnerships, is a working tracker (e.g. a joint review of
 * two partnerships): nobody publishes statistics of a handful of reviews, and hiding every count
 * under 5 would hide nearly all of it (issue 14: a one-partnership tracker was almost all "<5").
 */
export const FEW_REVIEWS = 10;

/** The view a dataset opens in, until the user chooses (kept per dataset in this browser). */
export function defaultView(d: DatasetShape): View {
	if (d.fictional) return 'internal';
	if (d.national) return 'publication';
	if (d.partnerships <= 1 || d.reviews < FEW_REVIEWS) return 'internal';
	return 'publication';
}

/** Why a dataset opened in its default view, in words (shown beside the setting). */
export function defaultReason(d: DatasetShape): string {
	if (d.fictional) return 'Fictional data: nothing needs hiding.';
	if (d.national) return 'A national dataset opens in the publication view.';
	if (d.partnerships <= 1) return "One partnership's own action plan opens in the internal view.";
	if (d.reviews < FEW_REVIEWS) return `A tracker of ${d.reviews} ${d.reviews === 1 ? 'review' : 'reviews'} opens in the internal view.`;
	return `Data of ${d.partnerships} partnerships opens in the publication view.`;
}

/** The rule of a view: protection at `below` in the publication view, none in the internal view. */
export function ruleOf(view: View, below: number): Rule | null {
	return view === 'publication' ? { below } : null;
}

/** Pages whose figures leave the partnership: they show the view chosen for output, not the working one. */
export const PUBLICATION_PAGES: readonly string[] = ['/report'];

/** The view a page shows: a publication page the output view, any other the working view. */
export function pageView(route: string | null | undefined, working: View, output: View): View {
	return route && PUBLICATION_PAGES.includes(route) ? output : working;
}

/** The mark of a view, in words: on every page, in print, and in every download's source line. */
export function viewMark(view: View, below: number, fictional: boolean): string {
	if (view === 'publication') return `Publication view: counts below ${below} hidden.`;
	return fictional ? 'Internal view: nothing hidden (fictional data).' : 'Internal view — not for publication.';
}

/** A download's file name, marked when it holds the internal view: "x.csv" -> "x-internal-not-for-publication.csv". */
export function outputFileName(name: string, view: View): string {
	if (view === 'publication') return name;
	const dot = name.lastIndexOf('.');
	return dot > 0 ? `${name.slice(0, dot)}-internal-not-for-publication${name.slice(dot)}` : `${name}-internal-not-for-publication`;
}
