// Serve the built site (build/) on a free loopback port for the browser tests.
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/lib/serve.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const { server, url } = await serve(0);
	project.provide('baseUrl', url);
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
