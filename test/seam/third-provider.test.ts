/**
 * The seam holds: a vendor orderform does not ship (test/seam/fake-vendor.ts) registers through the
 * registry and goes plan → apply → re-plan with no change to any core file: priced by its provider,
 * checked against its account's credit, bought once behind the spend guard, found again by refresh.
 */
import { describe, expect, it } from 'vitest';
import { runApply } from '../../engine/apply/run.js';
import { DEFAULT_SAFETY } from '../../engine/config/normalize-settings.js';
import type { Config } from '../../engine/model.js';
import { buildPlan } from '../../engine/plan/build.js';
import { createProviders } from '../../engine/providers/index.js';
import { registerProvider } from '../../engine/providers/registry.js';
import { MemoryStateStore } from '../../engine/state/memory-store.js';
import { FakeSat, fakeSatProvider, widgetOrder } from './fake-vendor.js';

const fakesat = new FakeSat(100);
registerProvider(fakeSatProvider(fakesat));

function config(...resources: Config['resources']): Config {
  return {
    files: ['orders.yaml'],
    digest: 'fake',
    providers: {},
    budget: { total: {}, perOrder: {}, perVendor: {}, period: 'all-time' },
    safety: DEFAULT_SAFETY,
    state: { backend: 'file', path: 'unused.json' },
    resources,
    moved: [],
  };
}

describe('a third provider through the registry', () => {
  it('plans with its prices and limits, applies once, and re-plans with no changes', async () => {
    const cfg = config(widgetOrder('w1', 2), widgetOrder('w2', 4));
    const clients = createProviders({ config: cfg, env: {} });
    const store = new MemoryStateStore();
    const unlock = await store.lock('test');

    const first = await buildPlan({ config: cfg, state: await store.read(), clients });
    expect(first.plan.changes.map((c) => [c.address, c.action, c.cost?.amount, c.irreversible])).toEqual([
      ['orders.w1', 'create', 25, true],
      ['orders.w2', 'create', 50, true],
    ]);
    expect(first.plan.totals).toEqual([{ currency: 'EUR', amount: 75, unknownCount: 0 }]);
    expect(first.plan.limits).toEqual([
      { name: 'fakesat account credit', currency: 'EUR', limit: 100, used: null, planned: 75, headroomAfter: 25, ok: true },
    ]);
    expect(first.plan.applyable).toBe(true);

    const outcome = await runApply(
      { config: cfg, store, clients, state: await store.read(), built: first, plan: first.plan },
      { parallelism: 2, keepGoing: false, allowDestructive: false, allowLargeSpend: false, allowRebuy: false },
    );
    expect(outcome.failed).toEqual([]);
    expect(outcome.done.map((d) => d.address).sort()).toEqual(['orders.w1', 'orders.w2']);
    expect(fakesat.orders.map((o) => o.reference).sort()).toEqual(['of-w1', 'of-w2']);

    fakesat.calls.length = 0;
    const again = await buildPlan({ config: cfg, state: await store.read(), clients });
    expect(again.plan.changes.map((c) => [c.address, c.action, c.reason])).toEqual([
      ['orders.w1', 'noop', 'unchanged'],
      ['orders.w2', 'noop', 'unchanged'],
    ]);
    expect(again.plan.counts.create).toBe(0);
    expect(fakesat.calls).toEqual(['GET /orders']);
    await unlock();
    await clients.close();
  });

  it('refuses a plan beyond its account credit', async () => {
    const cfg = config(widgetOrder('big', 9));
    const clients = createProviders({ config: cfg, env: {} });
    const { plan } = await buildPlan({ config: cfg, state: await new MemoryStateStore().read(), clients });
    expect(plan.applyable).toBe(false);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['LIMIT_EXCEEDED']);
    await clients.close();
  });
});
