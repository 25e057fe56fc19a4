import { describe, expect, it } from 'vitest';
import { fromAccount, fromAcquisition, fromOrder, referenceFilter, toOrderRequest } from '../../engine/providers/maxar-ard/convert.js';
import { readAccount, readOrderEnvelope, readOrderList } from '../../engine/providers/maxar-ard/wire.js';
import { maxarOrder, square } from './fixtures.js';

const seedAccount = {
  account: {
    account_id: '557471230760500000',
    name: 'Maxar ARD Docs',
    active: true,
    pricing: { fresh_imagery_price: 25, standard_imagery_price: 20, training_imagery_price: 5 },
    limits: {
      annual_subscription_fee_limit: 15000,
      fresh_imagery_fee_limit: 20000,
      standard_imagery_fee_limit: -1,
      training_imagery_fee_limit: null,
      tasking_imagery_fee_limit: 0,
    },
    usage: { annual_subscription_fee: 1200, fresh_imagery_fee: 1000 },
  },
  links: {},
  response_timestamp: '2022-06-03T15:14:08Z',
};

describe('Maxar account', () => {
  it('reads prices per km², limits (−1/null: none, 0: not orderable) and usage', () => {
    const a = fromAccount(readAccount(seedAccount));
    expect(a.pricing).toEqual({ fresh: 25, standard: 20, training: 5 });
    expect(a.limits).toEqual({ annual: 15000, fresh: 20000, standard: null, training: null, tasking: 0 });
    expect(a.usage).toEqual({ annual: 1200, fresh: 1000, standard: 0, training: 0, tasking: 0 });
  });

  it('also finds usage beside the account object', () => {
    const { usage, ...account } = seedAccount.account;
    expect(fromAccount(readAccount({ account, usage: { training_imagery_fee: 7 } })).usage.training).toBe(7);
  });

  it('names a missing price', () => {
    const bad = { account: { ...seedAccount.account, pricing: { fresh_imagery_price: 25, standard_imagery_price: 20 } } };
    expect(() => readAccount(bad)).toThrow(/account\.pricing\.training_imagery_price/);
  });
});

describe('Maxar orders', () => {
  it('builds the order body with the reference in metadata', () => {
    expect(toOrderRequest(maxarOrder())).toEqual({
      acquisitions: ['10300100ARDFRESH1'],
      intersects: square,
      bundle_adjust: false,
      output_config: { amazon_s3: { bucket: 'my-bucket', prefix: 'ard/' } },
      metadata: { reference: 'of-maxar-paris-0123abcd' },
    });
    expect(referenceFilter('of-x')).toBe('metadata.reference:of-x');
  });

  it('maps order status and cost', () => {
    const order = readOrderEnvelope(
      { order: { order_id: 'o1', status: 'RUNNING', metadata: { reference: 'r' }, cost: { amount: 2037.5, currency: 'USD', category: 'fresh' } } },
      'GET /api/v1/order/{id}',
    );
    expect(fromOrder(order)).toEqual({ orderId: 'o1', reference: 'r', status: 'in-progress', price: { amount: 2037.5, currency: 'USD' }, category: 'fresh' });
    expect(fromOrder({ order_id: 'o2', status: 'SUCCEEDED' }).status).toBe('delivered');
    expect(() => fromOrder({ order_id: 'o3', status: 'LOST' })).toThrow(/order\.status/);
  });

  it('checks listings and acquisitions', () => {
    expect(() => readOrderList({ orders: [{ status: 'RUNNING' }], has_more: false })).toThrow(/orders\[0\]\.order_id/);
    expect(fromAcquisition({ acquisition_id: 'a', acquired: '2024-01-02T00:00:00Z' }).acquired.toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(() => fromAcquisition({ acquisition_id: 'a', acquired: 'yesterday' })).toThrow(/acquired/);
  });
});
