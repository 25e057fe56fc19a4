/**
 * Team use on one PostgreSQL state (issue #7): two real `orderform apply` processes started together
 * against the same database — one applies, the other fails fast naming the holder; state stays whole,
 * nothing is bought twice, the next plan is clean. A plan runs while an apply holds the lock. State
 * migrated from a file to PostgreSQL plans and applies with no change.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls } from '../support/sandbox.js';
import { APPLY, NOOP_PLAN, startWorld, type World } from '../reliability/harness.js';
import { ensureBuilt } from '../support/project.js';
import { findPostgresBinDir, startPostgres, type TestPostgres } from '../support/postgres.js';

const FIXTURE: FixtureOptions = {
  legacy: ['paris-a', 'paris-b'],
  maxar: ['ard-a'],
  alerts: { 'watch-a': 'Watch A' },
};
const ADDRESSES = ['alerts.watch-a', 'orders.ard-a', 'orders.paris-a', 'orders.paris-b'];

const binDir = findPostgresBinDir();
const title = binDir ? 'team on shared PostgreSQL state' : 'team on shared PostgreSQL state (SKIPPED: no PostgreSQL binaries)';

interface Row {
  address: string;
  status: string;
  reference: string | null;
}

describe.skipIf(!binDir)(title, () => {
  let pg: TestPostgres;
  let world: World | undefined;
  let databases = 0;

  beforeAll(async () => {
    ensureBuilt();
    pg = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  /** A fresh database per test, so no test sees another's state. */
  async function database(): Promise<{ name: string; url: string }> {
    const name = `team_${++databases}`;
    await pg.sql(`CREATE DATABASE ${name}`);
    return { name, url: pg.urlFor(name) };
  }

  const resources = (db: string) =>
    pg.sql<Row>(`SELECT address, body->>'status' AS status, body->'remote'->>'customerReference' AS reference FROM orderform_resources ORDER BY address`, [], db);
  const locks = (db: string) => pg.sql<{ owner: string }>('SELECT owner FROM orderform_locks', [], db).catch(() => []);

  /**
   * Every order in state exists exactly once at its vendor, and nothing else was created: the sandbox
   * seeds Maxar orders of its own (references `history-*`), the rest is ours.
   */
  function remoteOnce(w: World, rows: Row[]): Record<string, number> {
    const remote = w.remote();
    const sum = (m: Map<string, number>) => [...m].reduce((s, [ref, n]) => (ref.startsWith('history-') ? s : s + n), 0);
    const counts: Record<string, number> = {};
    for (const r of rows.filter((x) => x.address.startsWith('orders.'))) {
      counts[r.address] = (remote.workOrders.get(r.reference ?? '') ?? 0) + (remote.maxarOrders.get(r.reference ?? '') ?? 0);
    }
    return { ...counts, '(OneAtlas orders)': sum(remote.workOrders), '(Maxar orders)': sum(remote.maxarOrders), '(alerts)': sum(remote.alerts) };
  }
  const ONCE = { 'orders.ard-a': 1, 'orders.paris-a': 1, 'orders.paris-b': 1, '(OneAtlas orders)': 2, '(Maxar orders)': 1, '(alerts)': 1 };

  it('two applies at once: one applies, the other fails fast naming the holder; state intact, each order once, next plan clean', async () => {
    const db = await database();
    world = await startWorld(FIXTURE, { latencyMs: 150 }, { ORDERFORM_STATE_URL: db.url });
    const [a, b] = await Promise.all([world.spawn(APPLY), world.spawn(APPLY)]);
    expect([a.code, b.code].sort(), a.err + b.err).toEqual([0, 1]);
    const [winner, loser] = a.code === 0 ? [a, b] : [b, a];
    expect(winner.out).toMatch(/Apply complete/i);
    expect(loser.err).toMatch(/STATE_LOCKED: .*locked by orderform apply \(pid \d+\)/);
    expect(loser.err).not.toContain('internal error');
    expect(loser.err).not.toContain(pg.password);

    const rows = await resources(db.name);
    expect(rows.map((r) => r.address)).toEqual(ADDRESSES);
    expect(rows.filter((r) => r.status === 'intent')).toEqual([]);
    const [head] = await pg.sql<{ serial: string; lineage: string }>('SELECT serial, lineage FROM orderform_state', [], db.name);
    expect(Number(head!.serial)).toBeGreaterThan(0);
    expect(await locks(db.name)).toEqual([]);
    expect(remoteOnce(world, rows)).toEqual(ONCE);

    const plan = await world.cli(...NOOP_PLAN);
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out).toContain('No changes');
  }, 120_000);

  it('a plan runs while an apply in another process holds the lock', async () => {
    const db = await database();
    world = await startWorld(FIXTURE, { latencyMs: 300 }, { ORDERFORM_STATE_URL: db.url });
    const w = world;
    let finished = false;
    const apply = w.spawn(APPLY).finally(() => (finished = true));
    let held: { owner: string }[] = [];
    while (!held.length && !finished) {
      held = await locks(db.name);
      if (!held.length) await new Promise((r) => setTimeout(r, 20));
    }
    expect(held.map((h) => h.owner), 'the apply took the lock before it finished').toEqual([expect.stringMatching(/^orderform apply \(pid \d+\)$/)]);
    // Started while the other process holds the lock: plan reads state without taking it.
    const plan = await w.cli('plan', '--detailed-exitcode');
    expect(plan.err).not.toContain('STATE_LOCKED');
    expect([0, 2], plan.err).toContain(plan.code);
    const applied = await apply;
    expect(applied.code, applied.err).toBe(0);
    expect(remoteOnce(w, await resources(db.name))).toEqual(ONCE);
  }, 120_000);

  it('state migrate from a file to PostgreSQL, then apply on ORDERFORM_STATE_URL: no changes, no vendor writes', async () => {
    const db = await database();
    world = await startWorld(FIXTURE);
    const applied = await world.cli(...APPLY);
    expect(applied.code, applied.err).toBe(0);
    const migrate = await world.cli('state', 'migrate', '--to', db.url);
    expect(migrate.code, migrate.err).toBe(0);
    expect((await resources(db.name)).map((r) => r.address)).toEqual(ADDRESSES);

    world.sb.resetCalls();
    const onPg = { ...world.env, ORDERFORM_STATE_URL: db.url };
    const again = await cli(APPLY, world.dir, onPg);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('No changes');
    expect(mutatingCalls(world.sb)).toEqual({});
    expect((await cli(NOOP_PLAN, world.dir, onPg)).code).toBe(0);
  }, 120_000);
});
