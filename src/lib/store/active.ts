/**
 * Which dataset is open, remembered in localStorage so a reload reopens it: the id of a stored
 * dataset, or nothing for the demo. localStorage can be missing or refuse (private modes):
 * remembering is then skipped, never fatal.
 */

export const ACTIVE_KEY = 'dhr-lessons.active-dataset';

export function rememberedActive(): string | null {
	try {
		return localStorage.getItem(ACTIVE_KEY);
	} catch {
		return null;
	}
}

export function rememberActive(id: string | null): void {
	try {
		if (id) localStorage.setItem(ACTIVE_KEY, id);
		else localStorage.removeItem(ACTIVE_KEY);
	} catch {
		/* not remembered: a reload opens the demo */
	}
}
