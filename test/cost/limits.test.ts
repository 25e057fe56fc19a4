import { describe, expect, it } from 'vitest';
import type { AccountLimit } from '../../engine/core/account-limit.js';
import { checkLimits } from '../../engine/plan/limits.js';
import { accountLimits } from '../../engine/providers/maxar-ard/pricing.js';
import type { Change, Cost } from '../../engine/plan/types.js';
import type { Budget, Money } from '../../engine/model.js';

function order(address: string, cost: Cost): Change {
  const kind = cost.vendor === 'maxar' ? 'maxar_ard_order' : 'oneatlas_order';
  return { address, kind, action: 'create', reason: 'new', irreversible: true, before: null, after: null, fieldDiffs: [], cost, dependsOn: [], notes: [] };
}
const eur = (amount: number, account = 'CTR1'): Cost => ({ amount, currency: 'EUR', basis: 'price-endpoint', vendor: 'oneatlas', account });
const usd = (byCategory: Cost['byCategory']): Cost => ({
  amount: Object.values(byCategory ?? {}).reduce((s, v) => s + (v ?? 0), 0),
  currency: 'USD', basis: 'price-endpoint', vendor: 'maxar', account: 'MX', byCategory,
});
const noBudget: Budget = { total: {}, perOrder: {}, perVendor: {}, period: 'all-time' };
const facts: AccountLimit[] = [
  { name: 'oneatlas contract CTR1 credit', currency: 'EUR', limit: 1000, used: null, counts: { vendor: 'oneatlas', account: 'CTR1' }, alwaysShown: true },
];

function run(changes: Change[], budget = noBudget, f = facts, maxPrices = new Map<string, Money>()) {
  return checkLimits({ changes, budget, accounts: f, maxPrices, sources: new Map() });
}
const codes = (r: ReturnType<typeof run>) => r.diagnostics.map((d) => d.code);

describe('checkLimits', () => {
  it('passes within credit and shows the headroom', () => {
    const r = run([order('orders.a', eur(400))]);
    expect(codes(r)).toEqual([]);
    expect(r.limits).toEqual([
      { name: 'oneatlas contract CTR1 credit', currency: 'EUR', limit: 1000, used: null, planned: 400, headroomAfter: 600, ok: true },
    ]);
  });
  it('refuses a plan beyond the contract credit', () => {
    const r = run([order('orders.a', eur(600)), order('orders.b', eur(600))]);
    expect(codes(r)).toEqual(['LIMIT_EXCEEDED']);
    expect(r.limits[0]).toMatchObject({ headroomAfter: -200, ok: false });
  });
  it('checks budget total, per vendor and per order ceilings', () => {
    const budget: Budget = { total: { EUR: 500 }, perOrder: { EUR: 300 }, perVendor: { oneatlas: { EUR: 450 } }, period: 'all-time' };
    const r = run([order('orders.a', eur(350)), order('orders.b', eur(200))], budget);
    expect(codes(r).sort()).toEqual(['BUDGET_PER_ORDER_EXCEEDED', 'LIMIT_EXCEEDED', 'LIMIT_EXCEEDED']);
    expect(r.diagnostics.find((d) => d.code === 'BUDGET_PER_ORDER_EXCEEDED')?.summary).toContain('orders.a');
  });
  it('checks a resource maxPrice', () => {
    const r = run([order('orders.a', eur(350))], noBudget, facts, new Map([['orders.a', { amount: 300, currency: 'EUR' }]]));
    expect(codes(r)).toEqual(['PRICE_OVER_MAX']);
  });
  it('words a purchase refused at apply as why it is not bought, each finding tied to the resource', () => {
    const budget: Budget = { total: { EUR: 500 }, perOrder: {}, perVendor: {}, period: 'all-time' };
    const inp = { changes: [order('orders.a', eur(350)), order('orders.b', eur(200))], budget, accounts: facts, maxPrices: new Map([['orders.b', { amount: 150, currency: 'EUR' }]]), sources: new Map() };
    const summaries = (at: 'plan' | 'purchase') => checkLimits({ ...inp, at }).diagnostics.map((d) => [d.address, d.summary]);
    expect(summaries('plan')).toEqual([
      ['orders.b', 'orders.b costs 200.00 EUR, above its maxPrice 150.00 EUR'],
      [undefined, 'This plan spends 550.00 EUR against budget.total EUR, which leaves -50.00 EUR'],
    ]);
    expect(summaries('purchase')).toEqual([
      ['orders.b', 'not bought: costs 200.00 EUR, above its maxPrice 150.00 EUR'],
      [undefined, 'not bought: with what this apply already spent, it spends 550.00 EUR against budget.total EUR, which leaves -50.00 EUR'],
    ]);
  });
  it('applies Maxar fee limits: null unlimited, 0 not orderable, annual across archive categories', () => {
    const mx = accountLimits({
      accountId: 'MX',
      limits: { annual: 1000, fresh: 500, standard: null, training: 0, tasking: 5000 },
      usage: { annual: 700, fresh: 450, standard: 0, training: 0, tasking: 0 },
    });
    const ok = run([order('orders.m', usd({ standard: 250 }))], noBudget, mx);
    expect(codes(ok)).toEqual([]);
    // training (limit 0, nothing planned) is left out; tasking (a real limit) is shown.
    expect(ok.limits.map((l) => l.name)).toEqual([
      'maxar fresh_imagery_fee_limit', 'maxar standard_imagery_fee_limit', 'maxar tasking_imagery_fee_limit', 'maxar annual_subscription_fee_limit',
    ]);
    expect(ok.limits.find((l) => l.name === 'maxar annual_subscription_fee_limit')).toMatchObject({ headroomAfter: 50, ok: true });

    const bad = run([order('orders.m', usd({ fresh: 100, training: 1 }))], noBudget, mx);
    expect(codes(bad).sort()).toEqual(['CATEGORY_NOT_ORDERABLE', 'LIMIT_EXCEEDED']);
    expect(bad.diagnostics.find((d) => d.code === 'LIMIT_EXCEEDED')?.summary).toContain('fresh_imagery_fee_limit');
  });
  it('warns when a price is not known yet', () => {
    const r = run([{ ...order('quotations.q', eur(0)), kind: 'quotation_decision', action: 'accept', cost: { ...eur(0), amount: null } }]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['COST_UNKNOWN', 'warning']]);
  });
});
