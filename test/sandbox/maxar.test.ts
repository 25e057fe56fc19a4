import turfArea from '@turf/area';
import { describe, expect, it } from 'vitest';
import { useSandbox } from './client.js';

let clock = Date.parse('2025-06-15T12:00:00Z');
const ctx = useSandbox({ now: () => new Date(clock), deliveryDelayMs: 30_000, tokenLifetimeSec: 864_000 });
const ACCOUNT = '/maxar/api/v1/admin/account/557471230760500000';
const AOI = { type: 'Polygon', coordinates: [[[2.3, 48.8], [2.42, 48.8], [2.42, 48.88], [2.3, 48.88], [2.3, 48.8]]] };
const km2 = Math.round((turfArea(AOI as never) / 1e6) * 100) / 100;
const round2 = (n: number) => Math.round(n * 100) / 100;

const order = (over: Record<string, unknown> = {}) => ({
  acquisitions: ['10300100ARDFRESH1'],
  intersects: AOI,
  bundle_adjust: false,
  output_config: { amazon_s3: { bucket: 'my-bucket', prefix: 'ard/' } },
  metadata: { reference: 'ref-default' },
  ...over,
});
const place = (over: Record<string, unknown> = {}) => ctx.c.call('POST', '/maxar/api/v1/order', order(over));
const list = (query = '') => ctx.c.call('GET', `${ACCOUNT}/order${query}`);
const ids = (r: { body: { orders: { order_id: string }[] } }) => r.body.orders.map((o) => o.order_id);

describe('Maxar account and acquisitions', () => {
  it('serves the seed account with pricing, limits, usage and a contract year', async () => {
    const r = await ctx.c.call('GET', ACCOUNT);
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({
      account_id: '557471230760500000',
      active: true,
      pricing: { fresh_imagery_price: 25, standard_imagery_price: 20, training_imagery_price: 5 },
      limits: { annual_subscription_fee_limit: 100000, fresh_imagery_fee_limit: 20000, standard_imagery_fee_limit: -1, training_imagery_fee_limit: null },
    });
    expect(r.body.account.usage.annual_subscription_fee).toBeGreaterThan(0); // the colleague's seeded orders
    expect(r.body.account.contract_start < '2025-06-15' && r.body.account.contract_end > '2025-06-15').toBe(true);
    expect(r.body.response_timestamp).toBe('2025-06-15T12:00:00.000Z');
  });

  it('answers 403 for another account', async () => {
    const r = await ctx.c.call('GET', '/maxar/api/v1/admin/account/1');
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('FORBIDDEN');
  });

  it('looks up acquisitions with dates relative to now, 404 for unknown ones', async () => {
    const fresh = await ctx.c.call('GET', '/maxar/api/v1/acquisition/10300100ARDFRESH1');
    expect(fresh.body).toMatchObject({ acquisition_id: '10300100ARDFRESH1', acquired: '2025-05-16T00:00:00.000Z' });
    expect(fresh.body.footprint.type).toBe('Polygon');
    expect((await ctx.c.call('GET', '/maxar/api/v1/acquisition/NOPE')).status).toBe(404);
  });
});

describe('Maxar orders', () => {
  it('prices area × category price, moves RECEIVED → RUNNING → SUCCEEDED, and adds to usage', async () => {
    const usageBefore = (await ctx.c.call('GET', ACCOUNT)).body.account.usage;
    const r = await place({ metadata: { reference: 'status-1' } });
    expect(r.status).toBe(201);
    expect(r.body.order).toMatchObject({ status: 'RECEIVED', account_id: '557471230760500000', area_km2: km2, cost: { amount: round2(km2 * 25), currency: 'USD', category: 'fresh' } });
    const id = r.body.order.order_id;
    clock += 10_000;
    expect((await ctx.c.call('GET', `/maxar/api/v1/order/${id}`)).body.order.status).toBe('RUNNING');
    clock += 20_000;
    expect((await ctx.c.call('GET', `/maxar/api/v1/order/${id}`)).body.order.status).toBe('SUCCEEDED');
    const usageAfter = (await ctx.c.call('GET', ACCOUNT)).body.account.usage;
    expect(usageAfter.fresh_imagery_fee).toBeCloseTo(usageBefore.fresh_imagery_fee + round2(km2 * 25), 2);
    expect((await ctx.c.call('GET', '/maxar/api/v1/order/123')).status).toBe(404);
  });

  it('charges each acquisition at its own age category', async () => {
    const r = await place({ acquisitions: ['10300100ARDSTD001', '10300100ARDTRAIN1'] });
    expect(r.body.order.cost).toMatchObject({ amount: round2(km2 * 20) + round2(km2 * 5), category: 'mixed', by_category: { standard: round2(km2 * 20), training: round2(km2 * 5) } });
  });

  it.each([
    ['no acquisitions', { acquisitions: [] }],
    ['an unknown acquisition', { acquisitions: ['NOPE'] }],
    ['an AOI outside the footprint', { intersects: { type: 'Polygon', coordinates: [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10]]] } }],
    ['two destinations', { output_config: { amazon_s3: { bucket: 'a' }, google_cloud_storage: { bucket: 'b' } } }],
    ['a bucket-less destination', { output_config: { amazon_s3: { prefix: 'x' } } }],
    ['a non-boolean bundle_adjust', { bundle_adjust: 'yes' }],
  ])('refuses %s with 400', async (_what, over) => {
    const r = await place(over);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('VALIDATION_ERROR');
  });

  it('enforces fee limits: 0 not orderable, category limit, annual limit; -1 and null mean no limit', async () => {
    const exceeded = async (limits: Record<string, number | null>, acquisitions = ['10300100ARDFRESH1']) => {
      ctx.sb.knobs.maxarLimits = limits;
      const before = (await list('?limit=100')).body.orders.length;
      const r = await place({ acquisitions });
      ctx.sb.knobs.maxarLimits = {};
      if (r.status === 422) expect((await list('?limit=100')).body.orders.length).toBe(before);
      return r.status === 422 ? r.body.error : r.status;
    };
    expect(await exceeded({ fresh_imagery_fee_limit: 0 })).toBe('LIMIT_EXCEEDED');
    expect(await exceeded({ fresh_imagery_fee_limit: 10 })).toBe('LIMIT_EXCEEDED');
    expect(await exceeded({ annual_subscription_fee_limit: 10 })).toBe('LIMIT_EXCEEDED');
    expect(await exceeded({ standard_imagery_fee_limit: -1, annual_subscription_fee_limit: -1 }, ['10300100ARDSTD001'])).toBe(201);
    expect(await exceeded({ training_imagery_fee_limit: null, annual_subscription_fee_limit: null }, ['10300100ARDTRAIN1'])).toBe(201);
  });
});

