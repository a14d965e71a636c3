/**
 * The national Domestic Homicide Review Dataset (DHRD; Cook & Cook 2026, CC BY 4.0): three CSVs,
 * incidents, victims and perpetrators, recognised by their headers, become `reviews` (one per
 * incident) and `review_factors`: every True flag column is a factor of its subject (incident,
 * victim or perpetrator) named by the column without its subject and group prefix
 * (`victim_vuln_alcohol` -> victim / `alcohol`, `coercive_control` -> incident / `coercive_control`).
 * False or empty means "not recorded in the Home Office metadata", so it gives no row.
 */
import type { DatasetMeta } from '../model/schema';
import type { Row, Tables } from './build';
import type { Cell, Problem, Source } from './types';

export const DHRD_CITATION =
	'Cook, D., & Cook, E. A. (2026). The Domestic Homicide Review Dataset (DHRD) for England and Wales [Data set]. Zenodo. https://doi.org/10.5281/zenodo.21108268';
export const DHRD_LICENCE = 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); attribution required wherever the data or figures from it are shown.';

type Part = 'incidents' | 'victims' | 'perpetrators';
const SIGNATURE: Record<Part, string[]> = {
	incidents: ['incident_id', 'csp', 'region', 'death_date', 'multiple_victims'],
	victims: ['victim_id', 'incident_id', 'sex_of_victim', 'age_at_death'],
	perpetrators: ['perpetrator_id', 'incident_id', 'sex_of_perpetrator', 'age_at_fatal_incident']
};

/** Which DHRD file each source is, if any (by its headers; the file name is not needed). */
export function dhrdParts(sources: readonly Source[]): Partial<Record<Part, Source>> {
	const out: Partial<Record<Part, Source>> = {};
	for (const s of sources) {
		const h = new Set(s.headers.map((x) => x.trim().toLowerCase()));
		for (const part of Object.keys(SIGNATURE) as Part[]) if (SIGNATURE[part].every((c) => h.has(c))) out[part] = s;
	}
	return out;
}

export const isDhrd = (sources: readonly Source[]) => dhrdParts(sources).incidents !== undefined;

const REGION: Record<string, string> = { East: 'East of England', 'Greater London': 'London', 'Yorkshire and Humber': 'Yorkshire and The Humber' };
const RELATIONSHIP: Record<string, string> = {
	'Spouse (incl civil partner)': 'current partner',
	'Common-law spouse': 'current partner',
	'Boyfriend or girlfriend': 'current partner',
	'Casual sexual partner': 'current partner',
	'Ex-spouse': 'former partner',
	'Ex-boyfriend or ex-girlfriend': 'former partner',
	Parent: 'parent',
	'Son or daughter': 'child',
	Sibling: 'sibling',
	'Half-sibling': 'sibling',
	'Step-sibling': 'sibling',
	Grandparent: 'other family',
	'Step-parent': 'other family',
	'Other (relative)': 'other family',
	'Other (non-relative)': 'other',
	'Emotional rival': 'other',
	Cohabitant: 'other'
};
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const BANDS = new Set(['16-19', '20-24', '25-34', '35-44', '45-54', '55-64', '65+']);

const flag = (c: Cell) => (c === true || (typeof c === 'string' && c.toLowerCase() === 'true') ? true : c === false || (typeof c === 'string' && c.toLowerCase() === 'false') ? false : null);
const text = (c: Cell) => (c === null ? null : String(c).trim());

function records(s: Source): Record<string, Cell>[] {
	return s.rows.map((r) => Object.fromEntries(s.headers.map((h, i) => [h.trim().toLowerCase(), r[i]])));
}

/** Columns whose every filled value is True/False: the flag columns. */
function flagColumns(s: Source, skip: string[]): string[] {
	return s.headers
		.map((h) => h.trim().toLowerCase())
		.filter((h, i) => !skip.includes(h) && s.rows.some((r) => r[i] !== null) && s.rows.every((r) => r[i] === null || flag(r[i]) !== null));
}

/** Column name -> factor code: drop the subject prefix and the group prefix (mh_, vuln_). */
export function factorName(column: string, subject: 'incident' | 'victim' | 'perpetrator'): string {
	const own = subject === 'incident' ? column : column.replace(new RegExp(`^${subject}_`), '');
	return own.replace(/^(mh|vuln)_/, '');
}

export interface DhrdResult {
	tables: Tables;
	problems: Problem[];
	meta: Omit<DatasetMeta, 'row_counts' | 'files'>;
}

