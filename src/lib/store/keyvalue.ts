/**
 * The small key-value interface the dataset store is written against, so the same store code runs
 * over IndexedDB in the browser (`idb.ts`) and over a Map in unit tests (`memory.ts`): Node has no
 * IndexedDB and the project adds no dependency to fake one.
 */

export interface KeyValue {
	/** The value under `key`, or undefined when there is none. */
	get(key: string): Promise<unknown>;
	/** Every key that starts with `prefix`, sorted. */
	keys(prefix: string): Promise<string[]>;
	/**
	 * Write and delete in one all-or-nothing step: either every put and delete happens, or none does
	 * (one IndexedDB transaction). Values are copied (structured clone) when the call is made.
	 */
	write(puts: readonly (readonly [string, unknown])[], deletes?: readonly string[]): Promise<void>;
}
