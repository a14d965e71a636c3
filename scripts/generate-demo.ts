/**
 * npm run data:demo: writes the fictional Marlshire demo dataset (Arrow IPC stream files and
 * meta.json) to static/data/demo/. All the work is in src/lib/demo/; see cli.ts for the options.
 */
import { main } from '../src/lib/demo/cli';

try {
	main(process.argv.slice(2));
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
}
