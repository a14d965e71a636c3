/**
 * Agency names -> the agencies already in the data. Trackers spell the same agency many ways
 * ("Marlshire Police", "MARLSHIRE POLICE.", "Police - Marlshire"?): only case, spacing, punctuation,
 * "&"/"and" and a leading "The" are forgiven; anything else is kept as written and listed, since a
 * wrong merge of two agencies would misstate both.
 */
export function agencyKey(name: string): string {
	return name
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/^the /, '')
		.trim();
}

export interface AgencyMatcher {
	/** Known spelling, or the name as written (and remembered as unknown). */
	match(name: string): string;
	unknown(): string[];
}

export function agencyMatcher(known: readonly string[]): AgencyMatcher {
	const byKey = new Map(known.map((k) => [agencyKey(k), k]));
	const unknown = new Set<string>();
	return {
		match(name) {
			const hit = byKey.get(agencyKey(name));
			if (hit) return hit;
			if (known.length > 0) unknown.add(name);
			return name;
		},
		unknown: () => [...unknown].sort()
	};
}
