/** Benchmark knobs from the environment, so that the npm scripts stay one word. */
export const env = (name, fallback) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};
export const LATENCY_MS = env('BENCH_LATENCY_MS', 50);
export const RUNS = env('BENCH_RUNS', 5);
export const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
/** The CLI's default vendor requests in flight (plan) and changes in flight (apply). */
export const CONCURRENCY = 10;
export const log = (line) => process.stderr.write(`${line}\n`);
