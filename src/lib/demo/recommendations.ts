/**
 * The recommendations of one review: how many, their scope, whom they are addressed to, their
 * themes and their text. Numbered as reports usually list them: the panel's multi-agency
 * recommendations first, then single-agency ones grouped by agency, then any national ones.
 */
import { nationalAgencyFor, partnershipAgency, type Agency, type AgencyKind } from './agencies';
import type { ReviewCase } from './cases';
import { composeRecommendationParts } from './compose-recommendation';
import { recommendationKinds } from './kinds';
import { COUNTY, type Place } from './marlshire';
import type { Rng } from './random';
import { THEME_IDS } from './theme-list';
import { themeWeights } from './theme-weights';

export type Scope = 'single-agency' | 'multi-agency' | 'national';

export interface RecommendationDraft {
	scope: Scope;
	agency: Agency;
	themes: string[];
	text: string;
	/** Its kinds of change (category ids), from the asks the text was made of (kinds.ts): what the generator knows it wrote. */
	categories: string[];
}

/** 6-15 recommendations, most around 10-12 (assumption; mean about 11). */
const COUNT_WEIGHTS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((n) => [n, [3, 5, 8, 11, 13, 13, 12, 10, 8, 6][n - 6]] as const);
/** Scope mix: about 65% single-agency, 30% multi-agency, 5% national (assumption, brief). */
const SCOPE_WEIGHTS: readonly (readonly [Scope, number])[] = [
	['single-agency', 65],
	['multi-agency', 30],
	['national', 5]
];
/** 1-3 themes per recommendation. */
const THEME_COUNT_WEIGHTS = [[1, 50], [2, 35], [3, 15]] as const;
const SCOPE_ORDER: Record<Scope, number> = { 'multi-agency': 0, 'single-agency': 1, national: 2 };

function drawThemes(kind: AgencyKind, c: ReviewCase, year: number, rng: Rng): string[] {
	const k = rng.weighted(THEME_COUNT_WEIGHTS);
	return rng.weightedDistinct(themeWeights(kind, c, year), k).map((i) => THEME_IDS[i]);
}

export function drawRecommendations(c: ReviewCase, place: Place, involved: readonly Agency[], year: number, rng: Rng): RecommendationDraft[] {
	const n = rng.weighted(COUNT_WEIGHTS);
	const drafts: { scope: Scope; agency: Agency; themes: string[]; order: number }[] = [];
	for (let i = 0; i < n; i++) {
		const scope = rng.weighted(SCOPE_WEIGHTS);
		if (scope === 'multi-agency') {
			const agency = partnershipAgency(place);
			drafts.push({ scope, agency, themes: drawThemes(agency.kind, c, year, rng), order: 0 });
		} else if (scope === 'national') {
			// The theme decides the department (mental health to DHSC, economic abuse to DWP, ...).
			const themes = drawThemes('national', c, year, rng);
			drafts.push({ scope, agency: nationalAgencyFor(themes[0], (xs) => rng.pick(xs)), themes, order: 0 });
		} else {
			// Earlier-drawn (more involved) agencies get more of the recommendations.
			const j = rng.weightedIndex(involved.map((_, k) => 1 / (k + 1)));
			drafts.push({ scope, agency: involved[j], themes: drawThemes(involved[j].kind, c, year, rng), order: j });
		}
	}
	// Stable sort: by scope, then agency within single-agency, keeping draw order otherwise.
	drafts.sort((a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || a.order - b.order);
	return drafts.map(({ scope, agency, themes }) => {
		const { text, asks } = composeRecommendationParts(agency, themes, COUNTY, rng);
		return { scope, agency, themes, text, categories: recommendationKinds(asks) };
	});
}
