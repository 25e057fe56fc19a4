/**
 * `npm run bench:apply`: `orderform apply --auto-approve` of 100 / 1,000 / 10,000 new OneAtlas legacy
 * orders (fresh sandbox and empty state per run) with injected latency. Per size: median wall time,
 * calls, time in state-file writes (journal appends + compaction, all fsync'd) and their count; the
 * 10k / 1k ratio against the target ≤ 12.
 */
import { performance } from 'node:perf_hooks';
import { LATENCY_MS, log, RUNS, SIZES, env } from './lib/args.mjs';
import { machineLine } from './lib/machine.mjs';
import { table, writeSection } from './lib/results.mjs';
import { int, medians, ms, ratio } from './lib/stats.mjs';
import { PRICE_MULTIPLIER, startWorld } from './lib/world.mjs';

const PARALLELISM = 10;
/** Runs at the largest size (each one places 10,000 orders; default: RUNS). */
const BIG_RUNS = env('BENCH_APPLY_BIG_RUNS', RUNS);

const results = new Map();
const rows = [];
for (const n of SIZES) {
  const runs = [];
  const count = n >= 10000 ? BIG_RUNS : RUNS;
  for (let i = 0; i < count; i++) {
    const world = await startWorld({ latencyMs: LATENCY_MS });
    try {
      world.writeConfig({ orders: n });
      const t0 = performance.now();
      const r = await world.measure(['apply', '--auto-approve', '--allow-large-spend', '--parallelism', String(PARALLELISM)]);
      if (r.code !== 0) throw new Error(`apply ${n} exited ${r.code}: ${r.stderrTail}`);
      const placed = world.sb.calls()['POST /api/v1/orders'] ?? 0;
      if (placed !== n) throw new Error(`apply ${n} placed ${placed} orders`);
      runs.push({ wallMs: r.wallMs, calls: r.calls, stateWriteMs: r.stateWriteMs, stateWrites: r.stateWrites, journalBytes: r.journalBytes, maxRssKb: r.maxRssKb });
      log(`apply ${n} run ${i + 1}: ${ms(r.wallMs)}, ${r.calls} calls, state writes ${ms(r.stateWriteMs)} (${r.stateWrites}) [${ms(performance.now() - t0)}]`);
    } finally {
      await world.close();
    }
  }
  const m = medians(runs);
  results.set(n, m);
  rows.push([int(n), String(count), ms(m.wallMs), int(m.calls), ms(m.stateWriteMs), `${Math.round((100 * m.stateWriteMs) / m.wallMs)} %`, int(m.stateWrites), `${(m.journalBytes / 2 ** 20).toFixed(1)} MiB`, `${(m.maxRssKb / 1024).toFixed(0)} MB`]);
}

const big = results.get(10000);
const mid = results.get(1000);
const scaling = big && mid ? big.wallMs / mid.wallMs : undefined;
writeSection('apply', `
## apply: N new orders

Command: \`npm run build && npm run bench:apply\` (\`orderform apply --auto-approve --allow-large-spend --parallelism ${PARALLELISM}\`
in a child process; the sandbox in the bench process, a fresh sandbox and empty file state per run). Machine:
${machineLine()}. Sandbox latency ${LATENCY_MS} ms per request. Orders: OneAtlas legacy Pléiades orders (sandbox prices
×${PRICE_MULTIPLIER} so that 10,000 fit the contract credit; the calls are the same). Median of the runs shown. State writes =
time inside the file store's fsync'd writes (journal append per intent and per result, compaction), measured by wrapping
\`engine/state/fs-ops.ts\` \`nodeFs\` in the child (\`bench/lib/cli-child.mjs\`).

${table(['orders', 'runs', 'wall', 'calls', 'state-write time', 'share', 'state writes', 'journal', 'peak RSS'], rows)}

${scaling !== undefined ? `apply(10k) / apply(1k) wall: **${ratio(scaling)}** (target ≤ 12: ${scaling <= 12 ? 'met' : 'missed'}).` : 'apply(10k) / apply(1k): not measured in this run.'}
`);
