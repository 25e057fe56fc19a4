/**
 * `npm run bench:cli-start`: `orderform validate` on orders.yaml.example (offline: schema, AOIs,
 * vendor rules) against a bare `node -e 0`, both spawned, median of ≥ 10 runs each, interleaved.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { env, log } from './lib/args.mjs';
import { machineLine } from './lib/machine.mjs';
import { BIN, REPO } from './lib/paths.mjs';
import { table, writeSection } from './lib/results.mjs';
import { median, ms, ratio } from './lib/stats.mjs';

const RUNS = Math.max(10, env('BENCH_START_RUNS', 15));

function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return wall;
}

const bare = [];
const validate = [];
timed(['-e', '0']); // warm the file cache once for both
timed([BIN, 'validate', '-c', 'orders.yaml.example']);
for (let i = 0; i < RUNS; i++) {
  bare.push(timed(['-e', '0']));
  validate.push(timed([BIN, 'validate', '-c', 'orders.yaml.example']));
}
const b = median(bare);
const v = median(validate);
log(`node -e 0: ${ms(b)}; validate: ${ms(v)}`);

writeSection('cli-start', `
## CLI start: validate vs bare node

Command: \`npm run build && npm run bench:cli-start\`. Machine: ${machineLine()}. Spawned processes, interleaved, median
of ${RUNS} runs each (one warm-up run first). Target: validate ≤ 4 × bare node start.

${table(['command', 'median wall', 'min', 'max'], [
  ['`node -e 0`', ms(b), ms(Math.min(...bare)), ms(Math.max(...bare))],
  ['`orderform validate -c orders.yaml.example`', ms(v), ms(Math.min(...validate)), ms(Math.max(...validate))],
])}

Ratio validate / bare node: **${ratio(v / b)}** (target ≤ 4×: ${v / b <= 4 ? 'met' : 'missed'}).
`);
