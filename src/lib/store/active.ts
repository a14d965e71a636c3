/**
 * Ids remembered in localStorage so a reload finds them again: which dataset is open (the id of a
 * stored dataset, or nothing for the demo), and the like (the national dataset /compare uses).
 * localStorage can be missing or refuse (private modes): remembering is then skipped, never fatal.
 */

export const ACTIVE_KEY = 'dhr-lessons.active-dataset';

/** The id remembered under `key`, or null (none, or localStorage refused). */
export function rememberedId(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

/** Remember `id` under `key` (null forgets it); if localStorage refuses, it is kept for this visit only. */
export function rememberId(key: string, id: string | null): void {
	try {
		if (id) localStorage.setItem(key, id);
		else localStorage.removeItem(key);
	} catch {
		/* not remembered: the next visit starts from the default */
	}
}

export function rememberedActive(): string | null {
	return rememberedId(ACTIVE_KEY);
}

/** Remember the open dataset (null: the demo, so a reload opens the demo). */
export function rememberActive(id: string | null): void {
	rememberId(ACTIVE_KEY, id);
}
