// A static server for build/: what a deployment would serve. Hashed assets are cached as immutable;
// unknown paths get the app shell (200.html) so client-side routes work.
import http from 'node:http';
import sirv from 'sirv';
import { buildDir } from './build.js';

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
		}
	});
	const notFound = (res) => {
		res.statusCode = 404;
		res.end('Not found');
	};
	return http.createServer((req, res) => {
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
