/**
 * The demo dataset generator: `generateDemo({ reviews, seed, asAt })` returns the five tables as
 * apache-arrow Tables plus their meta.json record. Everything is drawn from one seeded generator
 * in a fixed order, so equal options give byte-identical output.
 *
 * Order of work: allocate reviews to completion years (more in later years), draw each review's
 * dates, partnership and case; number the reviews by commissioning date (MAR-2016-003); then for
 * each review its factors, recommendations, themes and action plan.
 */
import type { Table } from 'apache-arrow';
import { TABLE_NAMES, tableDef, type DatasetMeta, type TableName } from '../model/schema';
import { drawActionTiming } from './action-status';
import type { Agency } from './agencies';
import { drawCase, type ReviewCase } from './cases';
import { composeAction, composeEvidence } from './compose-action';
import { dayFromIso, dayFromYmd, yearOfDay, type Day } from './days';
import { ageBand } from './distributions';
import { drawInvolvedAgencies } from './involvement';
import { ID_PREFIX, PLACES, REGION, partnershipName, type Place } from './marlshire';
import { buildMeta } from './meta';
import { Rng } from './random';
import { drawRecommendations } from './recommendations';
import type { ActionRow, RecommendationCategoryRow, RecommendationRow, RecommendationThemeRow, ReviewFactorRow, ReviewRow } from './rows';
import { suggest } from '../import/suggest';
import { TableBuilder } from './table-builder';
import { allocate, drawDates, drawReviewType, FIRST_YEAR, yearWeight, type ReviewDates } from './timeline';

export interface GenerateOptions {
	/** Number of reviews (default demo: 250). */
	reviews: number;
	/** Seed of the random generator. */
	seed: number;
	/** The "as at" date, YYYY-MM-DD: no date in the data is later, except action target dates. */
	asAt: string;
}

export interface GeneratedDataset {
	tables: Record<TableName, Table>;
	meta: DatasetMeta;
}

export const DEFAULTS: GenerateOptions = { reviews: 250, seed: 20260930, asAt: '2026-09-30' };

interface ReviewDraft {
	place: Place;
	dates: ReviewDates;
	reviewType: 'DHR' | 'DARDR';
	case: ReviewCase;
}

/** 1-3 actions per recommendation (assumption: 15% / 40% / 45%, mean 2.3). */
const ACTION_COUNT_WEIGHTS = [[1, 15], [2, 40], [3, 45]] as const;

function drawReviews(n: number, asAt: Day, rng: Rng): ReviewDraft[] {
	const years: number[] = [];
	for (let y = FIRST_YEAR; y <= yearOfDay(asAt); y++) years.push(y);
	// The as-at year is only partly over: scale its weight by the share of the year elapsed.
	const elapsed = (asAt - dayFromYmd(yearOfDay(asAt), 1, 1) + 1) / 365;
	const weights = years.map((y, i) => yearWeight(y) * (i === years.length - 1 ? elapsed : 1));
	const counts = allocate(n, weights);
	const drafts: ReviewDraft[] = [];
	const placeWeights = PLACES.map((p) => p.weight);
	years.forEach((year, i) => {
		for (let k = 0; k < counts[i]; k++) {
			const place = PLACES[rng.weightedIndex(placeWeights)];
			const dates = drawDates(year, asAt, rng);
			const reviewType = drawReviewType(dates.commissioned, rng);
			drafts.push({ place, dates, reviewType, case: drawCase(yearOfDay(dates.deathMonth), rng) });
		}
	});
	// Number by commissioning date; Array.sort is stable, so ties keep draw order.
	return drafts.sort((a, b) => a.dates.commissioned - b.dates.commissioned);
}

/** Review ids: MAR-<year commissioned>-<number within that year, from 001>. */
function reviewIds(drafts: readonly ReviewDraft[]): string[] {
	const seq = new Map<number, number>();
	return drafts.map((d) => {
		const y = yearOfDay(d.dates.commissioned);
		const k = (seq.get(y) ?? 0) + 1;
		seq.set(y, k);
		return `${ID_PREFIX}-${y}-${String(k).padStart(3, '0')}`;
	});
}

function reviewRow(id: string, d: ReviewDraft): ReviewRow {
	const c = d.case;
	return {
		review_id: id,
		review_type: d.reviewType,
		partnership: partnershipName(d.place),
		region: REGION,
		death_month: d.dates.deathMonth,
		commissioned_date: d.dates.commissioned,
		completed_date: d.dates.completed,
		published_date: d.dates.published,
		death_type: c.deathType,
		victim_sex: c.victimSex,
		victim_age_band: ageBand(c.victimAge),
		perpetrator_sex: c.perpetratorSex,
		perpetrator_age_band: c.perpetratorAge === null ? null : ageBand(c.perpetratorAge),
		relationship: c.relationship,
		children_present: c.childrenPresent,
		multiple_victims: c.multipleVictims
	};
}

/**
 * A board review's note (a target moved, a closure) before the evidence, when there are both; an
 * action closed at a review has the closure note alone (it says why).
 */
function withNote(note: string | null, evidence: string | null, status: string): string | null {
	if (!note) return evidence;
	return evidence && status !== 'not accepted' ? `${note} ${evidence}` : note;
}

