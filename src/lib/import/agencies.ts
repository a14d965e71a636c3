/**
 * Agency names -> the agencies already in the data. Trackers spell the same agency many ways
 * ("Marlshire Police", "MARLSHIRE POLICE.", "Police - Marlshire"?): only case, spacing, punctuation,
 * "&"/"and" and a leading "The" are forgiven; anything else is kept as written and listed, since a
 * wrong merge of two agencies would misstate both. The user can map a listed name to a known
 * agency (`chosen`: name as written -> known name); names they do not map stay as written.
 */
export function agencyKey(name: string): string {
	return name
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/^the /, '')
		.trim();
}

/** A name that is not one of the known agencies: how many rows give it, and what the user chose. */
export interface OtherAgency {
	name: string;
	rows: number;
	/** The known agency the user mapped it to, or null: kept as a new agency. */
	mapped: string | null;
}

export interface AgencyMatcher {
	/** Known spelling, the known agency the user chose, or the name as written (remembered as unknown). */
	match(name: string): string;
	/** Names neither known nor mapped by the user, sorted. */
	unknown(): string[];
	/** Every name that is not a known agency (mapped by the user or not), with its row count, sorted. */
	others(): OtherAgency[];
}

export function agencyMatcher(known: readonly string[], chosen: Readonly<Record<string, string>> = {}): AgencyMatcher {
	const byKey = new Map(known.map((k) => [agencyKey(k), k]));
	const seen = new Map<string, OtherAgency>();
	return {
		match(name) {
			const hit = byKey.get(agencyKey(name));
			if (hit) return hit;
			// Only a choice that is itself a known agency counts: a stale saved choice is ignored.
			const pick = chosen[name] ? byKey.get(agencyKey(chosen[name])) ?? null : null;
			if (known.length > 0) {
				const o = seen.get(name) ?? { name, rows: 0, mapped: pick };
				o.rows++;
				seen.set(name, o);
			}
			return pick ?? name;
		},
		unknown: () => [...seen.values()].filter((o) => o.mapped === null).map((o) => o.name).sort(),
		others: () => [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
	};
}
