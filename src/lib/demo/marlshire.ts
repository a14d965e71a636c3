/**
 * The fictional county of the demo data. Every name here is invented so the demo can never be
 * mistaken for (or point at) a real review; the region is real because the app filters by region,
 * and a county sits in one region.
 */

export const COUNTY = 'Marlshire';
export const REGION = 'East Midlands';
/** Prefix of every review id: MAR-2016-003. */
export const ID_PREFIX = 'MAR';
/** Dataset name shown in the app. */
export const DATASET_NAME = 'Marlshire (fictional demo)';

export interface Place {
	/** Town / district name, e.g. 'Ashbury'. */
	name: string;
	/** Relative population, so bigger districts hold more reviews. */
	weight: number;
	/** How quickly the district council's housing service closes actions (1 = average, > 1 slower). */
	housingSpeed: number;
}

/** Twelve districts, one Community Safety Partnership each. Marlbridge is the county town. */
export const PLACES: readonly Place[] = [
	{ name: 'Ashbury', weight: 1.1, housingSpeed: 1.0 },
	{ name: 'Brackenford', weight: 1.0, housingSpeed: 1.3 },
	{ name: 'Cindermoor', weight: 0.7, housingSpeed: 1.5 },
	{ name: 'Dallowfield', weight: 0.8, housingSpeed: 0.9 },
	{ name: 'Elmstow', weight: 0.9, housingSpeed: 1.1 },
	{ name: 'Fennick Vale', weight: 0.6, housingSpeed: 1.2 },
	{ name: 'Greyhallow', weight: 0.7, housingSpeed: 1.4 },
	{ name: 'Harrowmere', weight: 1.0, housingSpeed: 1.0 },
	{ name: 'Kestlebury', weight: 0.8, housingSpeed: 1.2 },
	{ name: 'Marlbridge', weight: 1.6, housingSpeed: 1.1 },
	{ name: 'Ravensmoor', weight: 0.9, housingSpeed: 1.3 },
	{ name: 'Sallowby', weight: 0.7, housingSpeed: 0.95 }
];

export function partnershipName(place: Place): string {
	return `${place.name} Community Safety Partnership`;
}