/** Lead agency of an action: the addressee, except that multi-agency plans share the work out. */
function leadAgency(recAgency: Agency, scope: string, involved: readonly Agency[], i: number, rng: Rng): Agency {
	if (scope !== 'multi-agency') return recAgency;
	if (i === 0 && rng.chance(0.5)) return recAgency;
	return rng.chance(0.25) ? recAgency : rng.pick(involved);
}

/**
 * The partnership whose recommendations the demo leaves uncoded, as a tracker kept without theme
 * or kind-of-change columns would be: the tagger reads them (source 'auto'), so the demo shows
 * automatic tags and their confidence beside coded ones.
 */
export const UNCODED_PARTNERSHIP = partnershipName(PLACES.find((p) => p.name === 'Sallowby')!);

export function generateDemo(options: Partial<GenerateOptions> = {}): GeneratedDataset {
	const opts = { ...DEFAULTS, ...options };
	if (!Number.isInteger(opts.reviews) || opts.reviews < 1) throw new Error(`reviews must be a positive integer, got ${opts.reviews}`);
	if (!Number.isInteger(opts.seed)) throw new Error(`seed must be an integer, got ${opts.seed}`);
	const asAt = dayFromIso(opts.asAt);
	if (yearOfDay(asAt) <= FIRST_YEAR) throw new Error(`as-at must be after ${FIRST_YEAR}, got ${opts.asAt}`);

	const rng = new Rng(opts.seed);
	const reviews = new TableBuilder<ReviewRow>(tableDef('reviews'));
	const factors = new TableBuilder<ReviewFactorRow>(tableDef('review_factors'));
	const recs = new TableBuilder<RecommendationRow>(tableDef('recommendations'));
	const themes = new TableBuilder<RecommendationThemeRow>(tableDef('recommendation_themes'));
	const categories = new TableBuilder<RecommendationCategoryRow>(tableDef('recommendation_categories'));
	const actions = new TableBuilder<ActionRow>(tableDef('actions'));

	const drafts = drawReviews(opts.reviews, asAt, rng);
	const ids = reviewIds(drafts);
	drafts.forEach((d, r) => {
		const reviewId = ids[r];
		reviews.append(reviewRow(reviewId, d));
		for (const f of d.case.factors) factors.append({ review_id: reviewId, subject: f.subject, factor: f.factor });

		const year = yearOfDay(d.dates.completed);
		const involved = drawInvolvedAgencies(d.case, d.place, rng);
		drawRecommendations(d.case, d.place, involved, year, rng).forEach((rec, k) => {
			const recId = `${reviewId}-R${String(k + 1).padStart(2, '0')}`;
			recs.append({
				recommendation_id: recId,
				review_id: reviewId,
				rec_number: k + 1,
				scope: rec.scope,
				agency: rec.agency.name,
				agency_sector: rec.agency.sector,
				text: rec.text
			});
			if (partnershipName(d.place) === UNCODED_PARTNERSHIP) {
				// This partnership's tracker came with no coding: themes and kinds of change are read from
				// the text by the tagger, as an import would (source 'auto', with the tagger's confidence).
				const s = suggest(rec.text);
				for (const t of s.themes) themes.append({ recommendation_id: recId, theme: t.theme, source: 'auto', confidence: t.confidence });
				for (const c of s.categories) categories.append({ recommendation_id: recId, category: c.category, source: 'auto', confidence: c.confidence });
			} else {
				for (const theme of rec.themes) themes.append({ recommendation_id: recId, theme, source: 'coded', confidence: null });
				for (const category of rec.categories) categories.append({ recommendation_id: recId, category, source: 'coded', confidence: null });
			}

			const nActions = rng.weighted(ACTION_COUNT_WEIGHTS);
			const used = new Set<string>();
			for (let a = 0; a < nActions; a++) {
				const lead = leadAgency(rec.agency, rec.scope, involved, a, rng);
				const theme = rng.chance(0.8) ? rec.themes[a % rec.themes.length] : null;
				const act = composeAction(theme, lead, used, rng);
				used.add(act.description);
				const timing = drawActionTiming(d.dates.completed, lead.speed, lead.kind === 'national', asAt, rng);
				actions.append({
					action_id: `${recId}-A${a + 1}`,
					recommendation_id: recId,
					description: act.description,
					lead_agency: lead.name,
					owner_role: act.ownerRole,
					target_date: timing.target,
					status: timing.status,
					completed_date: timing.completed,
					evidence: withNote(timing.note, composeEvidence(act, timing.status, timing.completed, lead, rng), timing.status),
					last_updated: timing.lastUpdated
				});
			}
		});
	});

	const builders = { reviews, review_factors: factors, recommendations: recs, recommendation_themes: themes, recommendation_categories: categories, actions };
	const tables = {} as Record<TableName, Table>;
	const rowCounts = {} as Record<TableName, number>;
	for (const t of TABLE_NAMES) {
		tables[t] = builders[t].toTable();
		rowCounts[t] = builders[t].length;
	}
	return { tables, meta: buildMeta({ seed: opts.seed, reviews: opts.reviews, asAt: opts.asAt, rowCounts }) };
}
