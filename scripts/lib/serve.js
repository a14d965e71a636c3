// A static server for build/: what a deployment would serve. Hashed assets are cached as immutable;
// unknown paths get the app shell (200.html) so client-side routes work.
import http from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { buildDir } from './build.js';

/**
 * The Content-Security-Policy of the built pages (kit.csp in svelte.config.js, written into each
 * page as a <meta>), sent as a header on every response: with the script hashes of every page, and
 * frame-ancestors, which only a header can set. A deployment should send the same header.
 */
export function cspHeader(dir = buildDir) {
	const pages = existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')) : [];
	const directives = new Map();
	for (const f of pages) {
		const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(readFileSync(path.join(dir, String(f)), 'utf8'));
		for (const d of m?.[1].split(';') ?? []) {
			const [name, ...sources] = d.trim().split(/\s+/);
			if (!name) continue;
			const set = directives.get(name) ?? new Set();
			for (const s of sources) set.add(s);
			directives.set(name, set);
		}
	}
	if (directives.size === 0) return null;
	directives.set('frame-ancestors', new Set(["'none'"]));
	return [...directives].map(([name, set]) => [name, ...set].join(' ')).join('; ');
}

/**
 * `dataDir` (optional) is served at /data/demo instead of the built demo: for benchmarks and
 * measurements on generated datasets of other sizes.
 */
export function createServer({ dataDir } = {}) {
	const data = dataDir ? sirv(dataDir, { etag: true, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }) : null;
	const assets = sirv(buildDir, {
		etag: true,
		gzip: true,
		brotli: true,
		single: '200.html',
		setHeaders(res, pathname) {
			if (pathname.startsWith('/_app/immutable/')) {
				res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
			} else {
				res.setHeader('Cache-Control', 'no-cache');
			}
			res.setHeader('X-Content-Type-Options', 'nosniff');
			// Arrow IPC streams (the datasets): sirv knows no type for them.
			if (pathname.endsWith('.arrows')) res.setHeader('Content-Type', 'application/vnd.apache.arrow.stream');
		}
	});
	const notFound = (res) => {
		res.statusCode = 404;
		res.end('Not found');
	};
	const csp = cspHeader();
	return http.createServer((req, res) => {
		if (csp) res.setHeader('Content-Security-Policy', csp);
		if (data && req.url?.startsWith('/data/demo/')) {
			req.url = req.url.slice('/data/demo'.length);
			return data(req, res, () => notFound(res));
		}
		return assets(req, res, () => notFound(res));
	});
}

/** Listen on loopback; resolves to the server and its URL. */
export function serve(port = 4173, host = '127.0.0.1', options = {}) {
	const server = createServer(options);
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const addr = server.address();
			resolve({ server, url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${addr.port}` });
		});
	});
}
