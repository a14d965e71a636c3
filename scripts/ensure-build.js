// Build the site before the browser tests, when it is missing or older than its sources.
import { buildIfNeeded } from './lib/build.js';

buildIfNeeded();
