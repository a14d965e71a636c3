/**
 * The console's history of run queries and its named saved queries, kept in the browser's
 * localStorage (nothing leaves the browser). Pure functions over a Storage, so they can be tested.
 */
export interface HistoryEntry {
	sql: string;
	/** When it ran, ISO timestamp (for the list; not used in any figure). */
	at: string;
	rows: number | null;
	ok: boolean;
}
export interface SavedQuery {
	name: string;
	sql: string;
}

const HISTORY_KEY = 'dhr.sql.history';
const SAVED_KEY = 'dhr.sql.saved';
export const HISTORY_MAX = 50;

function read<T>(store: Storage | undefined, key: string): T[] {
	try {
		const v = JSON.parse(store?.getItem(key) ?? '[]');
		return Array.isArray(v) ? v : [];
	} catch {
		return [];
	}
}
function write(store: Storage | undefined, key: string, value: unknown): void {
	try {
		store?.setItem(key, JSON.stringify(value));
	} catch {
		// Storage full or disabled: the console works without history.
	}
}

export const loadHistory = (store?: Storage) => read<HistoryEntry>(store, HISTORY_KEY);
export const loadSaved = (store?: Storage) => read<SavedQuery>(store, SAVED_KEY);

/** Newest first; the same SQL run again moves to the top. */
export function addHistory(store: Storage | undefined, entry: HistoryEntry): HistoryEntry[] {
	const next = [entry, ...loadHistory(store).filter((h) => h.sql !== entry.sql)].slice(0, HISTORY_MAX);
	write(store, HISTORY_KEY, next);
	return next;
}
export function clearHistory(store?: Storage): HistoryEntry[] {
	write(store, HISTORY_KEY, []);
	return [];
}
/** Save under a name (replacing one of the same name), sorted by name. */
export function saveQuery(store: Storage | undefined, q: SavedQuery): SavedQuery[] {
	const next = [...loadSaved(store).filter((s) => s.name !== q.name), q].sort((a, b) => a.name.localeCompare(b.name));
	write(store, SAVED_KEY, next);
	return next;
}
export function deleteSaved(store: Storage | undefined, name: string): SavedQuery[] {
	const next = loadSaved(store).filter((s) => s.name !== name);
	write(store, SAVED_KEY, next);
	return next;
}
