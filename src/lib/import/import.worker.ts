/**
 * The /import page's worker: reading, checking and converting run here, off the page's thread, so
 * a large file never freezes the page, and Cancel can simply end the worker. One ImportSession.
 * Messages in: { id, type: 'read', files } | { id, type: 'run', options } | { id, type: 'buffers' };
 * out: { id, type: 'progress', progress } | { id, type: 'done', value } | { id, type: 'error', message }.
 */
import { ImportSession } from './session';
import type { WorkerRequest, WorkerReply } from './client';
import { isUpdateRequest, updateReply } from './update-session';

const session = new ImportSession();
const post = (m: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
	const m = e.data;
	try {
		if (m.type === 'read') post({ id: m.id, type: 'done', value: await session.read(m.files, (progress) => post({ id: m.id, type: 'progress', progress })) });
		else if (m.type === 'run') post({ id: m.id, type: 'done', value: session.run(m.options) });
		else if (isUpdateRequest(m)) post({ id: m.id, type: 'done', value: updateReply(session, m) });
		else {
			// Each table in a buffer of its own, handed over (transferred), not copied.
			const buffers = Object.fromEntries(Object.entries(session.buffers()).map(([t, b]) => [t, b.slice()]));
			post({ id: m.id, type: 'done', value: buffers }, Object.values(buffers).map((b) => b.buffer));
		}
	} catch (err) {
		post({ id: m.id, type: 'error', message: (err as Error)?.message ?? String(err) });
	}
};
