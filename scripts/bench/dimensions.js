// The filter dimensions whose options the benchmark scripts tick, in order: read from the app's own
// registry (src/lib/filters/dimensions.ts, entries marked `bench`) through tsx, so a plain `node`
// script needs no copy of it.
import { tsImport } from 'tsx/esm/api';

const registry = await tsImport('../../src/lib/filters/dimensions.ts', import.meta.url);

/** @type {readonly string[]} */
export const BENCH_DIMENSIONS = registry.BENCH_DIMENSIONS;
