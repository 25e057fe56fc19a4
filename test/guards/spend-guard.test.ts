/** The spend guard alone: purchases in flight count against limits; a definite failure gives the money back, an unknown one does not. */
import { describe, expect, it } from 'vitest';
import { createSpendGuard } from '../../engine/apply/guard.js';
import { DEFAULT_SAFETY } from '../../engine/config/normalize-settings.js';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import type { ResourceSpec } from '../../engine/model.js';
import type { Change, Cost } from '../../engine/plan/types.js';
import { HttpError, OutcomeUnknownError } from '../../engine/providers/index.js';

const cost = (amount: number): Cost => ({ amount, currency: 'EUR', basis: 'price-endpoint', vendor: 'oneatlas', account: 'CTR1' });
const change = (address: string, planned: number): Change => ({
  address, kind: 'oneatlas_order', action: 'create', reason: 'new', irreversible: true, before: null, after: null, fieldDiffs: [], cost: cost(planned), dependsOn: [], notes: [],
});
const spec = { kind: 'oneatlas_order' } as ResourceSpec;

function guard(priceNow: (address: string) => number) {
  return createSpendGuard({
    config: { budget: { total: { EUR: 100 }, perOrder: {}, perVendor: {}, period: 'all-time' }, safety: DEFAULT_SAFETY, resources: [] },
    accounts: [],
    reprice: async (c) => cost(priceNow(c.address)),
    allowLargeSpend: true,
  })(() => undefined);
}

const refusal = (p: Promise<unknown>) => p.then(() => 'bought', (e: unknown) => (e instanceof DiagnosticsError ? e.diagnostics[0]!.code : 'other'));

describe('spend guard', () => {
  it('counts a purchase in flight, so two concurrent ones cannot overshoot the budget together', async () => {
    const spend = guard(() => 60);
    let release!: () => void;
    const first = spend(change('orders.a', 60), spec, () => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    expect(await refusal(spend(change('orders.b', 60), spec, async () => undefined))).toBe('LIMIT_EXCEEDED');
    release();
    await first;
  });

  it('gives the money back after a definite failure, not after an unknown outcome', async () => {
    const spend = guard(() => 60);
    const refused = new HttpError(400, 'POST', 'u', 'INVALID_AOI', 'no', null);
    await expect(spend(change('orders.a', 60), spec, () => Promise.reject(refused))).rejects.toBe(refused);
    expect(await refusal(spend(change('orders.b', 60), spec, () => Promise.reject(new OutcomeUnknownError('POST', 'u', 'dropped'))))).toBe('other');
    expect(await refusal(spend(change('orders.c', 60), spec, async () => undefined))).toBe('LIMIT_EXCEEDED');
  });

  it('refuses a price above the planned one and buys at the fresh price otherwise', async () => {
    const spend = guard((a) => (a === 'orders.up' ? 11 : 9));
    expect(await refusal(spend(change('orders.up', 10), spec, async () => undefined))).toBe('PRICE_INCREASED');
    let paid: Cost | null = null;
    await spend(change('orders.down', 10), spec, async (c) => void (paid = c));
    expect(paid).toMatchObject({ amount: 9 });
  });
});

describe('plan amounts bound the charge', () => {
  it('a purchase the vendor charged above the guarded amount is recorded, and reported loudly (CHARGED_ABOVE_PLAN)', async () => {
    const reported: string[] = [];
    const spend = createSpendGuard({
      config: { budget: { total: {}, perOrder: {}, perVendor: {}, period: 'all-time' }, safety: DEFAULT_SAFETY, resources: [] },
      accounts: [],
      reprice: async () => ({ amount: 65.1, currency: 'USD', basis: 'price-endpoint', vendor: 'maxar' }),
      allowLargeSpend: true,
      onChargedAbove: (d) => reported.push(`${d.code}: ${d.summary}`),
    })(() => undefined);
    const over = change('orders.ard', 65.1);
    const recorded = await spend(over, spec, async () => ({ price: { amount: 65.2, currency: 'USD' } }));
    expect(recorded).toEqual({ price: { amount: 65.2, currency: 'USD' } });
    expect(reported).toEqual(['CHARGED_ABOVE_PLAN: orders.ard: the vendor charged 65.20 USD, above the 65.10 USD checked before buying']);
    await spend(change('orders.exact', 65.1), spec, async () => ({ price: { amount: 65.1, currency: 'USD' } }));
    expect(reported).toHaveLength(1);
  });
});
