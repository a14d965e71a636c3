// Build the site when it is missing or older than its sources. Shared by `npm start` and the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// DHR_OUT=name: a separate build (build-name/), as in svelte.config.js.
export const buildDir = path.join(root, process.env.DHR_OUT ? `build-${process.env.DHR_OUT}` : 'build');

const SOURCES = ['src', 'static', 'data', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), s.mtimeMs);
}

export function buildIsStale() {
	const marker = path.join(buildDir, 'index.html');
	if (!existsSync(marker)) return true;
	const built = statSync(marker).mtimeMs;
	return SOURCES.some((s) => newest(path.join(root, s)) > built);
}

export function buildIfNeeded() {
	if (!buildIsStale()) {
		console.log('build/ is up to date.');
		return;
	}
	console.log('Building the site (vite build)…');
	execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
}
