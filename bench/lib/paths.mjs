/** Where the benchmarks find the build and write their figures. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO = dirname(BENCH_DIR);
export const DIST = join(REPO, 'dist');
export const BIN = join(DIST, 'cli', 'bin.js');
export const dist = (path) => join(DIST, path);
