// `npm start`: build the site if needed, then serve it at http://localhost:4173.
import { buildIfNeeded } from './lib/build.js';
import { serve } from './lib/serve.js';

buildIfNeeded();
const port = Number(process.env.PORT ?? 4173);
const { url } = await serve(port, process.env.HOST ?? '127.0.0.1');
console.log(`DHR Lessons is running at ${url} (press Ctrl+C to stop).`);
