/**
 * SIGKILL at random points of `orderform apply`, then run again until converged: every desired order
 * exists exactly once remotely (never duplicated, never lost). Trials: ORDERFORM_CRASH_TRIALS (default 15).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../engine/config/index.js';
import { collect, createProviders } from '../../engine/providers/index.js';
import { referenceFilter } from '../../engine/providers/maxar-ard/convert.js';
import { mulberry32 } from '../../sandbox/prng.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { cli, tempDir, writeConfig } from '../apply-e2e/fixture.js';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'dist/cli/bin.js');
const TRIALS = Number(process.env.ORDERFORM_CRASH_TRIALS ?? 15);
/** Kills land this long (random below it) after the plan is printed, i.e. while changes execute. */
const KILL_WINDOW_MS = Number(process.env.ORDERFORM_CRASH_WINDOW_MS ?? 300);

let sb: Sandbox;
beforeAll(async () => {
  // Type errors elsewhere in a work tree still emit; the bin is what this test needs.
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(BIN)) throw new Error(`build did not produce ${BIN}`);
  sb = await startSandbox({ deliveryDelayMs: 0, latencyMs: 15 });
}, 180_000);
afterAll(async () => sb?.close());

/** Runs the built CLI; kills it with SIGKILL `killAfterMs` after it printed the plan, when given. */
function runBin(args: string[], cwd: string, killAfterMs?: number): Promise<{ code: number | null; killed: boolean; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...sb.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let timer: NodeJS.Timeout | undefined;
    child.stdout.once('data', () => {
      if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, killed: signal === 'SIGKILL', out });
    });
  });
}

/** How many remote orders carry each reference: legacy via the delivered workspace, Maxar via the listing. */
async function remoteCounts(dir: string): Promise<Map<string, number>> {
  const { config } = await loadConfig([join(dir, 'orders.yaml')], { cwd: dir, env: sb.env });
  const clients = createProviders({ config: config!, env: sb.env });
  const counts = new Map<string, number>();
  try {
    for (const r of config!.resources) {
      if (r.kind === 'oneatlas_order') {
        const items = await collect(clients.oneatlas!.workspaceItems('ws-legacy-sandbox', r.customerReference));
        counts.set(r.address, new Set(items.map((f) => f.properties.salesOrderId ?? f.properties.internalReference)).size);
      } else if (r.kind === 'maxar_ard_order') {
        counts.set(r.address, (await collect(clients.maxar!.orders({ filter: [referenceFilter(r.customerReference)], limit: 100 }))).length);
      }
    }
  } finally {
    await clients.close();
  }
  return counts;
}

describe('apply killed with SIGKILL at random points', () => {
  it(`never duplicates nor loses an order (${TRIALS} trials)`, async () => {
    const rand = mulberry32(Number(process.env.ORDERFORM_CRASH_SEED ?? 5));
    let kills = 0;
    let midway = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = tempDir();
      writeConfig(dir, { legacy: [`t${trial}-a`, `t${trial}-b`, `t${trial}-c`], maxar: [`t${trial}-m`] });
      let converged = false;
      let retry: string[] = [];
      let killing = true;
      for (let attempt = 0; attempt < 12 && !converged; attempt++) {
        // Kill until a run gets through (at most twice a trial), then let the runs converge.
        const killAfter = killing && attempt < 2 ? Math.floor(rand() * KILL_WINDOW_MS) : undefined;
        const r = await runBin(['apply', '--auto-approve', '--parallelism', '2', ...retry.flatMap((a) => ['--retry-unconfirmed', a])], dir, killAfter);
        if (r.killed) {
          kills++;
          if (r.out.includes(' done')) midway++;
          // The killed run's lock would go stale after 10 s; the process is certainly dead, so release it now.
          rmSync(join(dir, 'orderform.state.json.lock'), { recursive: true, force: true });
          continue;
        }
        killing = false;
        const plan = await cli(['plan', '--detailed-exitcode'], dir, sb.env);
        // A legacy order shows remotely only once delivered, so orderform asks the operator. The sandbox
        // delivers at once: not found means never placed, and the operator's answer is --retry-unconfirmed.
        retry = [...(plan.out + plan.err).matchAll(/ORDER_OUTCOME_UNKNOWN: (\S+): an earlier run/g)].map((m) => m[1] as string);
        converged = r.code === 0 && plan.code === 0 && retry.length === 0;
      }
      expect(converged, `trial ${trial} did not converge`).toBe(true);
      const counts = await remoteCounts(dir);
      expect([...counts.values()], `trial ${trial}: ${JSON.stringify([...counts])}`).toEqual([1, 1, 1, 1]);
    }
    expect(kills).toBeGreaterThan(0);
    console.log(`${kills} kills, ${midway} after at least one change was done`);
  }, 600_000);
});
