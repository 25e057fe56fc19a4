import { describe, expect, it } from 'vitest';
import { costByCategory, fromAccount, fromOrder, fromUsage, toOrderRequest } from '../../engine/providers/maxar-ard/convert.js';
import { readAccount, readAccountUsage, readEstimate, readOrder, readOrderList, readPlaced, readSelf } from '../../engine/providers/maxar-ard/wire.js';
import { locationOf } from '../../engine/providers/maxar-ard/deliveries.js';
import { maxarOrder, square } from './fixtures.js';

/** Seed 004's example answer, verbatim where it matters. */
const seedAccount = {
  account: {
    account_id: '5600098189427357..',
    name: 'Maxar ARD Docs',
    active: true,
    pricing: { fresh_imagery_price: 25, standard_imagery_price: 20, training_imagery_price: 5 },
    limits: {
      annual_subscription_fee_limit: 15000,
      fresh_imagery_fee_limit: 20000,
      standard_imagery_fee_limit: -1,
      training_imagery_fee_limit: -1,
      tasking_imagery_fee_limit: 0,
    },
  },
  links: {},
  response_timestamp: '2022-06-03T15:14:08Z',
};

/** The usage resource's shape (USAGE docs; SDK admin.py AdminUsage). */
const usageAnswer = {
  account_id: '1',
  usage: {
    area: { fresh_imagery_sqkm: 5.91, standard_imagery_sqkm: 0, training_imagery_sqkm: 0, total_imagery_sqkm: 5.91, estimate: false },
    cost: { fresh_imagery_cost: 147.75, standard_imagery_cost: 0, training_imagery_cost: null, tasking_imagery_cost: 10, total_imagery_cost: 157.75, estimate: false },
    limits: {},
    available: { total_imagery_balance: -1 },
  },
};

describe('Maxar account and usage', () => {
  it('reads prices per km² and limits (−1/null: none, 0: not orderable)', () => {
    const a = fromAccount(readAccount(seedAccount));
    expect(a.pricing).toEqual({ fresh: 25, standard: 20, training: 5 });
    expect(a.limits).toEqual({ annual: 15000, fresh: 20000, standard: null, training: null, tasking: 0 });
  });

  it('names a missing price', () => {
    const bad = { account: { ...seedAccount.account, pricing: { fresh_imagery_price: 25, standard_imagery_price: 20 } } };
    expect(() => readAccount(bad)).toThrow(/account\.pricing\.training_imagery_price/);
  });

  it('takes spent-so-far from the usage resource; the annual limit counts archive categories only', () => {
    expect(fromUsage(readAccountUsage(usageAnswer))).toEqual({ fresh: 147.75, standard: 0, training: 0, tasking: 10, annual: 147.75 });
    expect(() => readAccountUsage({ usage: { area: {}, cost: {} } })).toThrow(/usage\.cost\.total_imagery_cost/);
  });

  it('reads who the login is', () => {
    expect(readSelf({ user: { user_id: 'u', account_id: '42' } }).user.account_id).toBe('42');
    expect(() => readSelf({ user: { user_id: 'u' } })).toThrow(/user\.account_id/);
  });
});

