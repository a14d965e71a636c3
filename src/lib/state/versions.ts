/**
 * Updating a kept dataset with the next version of its tracker, and its versions: what the /import
 * page's offer (ImportUpdate) and the /data page's list of versions call. The comparison runs in
 * the import worker, where the checked import's tables are; the kept dataset's tables are read
 * from this browser's store and sent there. Accepting writes a new version (the one it replaces
 * stays restorable) and opens it; a version that does not load is undone (the previous one is
 * restored), so a failed update changes nothing that was kept.
 */
import { dataset } from './dataset.svelte';
import type { DatasetMeta } from '$lib/model/schema';
import type { ImportWorker } from '$lib/import/client';
import type { UpdateChanges } from '$lib/import/update';
import type { StoredInfo, VersionInfo } from '$lib/store/store';
import { updateRecord } from '$lib/import/update';
import { store, words } from './sources';

/** What the worker offers for an update (ImportWorker has it). */
export type UpdateAsker = Pick<ImportWorker, 'commonReviews' | 'compareUpdate' | 'mergeUpdate'>;

/** A kept dataset that has reviews of the checked import. */
export interface UpdateCandidate {
	id: string;
	name: string;
	/** Reviews of the import it already has. */
	reviews: number;
	as_at: string | null;
}

/** The kept datasets (not the fictional ones) that share reviews with the checked import, most in common first. */
export async function updateCandidates(worker: UpdateAsker): Promise<UpdateCandidate[]> {
	const s = await store();
	const kept = dataset.stored.filter((d) => !d.meta.fictional);
	const reviews = (await Promise.all(kept.map(async (d) => ({ id: d.id, reviews: await s.table(d.id, 'reviews').catch(() => null) })))).filter(
		(k): k is { id: string; reviews: Uint8Array } => k.reviews !== null
	);
	if (!reviews.length) return [];
	const common = await worker.commonReviews(reviews);
	return common
		.filter((c) => c.reviews > 0)
		.map((c) => {
			const d = kept.find((k) => k.id === c.id)!;
			return { id: c.id, name: d.name, reviews: c.reviews, as_at: d.meta.as_at };
		})
		.sort((a, b) => b.reviews - a.reviews || a.name.localeCompare(b.name));
}

/** What updating kept dataset `id` with the checked import (as at `asAt`) would change; nothing is changed. */
export async function previewUpdate(worker: UpdateAsker, id: string, asAt: string | null): Promise<UpdateChanges> {
	const d = await (await store()).get(id);
	return worker.compareUpdate({ buffers: d.buffers, as_at: d.meta.as_at }, asAt);
}

/**
 * Update kept dataset `id` with the checked import (`incoming`: the import's meta) and open it.
 * Returns the new version, or null with the reason in `dataset.notice`.
 */
export async function acceptUpdate(worker: UpdateAsker, id: string, incoming: DatasetMeta): Promise<StoredInfo | null> {
	let info: StoredInfo;
	let previous: number;
	try {
		const s = await store();
		const d = await s.get(id);
		previous = d.version ?? 1;
		const { changes, buffers, row_counts } = await worker.mergeUpdate({ buffers: d.buffers, as_at: d.meta.as_at }, incoming.as_at);
		const meta: DatasetMeta = {
			...d.meta,
			as_at: incoming.as_at ?? d.meta.as_at,
			source: incoming.source,
			fictional: false,
			row_counts,
			update: updateRecord(changes, new Date().toISOString())
		};
		info = await s.update(id, { meta, buffers });
	} catch (e) {
		dataset.notice = `The dataset could not be updated: ${words(e)} Nothing was changed.`;
		await dataset.refreshStored();
		return null;
	}
	await dataset.refreshStored();
	if (await dataset.openStored(id)) return info;
	// The new version does not load: put the previous one back (as a new version) and say so.
	const why = dataset.notice;
	await (await store()).restore(id, previous).catch(() => {});
	await dataset.refreshStored();
	if (dataset.activeId === id) await dataset.openStored(id);
	dataset.notice = `The updated dataset could not be opened, so the previous version was put back. ${why ?? ''}`.trim();
	return null;
}

/** Every version kept of a stored dataset, newest first. */
export async function datasetVersions(id: string): Promise<VersionInfo[]> {
	return (await store()).versions(id);
}

/** Make an earlier version current again (as a new version) and open it. Null with the reason in `dataset.notice`. */
export async function restoreVersion(id: string, version: number): Promise<StoredInfo | null> {
	let info: StoredInfo;
	try {
		info = await (await store()).restore(id, version);
	} catch (e) {
		dataset.notice = `Version ${version} could not be restored: ${words(e)}`;
		return null;
	}
	await dataset.refreshStored();
	return (await dataset.openStored(id)) ? info : null;
}