describe('Maxar order listing', () => {
  it('lists newest first by default, 10 at a time, with has_more', async () => {
    for (let i = 0; i < 12; i++) {
      clock += 1000;
      const placed = await place({
        acquisitions: ['10300100ARDTRAIN1'], // training: no category limit, so all twelve are placed
        metadata: { reference: `list-${i}` },
        bundle_adjust: i % 2 === 0,
        output_config: { amazon_s3: { bucket: i < 6 ? 'b-one' : 'b-two' } },
      });
      expect(placed.status).toBe(201);
    }
    const r = await list();
    expect(r.body.orders).toHaveLength(10);
    expect(r.body.has_more).toBe(true);
    const all = ids(await list('?limit=100'));
    expect(ids(r)).toEqual(all.slice(0, 10));
    expect([...all].sort().reverse()).toEqual(all);
    expect(ids(await list('?sort=asc&limit=100'))).toEqual([...all].reverse());
  });

  it('caps limit at 100 and validates sort and dates', async () => {
    for (const q of ['?limit=101', '?limit=0', '?sort=up', '?start_date=2025/01/01', '?starting_after=1&ending_before=2', '?filter=nocolon']) {
      expect((await list(q)).status).toBe(400);
    }
  });

  it('pages forward with starting_after and backward with ending_before', async () => {
    const all = ids(await list('?limit=100'));
    const forward: string[] = [];
    let page = await list('?limit=4');
    forward.push(...ids(page));
    while (page.body.has_more) {
      page = await list(`?limit=4&starting_after=${forward[forward.length - 1]}`);
      forward.push(...ids(page));
    }
    expect(forward).toEqual(all);
    expect(page.body.orders.length).toBeLessThanOrEqual(4);
    const back = await list(`?limit=3&ending_before=${all[5]}`);
    expect(ids(back)).toEqual(all.slice(2, 5));
    expect(back.body.has_more).toBe(true);
    const first = await list(`?limit=3&ending_before=${all[2]}`);
    expect(ids(first)).toEqual(all.slice(0, 2));
    expect(first.body.has_more).toBe(false);
    const end = await list(`?starting_after=${all[all.length - 1]}`);
    expect(end.body).toMatchObject({ orders: [], has_more: false });
  });

  it('filters on nested fields, ANDs repeated filters, and filters by user and creation date', async () => {
    expect(ids(await list('?filter=metadata.reference:list-3'))).toHaveLength(1);
    const twoAndEven = await list('?limit=100&filter=output_config.amazon_s3.bucket:b-two&filter=bundle_adjust:true');
    expect(twoAndEven.body.orders.map((o: { metadata: { reference: string } }) => o.metadata.reference).sort()).toEqual(['list-10', 'list-6', 'list-8']);
    const colleague = await list('?limit=100&user_id=3f2c9a10-7b5e-4d8a-9c61-0e4b2d7f1a93');
    expect(colleague.body.orders).toHaveLength(3);
    const today = await list('?limit=100&start_date=2025-06-15&end_date=2025-06-15');
    expect(today.body.orders.every((o: { date_created: string }) => o.date_created.startsWith('2025-06-15'))).toBe(true);
    expect(ids(today).length).toBe(ids(await list('?limit=100&filter=date_created:2025-06-15')).length);
    expect((await list('?end_date=2020-01-01')).body.orders).toEqual([]);
  });
});
