/** The handlers against the sandbox: one mutating call per change, state recorded with the remote ids. */
import { describe, expect, it } from 'vitest';
import { execute } from '../../engine/apply/executor.js';
import { createHandlers } from '../../engine/apply/handlers.js';
import { loadConfig } from '../../engine/config/index.js';
import type { Config } from '../../engine/model.js';
import { diff } from '../../engine/plan/diff.js';
import { emptyRemoteView } from '../../engine/core/remote.js';
import type { Plan } from '../../engine/plan/types.js';
import { createProviders, type ProviderClients } from '../../engine/providers/index.js';
import { MemoryStateStore } from '../../engine/state/memory-store.js';
import { tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

async function load(o: FixtureOptions): Promise<Config> {
  const dir = tempDir();
  const { config, diagnostics } = await loadConfig([writeConfig(dir, o)], { cwd: dir, env: sb().env });
  if (!config) throw new Error(JSON.stringify(diagnostics));
  return config;
}

/** Diffs config against the store without refresh and executes the changes. */
async function applyOnce(config: Config, store: MemoryStateStore, clients: ProviderClients) {
  const state = await store.read();
  const { changes } = diff(config.resources, state, emptyRemoteView());
  const plan = { changes } as Plan;
  const specs = new Map(config.resources.map((r) => [r.address, r]));
  const out = await execute({ plan, specs, state, store, handlerFor: createHandlers(clients) }, { parallelism: 4, keepGoing: false });
  return { out, state: await store.read() };
}

describe('handlers', () => {
  // The status of a limit refusal is undocumented (seed 004: "will return an error and will not be placed").
  it.each([400, 403, 422] as const)('a Maxar fee limit breached at the order itself (HTTP %i, nothing re-priced in between): MAXAR_LIMIT_REFUSED, the order sent once and refused, nothing in state', async (status) => {
    const store = new MemoryStateStore();
    await store.lock('test');
    const config = await load({ maxar: ['over-limit'] });
    const clients = createProviders({ config, env: sb().env });
    sb().resetCalls();
    sb().knobs.maxarLimits = { fresh_imagery_fee_limit: 1 };
    sb().knobs.maxarLimitStatus = status;
    try {
      const { out, state } = await applyOnce(config, store, clients);
      expect(out.failed.map((f) => f.diagnostic.code)).toEqual(['MAXAR_LIMIT_REFUSED']);
      expect(out.failed[0]!.diagnostic.detail).toContain('Nothing was ordered and nothing is recorded as placed');
      expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/order': 1 });
      expect(state.resources['orders.over-limit']).toBeUndefined();
    } finally {
      sb().knobs.maxarLimits = {};
      sb().knobs.maxarLimitStatus = 400;
      await clients.close();
    }
  });

  it('create orders, request a quotation, accept it, create then rename and delete an alert', async () => {
    const store = new MemoryStateStore();
    await store.lock('test');
    const first = await load({ legacy: ['paris'], neo: ['neo'], maxar: ['denver'], alerts: { watch: 'Watch Paris' } });
    const clients = createProviders({ config: first, env: sb().env });
    sb().resetCalls();
    const a = await applyOnce(first, store, clients);
    expect(a.out.failed).toEqual([]);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1, 'POST /api/v1/quotations': 1, 'POST /api/v1/order': 1, 'POST /api/v1/alerts': 1 });
    const r = a.state.resources;
    expect(r['orders.paris']).toMatchObject({ status: 'in-progress', remote: { salesOrderId: expect.stringMatching(/^SAL/) } });
    expect(r['orders.neo']).toMatchObject({ status: 'quotation-sent', remote: { quotationId: expect.stringMatching(/^QUO/) }, price: { currency: 'EUR' } });
    expect(r['orders.denver']?.remote.orderId).toBeTruthy();
    expect(r['alerts.watch']).toMatchObject({ status: 'active', remote: { alertId: expect.any(String) } });

    const second = await load({ legacy: ['paris'], neo: ['neo'], decisions: { buy: ['neo', 'accept', 1e9] }, maxar: ['denver'], alerts: { watch: 'Watch Paris, renamed' } });
    sb().resetCalls();
    const b = await applyOnce(second, store, clients);
    expect(b.out.failed).toEqual([]);
    expect(Object.keys(mutatingCalls(sb())).sort()).toEqual(['PUT /api/v1/alerts/{id}', expect.stringMatching(/accept$/)].sort());
    expect(b.state.resources['quotations.buy']).toMatchObject({ status: 'decided', remote: { salesOrderId: expect.stringMatching(/^SAL/) } });
    expect(b.state.resources['orders.neo']).toMatchObject({ status: 'in-progress', remote: { salesOrderId: expect.stringMatching(/^SAL/) } });

    const third = await load({ legacy: ['paris'], neo: ['neo'], decisions: { buy: ['neo', 'accept', 1e9] }, maxar: ['denver'] });
    sb().resetCalls();
    const c = await applyOnce(third, store, clients);
    expect(mutatingCalls(sb())).toEqual({ 'DELETE /api/v1/alerts/{id}': 1 });
    expect(c.state.resources['alerts.watch']).toBeUndefined();
    await clients.close();
  });
});