describe('Maxar orders', () => {
  it('builds the documented body: bundle_adjust in settings, prefix always sent, reference in metadata', () => {
    expect(toOrderRequest(maxarOrder({ bundleAdjust: true, outputConfig: { amazon_s3: { bucket: 'b' } } }), () => '')).toEqual({
      acquisitions: ['10300100ARDFRESH1'],
      intersects: square,
      output_config: { amazon_s3: { prefix: '', bucket: 'b' } },
      settings: { bundle_adjust: true },
      metadata: { reference: 'of-maxar-paris-0123abcd' },
    });
  });

  it('sends a cloud write secret read from the variable the config names, and notifications', () => {
    const spec = maxarOrder({
      outputConfig: { azure_blob_storage: { container: 'c', prefix: 'p' } },
      outputSecret: { field: 'sas_url', env: 'MY_SAS' },
      settings: { cloud_mask: false },
      notifications: [{ type: 'email', address: 'ops@example.com' }],
    });
    const asked: string[] = [];
    const body = toOrderRequest(spec, (v) => (asked.push(v), 'https://sas'));
    expect(asked).toEqual(['MY_SAS']);
    expect(body.output_config).toEqual({ azure_blob_storage: { prefix: 'p', container: 'c', sas_url: 'https://sas' } });
    expect(body.settings).toEqual({ cloud_mask: false, bundle_adjust: false });
    expect(body.notifications).toEqual([{ type: 'email', address: 'ops@example.com' }]);
  });

  it('reads the dry-run estimate per category (null cost: category without pricing, nothing there)', () => {
    const u = readEstimate({ usage: usageAnswer.usage });
    expect(costByCategory(u)).toEqual({ fresh: 147.75, standard: 0, training: 0, tasking: 10 });
    expect(() => readEstimate({ id: 'x' })).toThrow(/usage/);
  });

  it('reads a placed order by its top-level id', () => {
    expect(readPlaced({ id: '5575', status: 'RUNNING' }).id).toBe('5575');
    expect(() => readPlaced({ order: { order_id: '5575' } })).toThrow(/\bid\b/);
  });

  it('maps every documented status: RUNNING, SUCCEEDED, FAILED and ERROR; an unknown one is still running', () => {
    const o = readOrder({ id: 'o1', status: 'RUNNING', order: { metadata: { reference: 'r' } } });
    expect(fromOrder(o)).toEqual({ orderId: 'o1', reference: 'r', status: 'in-progress', vendorStatus: 'RUNNING', shown: { acquisitions: [], geometry: null } });
    expect(fromOrder({ id: 'o2', status: 'SUCCEEDED' }).status).toBe('delivered');
    expect(fromOrder({ id: 'o3', status: 'FAILED', status_message: 'boom' })).toMatchObject({ status: 'failed', statusMessage: 'boom' });
    expect(fromOrder({ id: 'o4', status: 'ERROR' }).status).toBe('failed');
    expect(fromOrder({ id: 'o5', status: 'QUEUED' }).status).toBe('in-progress');
  });

  it('reads what the listing shows of the request: acquisitions (ids or {id, cells}) sorted once, a Polygon AOI, bundle adjustment', () => {
    const aoi = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    const o = { id: 'o6', status: 'SUCCEEDED', order: { acquisitions: ['B', { id: 'A', cells: ['c1'] }, 'B'], intersects: aoi, settings: { bundle_adjust: true } } };
    expect(fromOrder(o).shown).toEqual({ acquisitions: ['A', 'B'], geometry: aoi, bundleAdjust: true });
    expect(fromOrder({ id: 'o7', status: 'SUCCEEDED', order: { intersects: { type: 'MultiPolygon', coordinates: [] } } }).shown.geometry).toBeNull();
  });

  it('checks listings: {data, has_more} with an id per order', () => {
    expect(readOrderList({ data: [{ id: 'a', status: 'RUNNING' }], has_more: false }, 'GET /api/v1/order').data).toHaveLength(1);
    expect(() => readOrderList({ orders: [], has_more: false }, 'GET /api/v1/order')).toThrow(/data/);
    expect(() => readOrderList({ data: [{ status: 'RUNNING' }], has_more: false }, 'GET /api/v1/order')).toThrow(/data\[0\]\.id/);
  });
});

describe('where a Maxar order was delivered', () => {
  it('reads the output config as the SDK opens an order (ard_collection.py): s3, gs, az, and the legacy top-level bucket', () => {
    expect(locationOf({ amazon_s3: { bucket: 'b', prefix: 'a/b' } })).toBe('s3://b/a/b');
    expect(locationOf({ google_cloud_storage: { bucket: 'g', prefix: '/x', credentials_id: 'c' } })).toBe('gs://g/x');
    expect(locationOf({ azure_blob_storage: { container: 'c', prefix: '' } })).toBe('az://c/');
    expect(locationOf({ bucket: 'old', prefix: 'p' })).toBe('s3://old/p');
    expect(locationOf({ azure_blob_storage: { bucket: 'wrong-field' } })).toBeUndefined();
    expect(locationOf({ somewhere_else: { bucket: 'x' } })).toBeUndefined();
    expect(locationOf(undefined)).toBeUndefined();
  });
});
