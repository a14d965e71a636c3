/**
 * An in-memory `KeyValue` over a Map, for unit tests. Like IndexedDB it stores structured clones
 * (so a later change to a stored buffer does not reach the store) and a write that cannot clone
 * one of its values stores nothing.
 */
import type { KeyValue } from './keyvalue';

export class MemoryKeyValue implements KeyValue {
	readonly map = new Map<string, unknown>();

	async get(key: string): Promise<unknown> {
		return this.map.has(key) ? structuredClone(this.map.get(key)) : undefined;
	}

	async keys(prefix: string): Promise<string[]> {
		return [...this.map.keys()].filter((k) => k.startsWith(prefix)).sort();
	}

	async write(puts: readonly (readonly [string, unknown])[], deletes: readonly string[] = []): Promise<void> {
		// Clone everything first: a value that cannot be cloned throws before anything changes.
		const copies = puts.map(([k, v]) => [k, structuredClone(v)] as const);
		for (const k of deletes) this.map.delete(k);
		for (const [k, v] of copies) this.map.set(k, v);
	}
}
