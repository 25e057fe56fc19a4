/**
 * Apply under a hostile network: 20 % 5xx, 10 % 429, one-second tokens, dropped connections, and
 * mutations that happen but whose answer is lost. Re-running apply converges in a bounded number of
 * runs; then nothing is bought twice, nothing is missing, and a re-plan shows no changes.
 * `npm test` runs one fault sequence (seed); `npm run reliability` sweeps 30.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureOptions } from '../support/fixture.js';
import { FULL } from '../support/project.js';
import { APPLY, applyUntilConverged, ledger, NOOP_PLAN, startWorld, unplacedIntents, type World } from './harness.js';

const MAX_RUNS = 8;
/** One fault sequence in `npm test` (seed 13 was the slowest of 11-13 to converge); a sweep under `npm run reliability`. */
const SEEDS = FULL ? Array.from({ length: 30 }, (_, i) => 11 + i) : [13];
const FIXTURE: FixtureOptions = {
  legacy: ['paris-a', 'paris-b', 'paris-c', 'paris-d'],
  maxar: ['ard-a', 'ard-b'],
  alerts: { 'watch-a': 'Watch A', 'watch-b': 'Watch B', 'watch-c': ['Watch C', 30], 'watch-d': ['Watch D', 40] },
};

describe('apply under 5xx, 429, short tokens and dropped connections', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
  });

  for (const seed of SEEDS) {
    it(`converges within ${MAX_RUNS} runs with 0 duplicates and 0 lost (seed ${seed})`, async () => {
      world = await startWorld(FIXTURE, {
        seed,
        tokenLifetimeSec: 1,
        latencyMs: 5,
        jitterMs: 20,
        knobs: {
          errorRate: { '*': 0.2 },
          rateLimit: { '*': 0.1 },
          retryAfterSec: 0,
          dropConnection: { '*': 0.05 },
          dropAfterCommit: { 'POST /api/v1/orders': 0.15, 'POST /api/v1/alerts': 0.15, 'POST /api/v1/order': 0.15 },
        },
      });
      const w = world;
      const { runs, last } = await applyUntilConverged(() => w.cli(...APPLY), MAX_RUNS);
      expect(last.err).not.toContain('internal error');
      expect(runs).toBeLessThanOrEqual(MAX_RUNS);

      // Faults off: what the vendor holds now is the truth to judge by.
      Object.assign(w.sb.knobs, { errorRate: {}, rateLimit: {}, dropConnection: {}, dropAfterCommit: {} });
      const unresolved = unplacedIntents(w);
      if (unresolved.length) expect((await w.cli(...APPLY, ...unresolved.flatMap((a) => ['--retry-unconfirmed', a]))).code).toBe(0);
      expect(ledger(w, FIXTURE)).toEqual({ duplicates: [], lost: [] });
      const plan = await w.cli(...NOOP_PLAN);
      expect(plan.out).toContain('No changes');
      expect(plan.code).toBe(0);
    }, 120_000);
  }
});
