import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, HttpError, OutcomeUnknownError } from '../../engine/providers/index.js';
import type { MaxarClient } from '../../engine/providers/maxar-ard/client.js';
import { fromAccount, fromAcquisition, fromOrder, referenceFilter, toOrderRequest } from '../../engine/providers/maxar-ard/convert.js';
import { ageCategory } from '../../engine/plan/cost.js';
import { maxarOrder } from './fixtures.js';
import { callsTo, startHarness, type Harness } from './sandbox-harness.js';

let h: Harness;
let mx: MaxarClient;

beforeAll(async () => {
  h = await startHarness();
  mx = h.providers.maxar as MaxarClient;
});
afterAll(async () => h?.close());

let seq = 0;
const ref = (what: string): string => `test-${what}-${++seq}-${Date.now().toString(36)}`;

describe('Maxar ARD account and acquisitions', () => {
  it('reads pricing per km², limits and usage', async () => {
    const a = fromAccount(await mx.account());
    expect(a.accountId).toBe('557471230760500000');
    expect(a.pricing.fresh).toBeGreaterThan(0);
    expect(a.pricing.standard).toBeGreaterThan(0);
    expect(a.pricing.training).toBeGreaterThan(0);
    expect(Object.keys(a.limits).sort()).toEqual(['annual', 'fresh', 'standard', 'tasking', 'training']);
  });

  it('looks acquisitions up and knows their age category', async () => {
    const now = new Date();
    const cat = async (id: string) => {
      const w = await mx.acquisition(id);
      return w && ageCategory(fromAcquisition(w).acquired, now);
    };
    expect(await cat('10300100ARDFRESH1')).toBe('fresh');
    expect(await cat('10300100ARDSTD001')).toBe('standard');
    expect(await cat('10300100ARDTRAIN1')).toBe('training');
    expect(await mx.acquisition('NOPE')).toBeNull();
  });
});

describe('Maxar ARD orders', () => {
  it('places an order, fetches it and finds it by its reference', async () => {
    const spec = maxarOrder({ customerReference: ref('place') });
    const placed = fromOrder(await mx.placeOrder(toOrderRequest(spec)));
    expect(placed).toMatchObject({ reference: spec.customerReference, status: 'in-progress' });
    expect(placed.price?.currency).toBe('USD');
    expect(placed.price?.amount).toBeGreaterThan(0);

    const fetched = await mx.order(placed.orderId);
    expect(fetched && fromOrder(fetched).orderId).toBe(placed.orderId);
    expect(await mx.order('0000000000')).toBeNull();

    const found = await collect(mx.orders({ filter: [referenceFilter(spec.customerReference)] }));
    expect(found.map((o) => o.order_id)).toEqual([placed.orderId]);
  });

  it('pages forward through the account orders', async () => {
    for (let i = 0; i < 5; i++) await mx.placeOrder(toOrderRequest(maxarOrder({ customerReference: ref('page'), acquisitions: ['10300100ARDTRAIN1'] })));
    const all = await collect(mx.orders({ limit: 100 }));
    h.sb.resetCalls();
    const paged = await collect(mx.orders({ limit: 2 }));
    expect(paged.map((o) => o.order_id)).toEqual(all.map((o) => o.order_id));
    expect(callsTo(h.sb, 'GET', '/api/v1/admin/account/{account}/order')).toBe(Math.ceil(all.length / 2));
  });

  it('maps a fee limit to 422 LIMIT_EXCEEDED', async () => {
    h.sb.knobs.maxarLimits = { fresh_imagery_fee_limit: 0 };
    try {
      const err = await mx.placeOrder(toOrderRequest(maxarOrder({ customerReference: ref('limit') }))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
      expect(err).toMatchObject({ status: 422, code: 'LIMIT_EXCEEDED' });
    } finally {
      h.sb.knobs.maxarLimits = {};
    }
  });

  it('does not resend an order whose answer was lost, and finds it by its reference', async () => {
    const spec = maxarOrder({ customerReference: ref('lost') });
    h.sb.resetCalls();
    // The next call is the order itself: the token is already cached.
    h.sb.knobs.dropAfterCommit = { '*': { next: 1 } };
    await expect(mx.placeOrder(toOrderRequest(spec))).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(callsTo(h.sb, 'POST', '/api/v1/order')).toBe(1);
    const found = await collect(mx.orders({ filter: [referenceFilter(spec.customerReference)] }));
    expect(found).toHaveLength(1);
  });
});