export function convertDhrd(sources: readonly Source[], asAt?: string | null): DhrdResult {
	const parts = dhrdParts(sources);
	const problems: Problem[] = [];
	const incidents = parts.incidents!;
	for (const part of ['victims', 'perpetrators'] as const)
		if (!parts[part]) problems.push({ file: incidents.file, problem: `The DHRD ${part}.csv was not among the files: reviews have no ${part === 'victims' ? 'victim' : 'perpetrator'} details.`, blocking: false });
	// Unusual values are reported once per value with their count, not once per row.
	const odd = new Map<string, { file: string; column: string; value: string; n: number; problem: string }>();
	const note = (file: string, column: string, value: string, problem: string) => {
		const k = `${file}|${column}|${value}`;
		const o = odd.get(k) ?? { file, column, value, n: 0, problem };
		o.n++;
		odd.set(k, o);
	};
	const byIncident = (s?: Source) => new Map((s ? records(s) : []).map((r) => [String(r.incident_id), r]));
	const victims = byIncident(parts.victims);
	const perps = byIncident(parts.perpetrators);

	const reviews: Row[] = [];
	const factors: Row[] = [];
	const incFlags = flagColumns(incidents, ['multiple_victims']);
	const vicFlags = parts.victims ? flagColumns(parts.victims, []) : [];
	const perpFlags = parts.perpetrators ? flagColumns(parts.perpetrators, []) : [];
	const band = (file: string, column: string, v: Cell) => {
		const t = text(v);
		if (t === null || t.toLowerCase() === 'unknown') return null;
		if (BANDS.has(t)) return t;
		note(file, column, t, 'is not an age band of the model: left empty');
		return null;
	};
	const sex = (v: Cell) => {
		const t = text(v)?.toLowerCase() ?? null;
		return t === 'female' || t === 'male' ? t : t === null ? null : 'unknown';
	};

	for (const inc of records(incidents)) {
		const id = String(inc.incident_id);
		const v = victims.get(id);
		const p = perps.get(id);
		const region = text(inc.region);
		const r: Row = {
			review_id: id,
			review_type: 'DHR',
			partnership: text(inc.csp),
			region: region === null ? null : (REGION[region] ?? region),
			death_month: deathMonth(text(inc.death_date), (value) => note(incidents.file, 'death_date', value, 'gives only a year: death month left empty')),
			children_present: flag(inc.children_present),
			multiple_victims: flag(inc.multiple_victims),
			death_type: deathType(inc, v)
		};
		if (v) {
			r.victim_sex = sex(v.sex_of_victim);
			r.victim_age_band = band(parts.victims!.file, 'age_at_death', v.age_at_death);
			const rel = text(v.relationship_to_perpetrator);
			r.relationship = rel === null || rel === 'Unknown' ? null : (RELATIONSHIP[rel] ?? null);
			if (rel !== null && rel !== 'Unknown' && !RELATIONSHIP[rel]) note(parts.victims!.file, 'relationship_to_perpetrator', rel, 'is not a known relationship: left empty');
		}
		if (p) {
			r.perpetrator_sex = sex(p.sex_of_perpetrator);
			r.perpetrator_age_band = band(parts.perpetrators!.file, 'age_at_fatal_incident', p.age_at_fatal_incident);
		}
		reviews.push(r);
		const add = (subject: 'incident' | 'victim' | 'perpetrator', rec: Record<string, Cell> | undefined, cols: string[]) => {
			for (const c of cols) if (rec && flag(rec[c]) === true) factors.push({ review_id: id, subject, factor: factorName(c, subject) });
		};
		add('incident', inc, incFlags);
		add('victim', v, vicFlags);
		add('perpetrator', p, perpFlags);
	}
	for (const o of odd.values()) problems.push({ file: o.file, column: o.column, value: o.value, problem: `"${o.value}" ${o.problem} (${o.n} row${o.n === 1 ? '' : 's'}).`, blocking: false });
	return {
		tables: { reviews, review_factors: factors, recommendations: [], recommendation_themes: [], recommendation_categories: [], actions: [] },
		problems,
		meta: {
			name: 'Domestic Homicide Review Dataset (DHRD), England and Wales',
			fictional: false,
			// The release covers reports made available up to March 2026.
			as_at: asAt ?? '2026-03-31',
			source:
				'The Domestic Homicide Review Dataset (DHRD) for England and Wales, v1.0.0 (Zenodo, https://doi.org/10.5281/zenodo.21108268): public Home Office metadata on DHR reports made available from December 2022 to March 2026. A factor missing means "not recorded", not "absent".',
			licence: DHRD_LICENCE,
			citation: DHRD_CITATION
		}
	};
}

/** "September 2018" -> 2018-09-01; a bare year is month-less, so empty (reported). */
function deathMonth(value: string | null, yearOnly: (v: string) => void): string | null {
	if (value === null) return null;
	const m = value.trim().match(/^([A-Za-z]+) (\d{4})$/);
	if (m && MONTHS.includes(m[1].toLowerCase())) return `${m[2]}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, '0')}-01`;
	const mm = value.trim().match(/^(\d{1,2})-(\d{4})$/);
	if (mm) return `${mm[2]}-${mm[1].padStart(2, '0')}-01`;
	if (/^\d{4}$/.test(value.trim())) yearOnly(value.trim());
	return null;
}

/** The model's death type from the incident's and victim's flags (a suicide first: it is what the review is about). */
function deathType(inc: Record<string, Cell>, v: Record<string, Cell> | undefined): string | null {
	if (v && flag(v.victim_suicide)) return 'suicide following domestic abuse';
	if (flag(inc.homicide_suicide)) return 'homicide-suicide';
	if (flag(inc.intimate_partner_violence)) return 'intimate partner homicide';
	if (flag(inc.familial_homicide) || flag(inc.parricide)) return 'adult family homicide';
	return null;
}
