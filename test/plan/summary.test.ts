import { describe, expect, it } from 'vitest';
import { countActions, formatMoney, summaryLine } from '../../engine/plan/summary.js';
import type { Change, Cost } from '../../engine/plan/types.js';

function c(action: Change['action'], kind: Change['kind'], cost: Cost | null = null): Change {
  return { address: `x.${Math.random()}`, kind, action, reason: 'new', irreversible: false, before: null, after: null, fieldDiffs: [], cost, dependsOn: [], notes: [] };
}
const eur = (amount: number | null): Cost => ({ amount, currency: 'EUR', basis: 'price-endpoint', vendor: 'oneatlas' });

describe('summary', () => {
  it.each([
    [[], 'No changes. 0 resources up to date.'],
    [[c('noop', 'oneatlas_order'), c('noop', 'oneatlas_alert')], 'No changes. 2 resources up to date.'],
    [[c('create', 'oneatlas_order', eur(12000)), c('create', 'oneatlas_order', eur(345)), c('create', 'maxar_ard_order', eur(0))], 'Plan: 3 to order (12,345.00 EUR).'],
    [[c('request-quotation', 'oneatlas_order'), c('update', 'oneatlas_alert'), c('noop', 'oneatlas_order')], 'Plan: 1 quotation to request, 1 alert to rename; 1 unchanged.'],
    [[c('accept', 'quotation_decision', eur(null)), c('refuse', 'quotation_decision'), c('forget', 'oneatlas_order')], 'Plan: 1 quotation to accept (1 price known at apply), 1 quotation to refuse, 1 to forget.'],
    [[c('create', 'oneatlas_alert'), c('create', 'oneatlas_alert'), c('replace', 'oneatlas_alert'), c('delete', 'oneatlas_alert')], 'Plan: 2 alerts to create, 1 alert to replace, 1 alert to delete.'],
  ] as const)('%#: %s', (changes, line) => {
    expect(summaryLine({ changes: [...changes] })).toBe(line);
  });

  it('counts every action', () => {
    expect(countActions([c('create', 'oneatlas_order'), c('noop', 'oneatlas_order'), c('noop', 'oneatlas_alert')])).toEqual({
      create: 1, update: 0, replace: 0, delete: 0, 'request-quotation': 0, accept: 0, refuse: 0, forget: 0, adopt: 0, noop: 2,
    });
  });

  it('formats money with thousands separators and cents', () => {
    expect(formatMoney(1234567.5, 'USD')).toBe('1,234,567.50 USD');
  });
});
