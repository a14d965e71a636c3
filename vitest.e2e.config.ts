import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Browser tests: the built site served from build/ on loopback, driven in Debian's Chromium.
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 90_000,
		hookTimeout: 90_000
	}
});
