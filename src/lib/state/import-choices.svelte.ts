/**
 * What the user decides about an import on its way in (state/import): the column mapping of each
 * source, their answers about status words and agency names, corrections of themes and kinds of
 * change, whole-file values, the corrected split of a report's text and the as-at date. Every
 * change makes a new object, so the check that reads them runs again.
 */
import { mappingKey, suggestMapping, type Cell, type FileValueField, type FileValues, type ImportOptions, type Mapping, type SourceSummary, type ThemeEdit } from '$lib/import';
import { rowsOfRecs, type EditRec } from '$lib/import/report-text';
import type { Status } from '$lib/model/vocab';
import { savedChoices, saveChoices, savedMapping, saveMapping, withChoice, withThemeEdit, type WordChoices } from '$lib/views/import';

/** One change to a recommendation's themes or kinds of change (views/import). */
type TagChange = Parameters<typeof withThemeEdit>[2];

export class ImportChoices {
	mappings = $state.raw<Record<string, Mapping>>({});
	/** Sources whose mapping is one saved for the same headers. */
	fromSaved = $state.raw<Set<string>>(new Set());
	/** Status words and agency names mapped (kept for the next import with the mapping). */
	words = $state.raw<WordChoices>(savedChoices());
	themeEdits = $state.raw<Record<string, ThemeEdit>>({});
	categoryEdits = $state.raw<Record<string, ThemeEdit>>({});
	/** Refit the tagger on this import's coded kinds of change (in the worker) before tagging the rest. */
	refit = $state(false);
	/** Whole-file values the user typed, by file ('' = cleared: no guess either). */
	fileValues = $state.raw<Record<string, FileValues>>({});
	/** Recommendations split from report text, as the user corrected them, by source id. */
	reportEdits = $state.raw<Record<string, Cell[][]>>({});
	/** The as-at date typed ('' = the latest date in the data). */
	asAt = $state('');
	/** What became of the last "save this mapping", in words. */
	saveNote = $state<string | null>(null);

	/** Fresh choices for newly read sources: a mapping saved for the same headers, else one suggested. */
	startFrom(sources: readonly SourceSummary[]) {
		const m: Record<string, Mapping> = {};
		const saved = new Set<string>();
		for (const s of sources) {
			const kept = savedMapping(mappingKey(s.headers), s.headers);
			if (kept) saved.add(s.id);
			m[s.id] = kept ?? suggestMapping(s.headers);
		}
		this.clear();
		this.fromSaved = saved;
		this.mappings = m;
	}

	/** Forget every choice made for the files read (the word choices and the as-at date stay). */
	clear() {
		this.mappings = {};
		this.fromSaved = new Set();
		this.themeEdits = {};
		this.categoryEdits = {};
		this.refit = false;
		this.fileValues = {};
		this.reportEdits = {};
	}

	/** The worker's options for the check (read here, so a change of any choice is tracked). */
	options(knownAgencies: readonly string[]): ImportOptions {
		const { mappings, words, themeEdits, categoryEdits, refit, fileValues, reportEdits } = this;
		return { mappings, asAt: this.asAt || null, statusWords: words.statusWords, agencyNames: words.agencyNames, themeEdits, categoryEdits, refit, fileValues, reportEdits, knownAgencies };
	}

	setMapping(id: string, m: Mapping) {
		this.mappings = { ...this.mappings, [id]: m };
		this.fromSaved = new Set([...this.fromSaved].filter((x) => x !== id));
	}

	/** Save the mapping of a source (and the word choices) for files with the same headers. */
	saveMapping(s: SourceSummary) {
		const ok = saveMapping(this.mappings[s.id]) && saveChoices(this.words);
		this.saveNote = ok
			? `Mapping saved, with your choices for status words and agencies: they will be offered again for a file with the same headers as ${s.id}.`
			: 'This browser refused to save the mapping.';
	}

	setFileValue(file: string, field: FileValueField, value: string) {
		this.fileValues = { ...this.fileValues, [file]: { ...this.fileValues[file], [field]: value.trim() } };
	}
	correctSplit(id: string, recs: EditRec[]) {
		this.reportEdits = { ...this.reportEdits, [id]: rowsOfRecs(recs) };
	}
	setStatusWord(key: string, s: Status | null) {
		this.words = { ...this.words, statusWords: withChoice(this.words.statusWords, key, s) };
	}
	setAgencyName(name: string, known: string | null) {
		this.words = { ...this.words, agencyNames: withChoice(this.words.agencyNames, name, known) };
	}
	editTheme(id: string, c: TagChange) {
		this.themeEdits = withThemeEdit(this.themeEdits, id, c);
	}
	editCategory(id: string, c: TagChange) {
		this.categoryEdits = withThemeEdit(this.categoryEdits, id, c);
	}
}
