import { describe, expect, it } from 'vitest';
import { ageCategory, maxarCost, spendTotals } from '../../engine/plan/cost.js';
import type { Change, Cost } from '../../engine/plan/types.js';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

function change(address: string, action: Change['action'], cost: Cost | null, kind: Change['kind'] = 'oneatlas_order'): Change {
  return { address, kind, action, reason: 'new', irreversible: true, before: null, after: null, fieldDiffs: [], cost, dependsOn: [], notes: [] };
}

describe('ageCategory', () => {
  it.each([
    [0, 'fresh'],
    [90, 'fresh'],
    [91, 'standard'],
    [1095, 'standard'],
    [1096, 'training'],
    [4000, 'training'],
  ] as const)('%i days old is %s', (days, cat) => {
    expect(ageCategory(daysAgo(days), now)).toBe(cat);
  });
});

describe('maxarCost', () => {
  const pricing = { fresh: 25, standard: 20, training: 5 };
  it('prices each acquisition by its age category times the AOI area', () => {
    const c = maxarCost(10.5, [{ id: 'A', acquired: daysAgo(10) }, { id: 'B', acquired: daysAgo(400) }], pricing, now, 'acct');
    expect(c.amount).toBe(472.5); // 10.5 × 25 + 10.5 × 20
    expect(c.byCategory).toEqual({ fresh: 262.5, standard: 210 });
    expect(c.currency).toBe('USD');
    expect(c.account).toBe('acct');
  });
  it('rounds to cents', () => {
    expect(maxarCost(1 / 3, [{ id: 'A', acquired: daysAgo(5000) }], pricing, now, 'a').amount).toBe(1.67);
  });
});

describe('spendTotals', () => {
  it('sums spending changes per currency and counts unknown prices apart', () => {
    const eur = (amount: number | null): Cost => ({ amount, currency: 'EUR', basis: 'price-endpoint', vendor: 'oneatlas' });
    const totals = spendTotals([
      change('orders.a', 'create', eur(100.1)),
      change('orders.b', 'create', eur(200.2)),
      change('quotations.q', 'accept', eur(null), 'quotation_decision'),
      change('orders.n', 'request-quotation', eur(999)),
      change('alerts.x', 'create', null, 'oneatlas_alert'),
      change('orders.m', 'create', { amount: 50, currency: 'USD', basis: 'account-pricing', vendor: 'maxar' }, 'maxar_ard_order'),
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', amount: 300.3, unknownCount: 1 },
      { currency: 'USD', amount: 50, unknownCount: 0 },
    ]);
  });
});
