/**
 * One writer per state: two applies started together on one state file: one runs, the other fails
 * fast naming the holder, and the state stays intact. A lock left by a SIGKILLed apply names the dead
 * process until it goes stale; then the next apply proceeds.
 */
import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureOptions } from '../support/fixture.js';
import { ensureBuilt } from '../support/project.js';
import { APPLY, ledger, NOOP_PLAN, startWorld, unplacedIntents, type World } from './harness.js';

const FIXTURE: FixtureOptions = {
  legacy: ['paris-a', 'paris-b'],
  maxar: ['ard-a'],
  alerts: { 'watch-a': 'Watch A', 'watch-b': 'Watch B' },
};

describe('concurrent applies on one state', () => {
  let world: World | undefined;
  beforeAll(ensureBuilt);
  afterEach(async () => {
    await world?.close();
  });

  it('one applies, the other fails fast naming the lock holder; state intact', async () => {
    world = await startWorld(FIXTURE, { latencyMs: 150 });
    const [a, b] = await Promise.all([world.spawn(APPLY), world.spawn(APPLY)]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    expect(loser.err).toMatch(/STATE_LOCKED: state .*orderform\.state\.json is locked by pid \d+ on .* \(orderform apply/);
    expect(loser.err).not.toContain('internal error');
    expect(ledger(world, FIXTURE)).toEqual({ duplicates: [], lost: [] });
    const plan = await world.cli(...NOOP_PLAN);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('No changes');
  }, 60_000);

  it('a lock left by a killed apply names it, then goes stale and the next apply proceeds', async () => {
    world = await startWorld(FIXTURE, { latencyMs: 100 });
    const lockOwner = join(world.dir, 'orderform.state.json.lock-owner.json');
    // Killed while it holds the lock, whatever the machine's speed.
    const killed = await world.spawn(APPLY, () => existsSync(lockOwner));
    expect(killed.killed).toBe(true);
    const blocked = await world.cli(...APPLY);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(/STATE_LOCKED: .* locked by pid \d+/);
    // The dead process no longer refreshes the lock's mtime: age it past the stale time (10 s) instead of waiting it out.
    const aged = new Date(Date.now() - 20_000);
    utimesSync(join(world.dir, 'orderform.state.json.lock'), aged, aged);
    const after = await world.cli(...APPLY);
    expect(after.code).toBe(0);
    const unresolved = unplacedIntents(world);
    if (unresolved.length) expect((await world.cli(...APPLY, ...unresolved.flatMap((x) => ['--retry-unconfirmed', x]))).code).toBe(0);
    expect(ledger(world, FIXTURE)).toEqual({ duplicates: [], lost: [] });
  }, 60_000);
});
