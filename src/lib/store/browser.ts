/** The dataset store of this browser (IndexedDB), made once; import only in the browser. */
import { IndexedDbKeyValue } from './idb';
import { createDatasetStore, type DatasetStore } from './store';

let store: DatasetStore | null = null;

export function browserStore(): DatasetStore {
	store ??= createDatasetStore(new IndexedDbKeyValue(), {
		now: () => new Date(),
		newId: () => crypto.randomUUID()
	});
	return store;
}
