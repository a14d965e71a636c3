/**
 * The small-number protection setting: on or off and its threshold, per dataset, kept in this
 * browser. By default it is on for real data (the national DHRD, an imported tracker) and off for
 * the fictional demo. Views pass `protection.rule` to the privacy functions with their query, so
 * changing the setting re-runs them and every figure is written again.
 */
import { dataset } from './dataset.svelte';
import { DEFAULT_THRESHOLD, type Rule } from '$lib/privacy/suppress';
import { setSmallNumberThreshold } from '$lib/format';

interface Choice {
	on: boolean;
	below: number;
}

const KEY = 'dhr-protection';

function load(): Record<string, Choice> {
	try {
		const v = JSON.parse(localStorage.getItem(KEY) ?? '{}');
		return v && typeof v === 'object' ? v : {};
	} catch {
		return {};
	}
}

/** The threshold a user may choose: a whole number from 2 to 100 (5 by default). */
export function validThreshold(n: number): boolean {
	return Number.isInteger(n) && n >= 2 && n <= 100;
}

class Protection {
	#choices = $state<Record<string, Choice>>(typeof localStorage === 'undefined' ? {} : load());

	/** Which dataset the choice is kept for. */
	get #key(): string {
		return dataset.activeId ?? 'demo';
	}

	get #choice(): Choice {
		const kept = this.#choices[this.#key];
		if (kept) return kept;
		// Default: on for real data, off for the fictional demo (and while nothing is loaded yet).
		return { on: dataset.meta ? !dataset.meta.fictional : false, below: DEFAULT_THRESHOLD };
	}

	get on(): boolean {
		return this.#choice.on;
	}

	get below(): number {
		return this.#choice.below;
	}

	/** The rule in force, or null when protection is off. */
	get rule(): Rule | null {
		const c = this.#choice;
		setSmallNumberThreshold(c.on ? c.below : null);
		return c.on ? { below: c.below } : null;
	}

	set(on: boolean, below: number = this.below): void {
		if (!validThreshold(below)) return;
		this.#choices = { ...this.#choices, [this.#key]: { on, below } };
		try {
			localStorage.setItem(KEY, JSON.stringify(this.#choices));
		} catch {
			// Kept for this visit only.
		}
	}
}

export const protection = new Protection();
