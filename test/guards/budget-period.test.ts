/** Budgets are budgets: budget.total and perVendor count what this config already bought, optionally per calendar period. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorPurchases } from '../../engine/core/purchases.js';
import { spentSoFar } from '../../engine/plan/spent.js';
import type { ResourceState, StateSnapshot } from '../../engine/state/types.js';
import { cli, tempDir, writeConfig } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

async function priceOfOneOrder(): Promise<number> {
  const dir = tempDir();
  writeConfig(dir, { legacy: ['probe'] });
  const r = await cli(['plan', '--output', 'json'], dir, sb().env);
  return JSON.parse(r.out).totals[0].amount as number;
}

describe('budget.total across applies', () => {
  it('a second merge that would take the config past budget.total is refused, although it alone fits', async () => {
    const price = await priceOfOneOrder();
    const budget = `budget: { total: { EUR: ${Math.round(price * 1.5)} }, perVendor: { oneatlas: { EUR: ${Math.round(price * 1.5)} } } }`;
    const dir = tempDir();
    writeConfig(dir, { legacy: ['a'], budget });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);

    writeConfig(dir, { legacy: ['a', 'b'], budget });
    const plan = await cli(['plan'], dir, sb().env);
    expect(plan.code).toBe(1);
    expect(plan.out).toMatch(/✗ budget\.total EUR: planned [\d,.]+ EUR of [\d,.]+ EUR, used [\d,.]+ EUR, over by/);
    expect(plan.out + plan.err).toMatch(/LIMIT_EXCEEDED: This plan spends [\d,.]+ EUR against budget\.total EUR \(already used [\d,.]+ EUR\)/);
    expect(plan.out + plan.err).toContain('budget.perVendor.oneatlas EUR (already used');
    sb().resetCalls();
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('with period: calendar-month, purchases recorded in an earlier month do not count', async () => {
    const price = await priceOfOneOrder();
    const budget = (period: string) => `budget: { total: { EUR: ${Math.round(price * 1.5)} }, period: ${period} }`;
    const dir = tempDir();
    writeConfig(dir, { legacy: ['month-a'], budget: budget('calendar-month') });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    const file = join(dir, 'orderform.state.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    state.resources['orders.month-a'].createdAt = '2020-01-15T00:00:00.000Z';
    writeFileSync(file, JSON.stringify(state));

    writeConfig(dir, { legacy: ['month-a', 'month-b'], budget: budget('calendar-month') });
    const month = await cli(['plan'], dir, sb().env);
    expect(month.code, month.out + month.err).toBe(0);
    expect(month.out).toMatch(/✓ budget\.total EUR \(\d{4}-\d{2}\): planned/);
    writeConfig(dir, { legacy: ['month-a', 'month-b'], budget: budget('all-time') });
    expect((await cli(['plan'], dir, sb().env)).code).toBe(1);
  });
});

describe('spentSoFar', () => {
  const r = (address: string, kind: ResourceState['kind'], status: ResourceState['status'], amount: number, extra: Partial<ResourceState> = {}): ResourceState => ({
    address, kind, status, remote: {}, specDigest: 'd', spec: {}, price: { amount, currency: kind === 'maxar_ard_order' ? 'USD' : 'EUR' }, createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z', ...extra,
  });
  const state = (...rs: ResourceState[]): StateSnapshot => ({ version: 1, lineage: 'l', serial: 1, resources: Object.fromEntries(rs.map((x) => [x.address, x])) });

  it('counts placed orders and accepted quotations once, at the recorded price; not quotations, refusals or failures', () => {
    const s = state(
      r('orders.legacy', 'oneatlas_order', 'delivered', 100, { remote: { salesOrderId: 'S1' } }),
      r('orders.neo', 'oneatlas_order', 'in-progress', 500, { remote: { quotationId: 'Q1', salesOrderId: 'S2' } }),
      r('quotations.neo', 'quotation_decision', 'decided', 500),
      r('quotations.refused', 'quotation_decision', 'decided', 0, { price: undefined }),
      r('orders.failed', 'oneatlas_order', 'failed', 70),
      r('orders.ard', 'maxar_ard_order', 'in-progress', 65.2),
      r('orders.old', 'oneatlas_order', 'delivered', 1000, { createdAt: '2025-06-01T00:00:00Z' }),
    );
    const now = new Date('2026-12-02T06:00:00Z');
    expect(spentSoFar(s, 'all-time', now)).toEqual({ spent: { since: null, label: 'all time', byVendor: { oneatlas: { EUR: 1600 }, maxar: { USD: 65.2 } } }, diagnostics: [] });
    expect(spentSoFar(s, 'calendar-year', now).spent).toMatchObject({ since: '2026-01-01', label: '2026', byVendor: { oneatlas: { EUR: 600 } } });
    expect(spentSoFar(s, 'calendar-month', new Date('2027-01-03T00:00:00Z')).spent).toEqual({ since: '2027-01-01', label: '2027-01', byVendor: {} });
  });

  describe('with what the vendors list', () => {
    const now = new Date('2026-12-02T06:00:00Z');
    const maxar = (listed: VendorPurchases['listed'], usage?: number): VendorPurchases => ({ vendor: 'maxar', listed, ...(usage !== undefined ? { usage: [{ amount: usage, currency: 'USD' }] } : {}), diagnostics: [] });
    const order = (id: string, amount: number | null, extra: Partial<VendorPurchases['listed'][number]> = {}) =>
      ({ ids: [id], orderedAt: '2026-11-20T00:00:00Z', price: amount === null ? null : { amount, currency: 'USD' }, name: `Maxar order ${id}`, ...extra });

    it('counts an order state holds once (matched by id or reference), and one state does not hold', () => {
      const s = state(
        r('orders.a', 'maxar_ard_order', 'delivered', 65.2, { remote: { orderId: 'M1' } }),
        r('orders.b', 'maxar_ard_order', 'delivered', 30, { remote: { customerReference: 'ref-b' } }),
      );
      const got = spentSoFar(s, 'all-time', now, [maxar([order('M1', 65.2), order('M2', 30, { reference: 'ref-b' }), order('M9', 12.5)])]);
      expect(got.spent.byVendor).toEqual({ maxar: { USD: 107.7 } });
      expect(got.diagnostics).toEqual([]);
    });

    it('an adopted order state has no price for is counted at the listed price; with no price anywhere it is a warning, not 0', () => {
      const adopted = r('orders.adopted', 'maxar_ard_order', 'delivered', 0, { price: undefined, remote: { orderId: 'M3' } });
      expect(spentSoFar(state(adopted), 'all-time', now, [maxar([order('M3', 40)])]).spent.byVendor).toEqual({ maxar: { USD: 40 } });
      const unpriced = spentSoFar(state(adopted), 'all-time', now, [maxar([order('M3', null)])]);
      expect(unpriced.spent.byVendor).toEqual({});
      expect(unpriced.diagnostics.map((d) => [d.severity, d.code, d.summary])).toEqual([
        ['warning', 'SPENT_PRICE_UNKNOWN', '1 purchase(s) have no known price and are not counted against the budget: orders.adopted (Maxar order M3)'],
      ]);
    });

    it('the period applies to listed orders by their order date', () => {
      const got = spentSoFar(state(), 'calendar-month', now, [maxar([order('M4', 10, { orderedAt: '2026-12-01T08:00:00Z' }), order('M5', 99, { orderedAt: '2026-11-30T23:59:00Z' })])]);
      expect(got.spent).toEqual({ since: '2026-12-01', label: '2026-12', byVendor: { maxar: { USD: 10 } } });
    });

    it("the vendor's usage counter counts when it says more than the orders seen, never added to them", () => {
      const s = state(r('orders.a', 'maxar_ard_order', 'delivered', 65.2, { remote: { orderId: 'M1' } }));
      expect(spentSoFar(s, 'all-time', now, [maxar([order('M1', 65.2)], 500)]).spent.byVendor).toEqual({ maxar: { USD: 500 } });
      expect(spentSoFar(s, 'all-time', now, [maxar([order('M1', 65.2)], 20)]).spent.byVendor).toEqual({ maxar: { USD: 65.2 } });
    });
  });
});
