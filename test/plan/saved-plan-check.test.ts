/** checkSavedAgainstFresh alone: each way a saved plan can differ from what would happen now has its code. */
import { describe, expect, it } from 'vitest';
import { error } from '../../engine/diagnostics.js';
import { checkSavedAgainstFresh } from '../../engine/plan/saved-plan-check.js';
import type { ApprovalNeeded, Change, Cost, Plan } from '../../engine/plan/types.js';

const eur = (amount: number | null, basis: Cost['basis'] = 'price-endpoint'): Cost => ({ amount, currency: 'EUR', basis, vendor: 'oneatlas' });
function change(address: string, action: Change['action'], cost: Cost | null = null, after: { reason?: Change['refusalReason'] } | null = null): Change {
  // As the diff builds a refusal it chose the reason of: shown in `after`, sent as `refusalReason`.
  const refusalReason = action === 'refuse' ? after?.reason : undefined;
  return { address, kind: action === 'accept' || action === 'refuse' ? 'quotation_decision' : 'oneatlas_order', action, reason: 'new', irreversible: true, before: null, after, fieldDiffs: [], cost, dependsOn: [], notes: [], ...(refusalReason ? { refusalReason } : {}) };
}
function plan(changes: Change[], extra: Partial<Plan> = {}): Plan {
  return { changes, approvals: [], applyable: true, diagnostics: [], ...extra } as unknown as Plan;
}
const codes = (saved: Plan, fresh: Plan, tolerance = 0) => checkSavedAgainstFresh(saved, fresh, tolerance).map((d) => d.code);

describe('a saved plan against a fresh one', () => {
  it('accepts the same changes at the same or a lower price', () => {
    expect(codes(plan([change('orders.a', 'create', eur(100))]), plan([change('orders.a', 'create', eur(90))]))).toEqual([]);
  });

  it('PLAN_PRICE_INCREASED above the tolerance only', () => {
    const saved = plan([change('orders.a', 'create', eur(100))]);
    expect(codes(saved, plan([change('orders.a', 'create', eur(104))]), 0.05)).toEqual([]);
    expect(checkSavedAgainstFresh(saved, plan([change('orders.a', 'create', eur(106))]), 0.05)[0]?.summary).toBe(
      'orders.a: the price rose from 100.00 EUR (planned) to 106.00 EUR, beyond safety.priceTolerance (5%)');
  });

  it('PLAN_QUOTATION_REPRICED for any other quoted amount, even a lower one', () => {
    expect(codes(plan([change('quotations.d', 'accept', eur(450, 'quotation'))]), plan([change('quotations.d', 'accept', eur(400, 'quotation'))]), 0.1)).toEqual(['PLAN_QUOTATION_REPRICED']);
  });

  it('PLAN_QUOTATION_EXPIRED when the accept became an expiry refusal', () => {
    expect(codes(plan([change('quotations.d', 'accept', eur(450, 'quotation'))]), plan([change('quotations.d', 'refuse', eur(0, 'free'), { reason: 'expired' })]))).toEqual(['PLAN_QUOTATION_EXPIRED']);
  });

  it('PLAN_STALE_REMOTE when a change appears, vanishes or changes action', () => {
    expect(codes(plan([change('orders.a', 'create', eur(1))]), plan([change('orders.a', 'noop')]))).toEqual(['PLAN_STALE_REMOTE']);
    expect(codes(plan([]), plan([change('alerts.x', 'create')]))).toEqual(['PLAN_STALE_REMOTE']);
    expect(codes(plan([change('alerts.x', 'update')]), plan([change('alerts.x', 'replace')]))).toEqual(['PLAN_STALE_REMOTE']);
  });

  it('PLAN_PRICE_CHANGED for another currency, PLAN_PRICE_UNKNOWN when no longer priced', () => {
    const saved = plan([change('orders.a', 'create', eur(100))]);
    expect(codes(saved, plan([change('orders.a', 'create', { ...eur(100), currency: 'USD' })]))).toEqual(['PLAN_PRICE_CHANGED']);
    expect(codes(saved, plan([change('orders.a', 'create', eur(null))]))).toEqual(['PLAN_PRICE_UNKNOWN']);
  });

  it('PLAN_LIMITS_CHANGED (with the fresh errors) when the fresh plan no longer passes its checks', () => {
    const fresh = plan([], { applyable: false, diagnostics: [error('LIMIT_EXCEEDED', 'credit')] });
    expect(codes(plan([]), fresh)).toEqual(['PLAN_LIMITS_CHANGED', 'LIMIT_EXCEEDED']);
  });

  it('PLAN_APPROVALS_CHANGED when a threshold is newly crossed', () => {
    const large: ApprovalNeeded = { code: 'LARGE_SPEND', flag: '--allow-large-spend', summary: '2 EUR > 1 EUR', value: 2, threshold: 1, currency: 'EUR' };
    expect(codes(plan([]), plan([], { approvals: [large] }))).toEqual(['PLAN_APPROVALS_CHANGED']);
    expect(codes(plan([], { approvals: [large] }), plan([], { approvals: [large] }))).toEqual([]);
  });
});
