import { describe, expect, it } from 'vitest';
import { execute } from '../../engine/apply/executor.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { OutcomeUnknownError } from '../../engine/providers/http.js';
import type { ChangeHandler } from '../../engine/core/handler.js';
import type { Change, Plan } from '../../engine/plan/types.js';
import type { ResourceState, StateSnapshot, StateStore } from '../../engine/state/types.js';

function change(address: string, dependsOn: string[] = [], action: Change['action'] = 'create'): Change {
  return { address, kind: 'oneatlas_alert', action, reason: 'new', irreversible: false, before: null, after: null, fieldDiffs: [], cost: null, dependsOn, notes: [] };
}
function plan(changes: Change[]): Plan {
  const counts = { create: 0, update: 0, replace: 0, delete: 0, 'request-quotation': 0, accept: 0, refuse: 0, forget: 0, adopt: 0, noop: 0 };
  return { formatVersion: 1, createdAt: '', configDigest: '', configFiles: [], state: { lineage: 'l', serial: 0 }, changes, drift: [], totals: [], limits: [], approvals: [], counts, unconfirmed: [], diagnostics: [], applyable: true };
}
function memStore() {
  const puts: string[] = [];
  const store: StateStore = {
    lock: async () => async () => {},
    read: async () => ({ version: 1, lineage: 'l', serial: 0, resources: {} }),
    put: async (a) => void puts.push(a),
    compact: async () => {},
    close: async () => {},
  };
  return { store, puts };
}
const state: StateSnapshot = { version: 1, lineage: 'l', serial: 0, resources: {} };
const result = (address: string): ResourceState => ({ address, kind: 'oneatlas_alert', status: 'active', remote: {}, specDigest: 'd', spec: {}, createdAt: '', updatedAt: '' });

function handler(fail: Set<string>, log: string[], inFlight = { now: 0, max: 0 }): ChangeHandler {
  return {
    async apply(c) {
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      await new Promise((r) => setTimeout(r, 5));
      inFlight.now--;
      log.push(c.address);
      if (fail.has(c.address)) throw new Error('vendor said no');
      return result(c.address);
    },
  };
}

describe('execute', () => {
  it('runs dependencies first and records state after each change', async () => {
    const log: string[] = [];
    const { store, puts } = memStore();
    const out = await execute(
      { plan: plan([change('q.decision', ['o.neo'], 'accept'), change('o.neo', [], 'request-quotation'), change('a.x')]), specs: new Map(), state, store, handlerFor: () => handler(new Set(), log) },
      { parallelism: 4, keepGoing: false },
    );
    expect(log.indexOf('o.neo')).toBeLessThan(log.indexOf('q.decision'));
    expect(out.done.map((d) => d.address).sort()).toEqual(['a.x', 'o.neo', 'q.decision']);
    expect(puts.sort()).toEqual(['a.x', 'o.neo', 'q.decision']);
  });

  it('never runs more than the parallelism at once', async () => {
    const inFlight = { now: 0, max: 0 };
    const changes = Array.from({ length: 20 }, (_, i) => change(`a.${i}`));
    await execute({ plan: plan(changes), specs: new Map(), state, store: memStore().store, handlerFor: () => handler(new Set(), [], inFlight) }, { parallelism: 3, keepGoing: false });
    expect(inFlight.max).toBe(3);
  });

  it('a change done with a problem the handler reports (the vendor failed an order it accepted): done, recorded, and the diagnostic kept with its address; no other change stops', async () => {
    const reporting: ChangeHandler = {
      apply: async (c, _spec, _prior, ctx) => {
        if (c.address === 'orders.a') ctx.report(c.address, error('MAXAR_ORDER_FAILED', 'orders.a: Maxar placed order 1, then reported it FAILED'));
        return result(c.address);
      },
    };
    const { store, puts } = memStore();
    const out = await execute({ plan: plan([change('orders.a'), change('orders.b', ['orders.a'])]), specs: new Map(), state, store, handlerFor: () => reporting }, { parallelism: 1, keepGoing: false });
    expect(out.done.map((d) => d.address)).toEqual(['orders.a', 'orders.b']);
    expect(out.failed).toEqual([]);
    expect(puts).toEqual(['orders.a', 'orders.b']);
    expect(out.reported?.map((d) => [d.code, d.address, d.severity])).toEqual([['MAXAR_ORDER_FAILED', 'orders.a', 'error']]);
  });

  it('keeps every diagnostic of a failed change, each tied to its address', async () => {
    const refusing: ChangeHandler = {
      apply: async () => {
        throw new DiagnosticsError([error('PRICE_OVER_MAX', 'not bought: costs 350.00 EUR, above its maxPrice 300.00 EUR'), error('LIMIT_EXCEEDED', 'not bought: with what this apply already spent, it spends 350.00 EUR against budget.total EUR')]);
      },
    };
    const failed: string[][] = [];
    const out = await execute(
      { plan: plan([change('orders.a')]), specs: new Map(), state, store: memStore().store, handlerFor: () => refusing },
      { parallelism: 1, keepGoing: false, hooks: { onFail: (_c, ds) => failed.push(ds.map((d) => d.code)) } },
    );
    expect(out.failed[0]?.diagnostics.map((d) => [d.code, d.address, d.summary.slice(0, 22)])).toEqual([
      ['PRICE_OVER_MAX', 'orders.a', 'orders.a: not bought: '],
      ['LIMIT_EXCEEDED', 'orders.a', 'orders.a: not bought: '],
    ]);
    expect(failed).toEqual([['PRICE_OVER_MAX', 'LIMIT_EXCEEDED']]);
  });

  it('stops starting new changes after a failure, and reports the rest as skipped', async () => {
    const log: string[] = [];
    const changes = Array.from({ length: 6 }, (_, i) => change(`a.${i}`));
    const out = await execute({ plan: plan(changes), specs: new Map(), state, store: memStore().store, handlerFor: () => handler(new Set(['a.0']), log) }, { parallelism: 1, keepGoing: false });
    expect(out.failed.map((f) => [f.address, f.diagnostic.code])).toEqual([['a.0', 'APPLY_FAILED']]);
    expect(out.done).toEqual([]);
    expect(out.skipped.map((s) => s.address)).toEqual(['a.1', 'a.2', 'a.3', 'a.4', 'a.5']);
  });

  it('with keepGoing runs independent changes and skips dependents of the failed one', async () => {
    const out = await execute(
      { plan: plan([change('o.neo', [], 'request-quotation'), change('q.d', ['o.neo'], 'accept'), change('a.x')]), specs: new Map(), state, store: memStore().store, handlerFor: () => handler(new Set(['o.neo']), []) },
      { parallelism: 1, keepGoing: true },
    );
    expect(out.done.map((d) => d.address)).toEqual(['a.x']);
    expect(out.skipped.map((s) => s.address)).toEqual(['q.d']);
    expect(out.failed.map((f) => f.address)).toEqual(['o.neo']);
  });

  it('reports an unknown outcome with what to do next', async () => {
    const unknown = new OutcomeUnknownError('POST', 'http://vendor.test/api/v1/orders', 'connection dropped');
    const out = await execute(
      { plan: plan([change('o.a')]), specs: new Map(), state, store: memStore().store, handlerFor: () => ({ apply: async () => { throw unknown; } }) },
      { parallelism: 1, keepGoing: false },
    );
    expect(out.failed[0]?.diagnostic.code).toBe('OUTCOME_UNKNOWN');
    expect(out.failed[0]?.diagnostic.detail).toContain('orderform apply');
  });
});
