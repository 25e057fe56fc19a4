/**
 * `npm run bench:plan`: a no-op `orderform plan` over 100 / 1,000 / 10,000 resources in state (90 %
 * alerts, 10 % delivered OneAtlas legacy orders) against the sandbox with injected latency. Per size:
 * median wall time, calls, peak RSS of ≥ 5 runs; the network floor; the naive sequential client.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONCURRENCY, LATENCY_MS, log, RUNS, SIZES } from './lib/args.mjs';
import { machineLine } from './lib/machine.mjs';
import { table, writeSection } from './lib/results.mjs';
import { int, mb, median, medians, ms, ratio } from './lib/stats.mjs';
import { startWorld } from './lib/world.mjs';
import { naiveRead } from './naive-client.mjs';

const ALERT_PAGE = 100; // vendor cap on the alerts listing (wire contract)
const SEARCH_PAGE = 500; // vendor cap on opensearch pages
const NAIVE_SAMPLE = 200;

/**
 * The fewest round trips a no-op plan can make and their critical path: a token; every alerts page;
 * for legacy orders the workspace id (/me), every workspace search page and the contract credit.
 * Pages after the first can go in parallel once the first gave the total.
 */
export function floor(alerts, orders, latency, concurrency) {
  const pa = Math.ceil(alerts / ALERT_PAGE);
  const po = Math.ceil(orders / SEARCH_PAGE);
  const calls = 1 + pa + (orders ? 2 + po : 0);
  const depth = 1 + Math.max(pa > 1 ? 2 : 1, orders ? (po > 1 ? 3 : 2) : 0);
  return { calls, depth, ms: Math.max(depth * latency, (calls * latency) / concurrency) };
}

const rows = [];
const phaseRows = [];
for (const n of SIZES) {
  const orders = Math.round(n / 10);
  const alerts = n - orders;
  const world = await startWorld({ latencyMs: LATENCY_MS });
  try {
    world.writeConfig({ alerts, orders });
    let t0 = performance.now();
    await world.setup(['apply', '--auto-approve', '--allow-large-spend', '--parallelism', '20']);
    log(`plan ${n}: seeded ${alerts} alerts + ${orders} orders in ${ms(performance.now() - t0)}`);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await world.measure(['plan', '--detailed-exitcode']);
      if (r.code !== 0) throw new Error(`plan ${n} is not a no-op (exit ${r.code}): ${r.stdoutTail}`);
      runs.push({ wallMs: r.wallMs, inProcessMs: r.elapsedMs, beforeMs: r.beforeNetworkMs, networkMs: r.networkMs, afterMs: r.afterNetworkMs, calls: r.calls, maxRssKb: r.maxRssKb });
      log(`plan ${n} run ${i + 1}: ${ms(r.wallMs)} (before network ${ms(r.beforeNetworkMs)}, network ${ms(r.networkMs)}, after ${ms(r.afterNetworkMs)}), ${r.calls} calls, ${mb(r.maxRssKb)}`);
    }
    const m = medians(runs);
    const f = floor(alerts, orders, LATENCY_MS, CONCURRENCY);
    world.sb.knobs.latencyMs = LATENCY_MS;
    const sample = Math.min(NAIVE_SAMPLE, n);
    const naive = [];
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      await naiveRead(world.sb.env, join(world.dir, 'orderform.state.json'), sample);
      naive.push(((performance.now() - t0) / sample) * n);
    }
    const naiveMs = median(naive);
    rows.push([int(n), ms(m.wallMs), ms(m.inProcessMs), int(m.calls), mb(m.maxRssKb), `${ms(f.ms)} (${f.calls} calls, depth ${f.depth})`, ratio(m.wallMs / f.ms), ms(naiveMs), `${int(n + 1)}`, ratio(naiveMs / m.wallMs)]);
    phaseRows.push([int(n), ms(m.beforeMs), ms(m.networkMs), ms(m.afterMs), ms(f.ms), ratio(m.networkMs / f.ms)]);
    log(`plan ${n}: median ${ms(m.wallMs)}; floor ${ms(f.ms)}; naive ${ms(naiveMs)}`);
  } finally {
    await world.close();
  }
}

writeSection('plan', `
## plan: no-op over N resources

Command: \`npm run build && npm run bench:plan\` (\`orderform plan --detailed-exitcode\`, exit 0 = no changes, in a child
process; the sandbox in the bench process). Machine: ${machineLine()}. Sandbox latency ${LATENCY_MS} ms per request, client
concurrency ${CONCURRENCY} (default). Resources: 90 % alerts, 10 % delivered OneAtlas legacy orders, all in state. Median of
${RUNS} runs. Wall = spawn to exit of the process (Node start and config load included); in-process = from \`run()\` to its
return. Floor = max(critical path × latency, minimal calls × latency / concurrency): token, every alerts page (100 per
page, vendor cap), \`/me\`, every workspace search page (500), contracts. Naive = a sequential plain-fetch client making one
call per resource (\`bench/naive-client.mjs\`), timed over a ${NAIVE_SAMPLE}-resource sample per run and scaled to N.

${table(['resources', 'wall', 'in-process', 'calls', 'peak RSS', 'floor', 'wall / floor', 'naive', 'naive calls', 'naive / wall'], rows)}

In-process phases (medians of the same runs; each column is its own median, so they need not add up to in-process),
split by the child's vendor requests as seen on undici's diagnostics channels: *before network* = \`run()\` to the
first request (argument parsing, loading the command's modules, config load, state read); *network* = first request sent to last answer read
(refresh and pricing, including the sandbox's own handling time, which shares the 2 cores); *after* = last answer to
the return of \`run()\` (diff, cost, limits, render). The floor models the network phase only, so the ratio that
answers "how close to the minimal round trips" is network / floor; wall / floor above also charges Node start and
config parsing to the network.

${table(['resources', 'before network', 'network', 'after network', 'floor', 'network / floor'], phaseRows)}
`);
