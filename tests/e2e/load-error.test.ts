/** When the data cannot be loaded, the page says so in words instead of going blank. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, type Session } from './browser';

let session: Session;
beforeAll(async () => {
	session = await launch();
});
afterAll(() => session?.close());

describe('a dataset that fails to load', () => {
	it('is reported in plain words, naming the file', async () => {
		const w = await openPage(session, inject('baseUrl'));
		// Serve random bytes in place of the actions table.
		await w.page.route('**/data/demo/actions.arrows', (route) =>
			route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('not an arrow stream at all') })
		);
		await w.page.goto(inject('baseUrl') + '/');
		const error = w.page.getByTestId('load-error');
		await error.waitFor({ timeout: 60_000 });
		await expect(error.textContent()).resolves.toMatch(/actions\.arrows: could not be read as an Arrow IPC stream/);
		await expect(w.page.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
		expect(w.consoleErrors).toEqual([]);
		expect(w.foreignRequests).toEqual([]);
		await w.page.close();
	});
});
