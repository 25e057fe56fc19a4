/**
 * SIGKILL of a real `orderform apply` process, then apply again until it exits 0. An order whose
 * creating call may have been sent stays an unresolved intent (never bought again on its own, reported
 * by plan); where the vendor truth shows it was never placed, the trial does what the warning tells a
 * user: `apply --retry-unconfirmed ADDRESS`. Then every order and alert exists exactly once remotely
 * (0 duplicates, 0 lost) and a new plan shows no changes.
 * `npm test` kills once, at the most dangerous instant: the first order's intent recorded, its creating
 * call in flight. `npm run reliability` adds trials at random instants (RELIABILITY_KILL_TRIALS, default 200).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureOptions } from '../support/fixture.js';
import { ensureBuilt, FULL } from '../support/project.js';
import { APPLY, applyUntilConverged, killWindow, ledger, NOOP_PLAN, removeDeadLock, startWorld, unplacedIntents } from './harness.js';

const TRIALS = Number(process.env.RELIABILITY_KILL_TRIALS ?? (FULL ? 200 : 0));
const IN_FLIGHT = 2;

const FIXTURE: FixtureOptions = {
  legacy: ['paris-a', 'paris-b', 'paris-c'],
  maxar: ['ard-a', 'ard-b'],
  alerts: { 'watch-a': 'Watch A', 'watch-b': 'Watch B', 'watch-c': ['Watch C', 30] },
};

interface Trial {
  killAt: KillPoint;
  killed: boolean;
  reruns: number;
  retried: number;
  duplicates: string[];
  lost: string[];
  planCode: number;
}

/** Kill after `killAt` ms, or as soon as the state journal holds an order's intent. */
type KillPoint = number | 'first-intent';

async function trial(killAt: KillPoint, seed = 1): Promise<Trial> {
  const world = await startWorld(FIXTURE, { latencyMs: 10, jitterMs: 30, seed });
  const journal = join(world.dir, 'orderform.state.json.journal');
  const intentRecorded = () => existsSync(journal) && /"address":"orders\.[^"]+","resource":\{[^\n]*"status":"intent"/.test(readFileSync(journal, 'utf8'));
  try {
    const first = await world.spawn(APPLY, killAt === 'first-intent' ? intentRecorded : killAt);
    if (first.killed) removeDeadLock(world);
    const { runs, last } = await applyUntilConverged(() => world.cli(...APPLY), 4);
    if (last.code !== 0) throw new Error(`apply did not converge after kill at ${killAt} ms: ${last.err}`);
    const unresolved = unplacedIntents(world);
    if (unresolved.length) {
      const warned = await world.cli(...NOOP_PLAN);
      for (const address of unresolved) if (!(warned.out + warned.err).includes(`ORDER_OUTCOME_UNKNOWN: ${address}`)) throw new Error(`${address}: unresolved intent without a warning`);
      const retry = await world.cli(...APPLY, ...unresolved.flatMap((a) => ['--retry-unconfirmed', a]));
      if (retry.code !== 0) throw new Error(`apply --retry-unconfirmed failed: ${retry.err}`);
    }
    const plan = await world.cli(...NOOP_PLAN);
    return { killAt, killed: first.killed, reruns: runs, retried: unresolved.length, ...ledger(world, FIXTURE), planCode: plan.code };
  } finally {
    await world.close();
  }
}

describe('apply killed with SIGKILL', () => {
  beforeAll(ensureBuilt);

  it("the instant the first order's intent is recorded: 0 duplicate and 0 lost orders or alerts, re-plan has 0 changes", async () => {
    const result = await trial('first-intent');
    expect(result.killed, 'the apply was still running when its intent was recorded').toBe(true);
    expect(result).toMatchObject({ duplicates: [], lost: [], planCode: 0 });
  }, 60_000);

  it.skipIf(TRIALS === 0)(`${TRIALS} trials at random instants: 0 duplicate and 0 lost orders or alerts, re-plan has 0 changes`, async () => {
    const window = await killWindow(FIXTURE, { latencyMs: 10, jitterMs: 30 });
    const results: Trial[] = [];
    let next = 0;
    const worker = async () => {
      while (next < TRIALS) {
        next += 1;
        const killAt = Math.round(window[0] + Math.random() * (window[1] - window[0]));
        results.push(await trial(killAt, killAt));
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const bad = results.filter((r) => r.duplicates.length || r.lost.length || r.planCode !== 0);
    expect(bad).toEqual([]);
    expect(results).toHaveLength(TRIALS);
    // Most instants must actually interrupt the apply, or the trials prove nothing.
    expect(results.filter((r) => r.killed).length).toBeGreaterThan(TRIALS / 2);
  }, 60_000 + TRIALS * 6_000);
});
