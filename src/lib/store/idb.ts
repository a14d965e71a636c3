/**
 * The browser's `KeyValue`: one IndexedDB database with one object store, keys out of line. Every
 * `write` is one readwrite transaction, so a dataset is stored whole or not at all.
 */
import type { KeyValue } from './keyvalue';

const DB_NAME = 'dhr-lessons';
const STORE = 'kv';
const VERSION = 1;

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
	});
}

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		if (typeof indexedDB === 'undefined') {
			reject(new Error('This browser offers no IndexedDB storage (a private window may turn it off).'));
			return;
		}
		const r = indexedDB.open(DB_NAME, VERSION);
		r.onupgradeneeded = () => {
			if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
		};
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error ?? new Error('The browser storage could not be opened.'));
		r.onblocked = () => reject(new Error('The browser storage is in use by another tab being upgraded.'));
	});
}

export class IndexedDbKeyValue implements KeyValue {
	#db: Promise<IDBDatabase> | null = null;

	#open(): Promise<IDBDatabase> {
		// Retried on the next call if opening failed.
		this.#db ??= openDb().catch((e) => {
			this.#db = null;
			throw e;
		});
		return this.#db;
	}

	async get(key: string): Promise<unknown> {
		const db = await this.#open();
		return request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
	}

	async keys(prefix: string): Promise<string[]> {
		const db = await this.#open();
		const range = IDBKeyRange.bound(prefix, prefix + '\uffff');
		const keys = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAllKeys(range));
		return keys.map(String).sort();
	}

	async write(puts: readonly (readonly [string, unknown])[], deletes: readonly string[] = []): Promise<void> {
		const db = await this.#open();
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(STORE, 'readwrite');
			tx.oncomplete = () => resolve();
			tx.onabort = () => reject(tx.error ?? new Error('The browser storage refused the change (is the disk full?).'));
			tx.onerror = () => {}; // onabort follows with the reason
			const store = tx.objectStore(STORE);
			try {
				for (const k of deletes) store.delete(k);
				for (const [k, v] of puts) store.put(v, k);
			} catch (e) {
				// A value that cannot be cloned throws here: undo whatever was queued.
				tx.abort();
				reject(e);
			}
		});
	}
}
