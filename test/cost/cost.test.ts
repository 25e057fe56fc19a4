import { describe, expect, it } from 'vitest';
import { spendTotals } from '../../engine/plan/cost.js';
import { ageCategory } from '../../engine/providers/maxar-ard/pricing.js';
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

describe('spendTotals', () => {
  it('sums spending changes per currency and counts unknown prices apart', () => {
    const eur = (amount: number | null): Cost => ({ amount, currency: 'EUR', basis: 'price-endpoint', vendor: 'oneatlas' });
    const totals = spendTotals([
      change('orders.a', 'create', eur(100.1)),
      change('orders.b', 'create', eur(200.2)),
      change('quotations.q', 'accept', eur(null), 'quotation_decision'),
      change('orders.n', 'request-quotation', eur(999)),
      change('alerts.x', 'create', null, 'oneatlas_alert'),
      change('orders.m', 'create', { amount: 50, currency: 'USD', basis: 'price-endpoint', vendor: 'maxar' }, 'maxar_ard_order'),
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', amount: 300.3, unknownCount: 1 },
      { currency: 'USD', amount: 50, unknownCount: 0 },
    ]);
  });
});
