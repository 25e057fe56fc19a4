/** The Maxar ARD simulator against the documents: seed 004, the ARD API reference pages and the SDK's shapes. */
import turfArea from '@turf/area';
import { describe, expect, it } from 'vitest';
import { MAXAR_ADMIN_LOGIN } from '../../sandbox/index.js';
import { defaultKnobs, patchKnobs } from '../../sandbox/knobs.js';
import { useSandbox, type Reply } from './client.js';

let clock = Date.parse('2025-06-15T12:00:00Z');
const ctx = useSandbox({ now: () => new Date(clock), deliveryDelayMs: 30_000, tokenLifetimeSec: 864_000 });
const ACCOUNT = '/maxar/api/v1/admin/account/557471230760500000';
const AOI = { type: 'Polygon', coordinates: [[[2.3, 48.8], [2.42, 48.8], [2.42, 48.88], [2.3, 48.88], [2.3, 48.8]]] };
const km2 = Math.round((turfArea(AOI as never) / 1e6) * 100) / 100;
const round2 = (n: number) => Math.round(n * 100) / 100;

const order = (over: Record<string, unknown> = {}) => ({
  acquisitions: ['10300100ARDFRESH1'],
  intersects: AOI,
  output_config: { amazon_s3: { bucket: 'my-bucket', prefix: 'ard/' } },
  settings: { bundle_adjust: false },
  metadata: { reference: 'ref-default' },
  ...over,
});
const place = (over: Record<string, unknown> = {}) => ctx.c.call('POST', '/maxar/api/v1/order', order(over));
const mine = (query = '') => ctx.c.call('GET', `/maxar/api/v1/order${query}`);
const ids = (r: Reply) => r.body.data.map((o: { id: string }) => o.id);

let adminToken: string | undefined;
/** The account listing needs the admin login. */
async function asAdmin(path: string): Promise<Reply> {
  if (!adminToken) {
    const r = await ctx.c.form('/maxar/api/v1/auth/authenticate', { grant_type: 'password', username: MAXAR_ADMIN_LOGIN.username, password: MAXAR_ADMIN_LOGIN.password });
    adminToken = r.body.access_token as string;
  }
  return ctx.c.raw(path, { headers: { authorization: `Bearer ${adminToken}` } });
}
const list = (query = '') => asAdmin(`${ACCOUNT}/order${query}`);

describe('Maxar account, usage and cell metadata', () => {
  it('serves the seed account with pricing, limits and a contract year, to a user role', async () => {
    const r = await ctx.c.call('GET', ACCOUNT);
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({
      account_id: '557471230760500000',
      active: true,
      pricing: { fresh_imagery_price: 25, standard_imagery_price: 20, training_imagery_price: 5 },
      limits: { annual_subscription_fee_limit: 100000, fresh_imagery_fee_limit: 20000, standard_imagery_fee_limit: -1, training_imagery_fee_limit: null },
    });
    expect(r.body.account.usage).toBeUndefined();
    expect(r.body.account.contract_start < '2025-06-15' && r.body.account.contract_end > '2025-06-15').toBe(true);
    expect(r.body.response_timestamp).toBe('2025-06-15T12:00:00.000Z');
  });

  it('answers 403 {message} for another account', async () => {
    const r = await ctx.c.call('GET', '/maxar/api/v1/admin/account/1');
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ message: expect.any(String) });
  });

  it('serves usage (area, cost, limits, available) for the subscription period, or a date range', async () => {
    const r = await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000');
    expect(r.body.usage.cost.total_imagery_cost).toBeGreaterThan(0); // the colleague's seeded orders
    expect(r.body.usage.area).toMatchObject({ estimate: false, total_imagery_sqkm: expect.any(Number) });
    expect(r.body.usage.available.total_imagery_balance).toBeCloseTo(100000 - r.body.usage.cost.total_imagery_cost, 2);
    const none = await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000?start_date=2000-01-01&end_date=2000-12-31');
    expect(none.body.usage.cost.total_imagery_cost).toBe(0);
    expect((await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000?start_date=2000/01/01')).status).toBe(400);
  });

  it('finds tiles by acquisition id or AOI (GeoJSON or WKT), per cell, or as the order format', async () => {
    const byIds = await ctx.c.call('POST', '/maxar/api/v1/metadata/cells/acquisitions?format=geojson', { ids: ['10300100ARDFRESH1', 'NOPE'] });
    expect(byIds.body.features).toHaveLength(1);
    expect(byIds.body.features[0].properties).toMatchObject({ acquisition_id: '10300100ARDFRESH1', date: '2025-05-16', 'tile:zone': 31, platform: 'worldview-03' });
    const byWkt = await ctx.c.call('POST', '/maxar/api/v1/metadata/cells/acquisitions?format=order', { intersects: 'POLYGON((2.3 48.85, 2.35 48.85, 2.35 48.87, 2.3 48.87, 2.3 48.85))', image_age_category: ['fresh', 'standard'] });
    expect(Object.keys(byWkt.body).sort()).toEqual(['10300100ARDFAIL01', '10300100ARDFRESH1', '10300100ARDSTD001']);
    const cell = byIds.body.features[0].properties.cell_id;
    expect((await ctx.c.call('GET', `/maxar/api/v1/metadata/cells/${cell}/acquisitions/10300100ARDFRESH1`)).body.properties.acquisition_id).toBe('10300100ARDFRESH1');
    expect((await ctx.c.call('GET', `/maxar/api/v1/metadata/cells/${cell}/acquisitions/10300100ARDSTD001`)).status).toBe(404);
    expect((await ctx.c.call('POST', '/maxar/api/v1/metadata/cells/acquisitions', { intersects: AOI, bbox: [1, 2, 3, 4] })).status).toBe(400);
  });
});

describe('Maxar orders', () => {
  it('estimates with dry_run (places nothing), then charges exactly that; status RUNNING → SUCCEEDED', async () => {
    const dry = await place({ dry_run: true, metadata: { reference: 'status-1' } });
    expect(dry.status).toBe(200);
    expect(dry.body.usage.cost).toMatchObject({ fresh_imagery_cost: round2(km2 * 25), total_imagery_cost: round2(km2 * 25), estimate: true });
    expect(dry.body.usage.area.fresh_imagery_sqkm).toBe(km2);
    expect(ids(await mine('?filter=metadata.reference:status-1'))).toEqual([]);
    const usageBefore = (await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000')).body.usage.cost;
    const r = await place({ metadata: { reference: 'status-1' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: expect.stringMatching(/^\d+$/), status: 'RUNNING' });
    const id = r.body.id as string;
    clock += 30_000;
    const done = await ctx.c.call('GET', `/maxar/api/v1/order/status/${id}`);
    expect(done.body).toMatchObject({ id, status: 'SUCCEEDED', order: { metadata: { reference: 'status-1' }, usage: { cost: { total_imagery_cost: round2(km2 * 25) } } } });
    const usageAfter = (await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000')).body.usage.cost;
    expect(usageAfter.fresh_imagery_cost).toBeCloseTo(usageBefore.fresh_imagery_cost + round2(km2 * 25), 2);
    expect((await ctx.c.call('GET', '/maxar/api/v1/order/status/123')).status).toBe(404);
  });

  it('charges each acquisition at its own age category, over the part of the AOI it covers', async () => {
    const r = await place({ dry_run: true, acquisitions: ['10300100ARDSTD001', '10300100ARDTRAIN1'] });
    expect(r.body.usage.cost).toMatchObject({ standard_imagery_cost: round2(km2 * 20), training_imagery_cost: round2(km2 * 5) });
    // Half of this AOI lies east of the training footprint (2.15–2.7 E).
    const edge = { type: 'Polygon', coordinates: [[[2.6, 48.8], [2.8, 48.8], [2.8, 48.9], [2.6, 48.9], [2.6, 48.8]]] };
    const half = await place({ dry_run: true, acquisitions: ['10300100ARDTRAIN1'], intersects: edge });
    expect(half.body.usage.area.training_imagery_sqkm).toBeCloseTo(round2(turfArea(edge as never) / 1e6) / 2, 0);
  });

  it('ends FAILED for an acquisition that cannot be processed, and a failed order is not charged', async () => {
    const before = (await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000')).body.usage.cost.total_imagery_cost;
    const r = await place({ acquisitions: ['10300100ARDFAIL01'] });
    clock += 30_000;
    const failed = await ctx.c.call('GET', `/maxar/api/v1/order/status/${r.body.id}`);
    expect(failed.body).toMatchObject({ status: 'FAILED', status_message: expect.stringMatching(/failed/i) });
    expect((await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000')).body.usage.cost.total_imagery_cost).toBe(before);
  });

  it.each([
    ['no acquisitions', { acquisitions: [] }],
    ['an unknown acquisition', { acquisitions: ['NOPE'] }],
    ['acquisitions and a select_id', { select_id: '1' }],
    ['an AOI outside the footprint', { intersects: { type: 'Polygon', coordinates: [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10]]] } }],
    ['intersects and bbox', { bbox: [2.3, 48.8, 2.4, 48.9] }],
    ['two destinations', { output_config: { amazon_s3: { bucket: 'a', prefix: '' }, google_cloud_storage: { bucket: 'b', prefix: '' } } }],
    ['a destination without prefix', { output_config: { amazon_s3: { bucket: 'a' } } }],
    ['Google Cloud without write credentials', { output_config: { google_cloud_storage: { bucket: 'b', prefix: '' } } }],
    ['Azure without write credentials', { output_config: { azure_blob_storage: { container: 'c', prefix: '' } } }],
    ['a non-boolean setting', { settings: { bundle_adjust: 'yes' } }],
    ['an unknown setting', { settings: { sharpen: true } }],
    ['a malformed notification', { notifications: [{ type: 'email' }] }],
  ])('refuses %s with 400 {message}', async (_what, over) => {
    const r = await place(over);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ message: expect.any(String) });
  });

  it('takes Azure and Google Cloud write credentials but never shows them back', async () => {
    const az = await place({ output_config: { azure_blob_storage: { container: 'c', prefix: '', sas_url: 'https://acct.blob/c?sig=SECRET' } } });
    const gcs = await place({ output_config: { google_cloud_storage: { bucket: 'b', prefix: '', credentials_id: 'acme-writer' } } });
    const shown = JSON.stringify([(await ctx.c.call('GET', `/maxar/api/v1/order/status/${az.body.id}`)).body, (await ctx.c.call('GET', `/maxar/api/v1/order/status/${gcs.body.id}`)).body]);
    expect(shown).not.toContain('SECRET');
    expect(shown).toContain('acme-writer');
  });

  it('refuses an order over a fee limit (0 not orderable, category, annual) with 400, dry run included, and places nothing', async () => {
    const refused = async (limits: Record<string, number | null>, acquisitions = ['10300100ARDFRESH1']) => {
      ctx.sb.knobs.maxarLimits = limits;
      const before = (await mine('?limit=100')).body.data.length;
      const dry = await place({ acquisitions, dry_run: true });
      const r = await place({ acquisitions });
      ctx.sb.knobs.maxarLimits = {};
      expect(dry.status).toBe(r.status);
      if (r.status === 400) expect((await mine('?limit=100')).body.data.length).toBe(before);
      return r.status === 400 ? r.body.message : r.status;
    };
    expect(await refused({ fresh_imagery_fee_limit: 0 })).toMatch(/fresh_imagery_fee_limit is 0/);
    expect(await refused({ fresh_imagery_fee_limit: 10 })).toMatch(/exceeds fresh_imagery_fee_limit/);
    expect(await refused({ annual_subscription_fee_limit: 10 })).toMatch(/exceeds annual_subscription_fee_limit/);
    expect(await refused({ standard_imagery_fee_limit: -1, annual_subscription_fee_limit: -1 }, ['10300100ARDSTD001'])).toBe(200);
    expect(await refused({ training_imagery_fee_limit: null, annual_subscription_fee_limit: null }, ['10300100ARDTRAIN1'])).toBe(200);
  });
});

describe('Maxar knobs for what the documents leave open', () => {
  it('a limit refusal answered 403 or 422, an order ending ERROR, /auth/self without user.admin; bad values refused', async () => {
    ctx.sb.knobs.maxarLimits = { fresh_imagery_fee_limit: 0 };
    ctx.sb.knobs.maxarLimitStatus = 422;
    const over = await place();
    ctx.sb.knobs.maxarLimits = {};
    ctx.sb.knobs.maxarLimitStatus = 400;
    expect(over).toMatchObject({ status: 422, body: { message: expect.stringMatching(/fresh_imagery_fee_limit is 0/) } });

    ctx.sb.knobs.maxarFailStatus = 'ERROR';
    const r = await place({ acquisitions: ['10300100ARDFAIL01'] });
    ctx.sb.knobs.maxarFailStatus = 'FAILED';
    clock += 30_000;
    expect((await ctx.c.call('GET', `/maxar/api/v1/order/status/${r.body.id}`)).body.status).toBe('ERROR');

    expect((await ctx.c.call('GET', '/maxar/api/v1/auth/self')).body.user.admin).toBe(false);
    ctx.sb.knobs.maxarSelfAdmin = false;
    const self = await ctx.c.call('GET', '/maxar/api/v1/auth/self');
    ctx.sb.knobs.maxarSelfAdmin = true;
    expect(self.body.user).toEqual({ user_id: expect.any(String), account_id: '557471230760500000', username: expect.any(String) });

    expect(patchKnobs(defaultKnobs(), { maxarLimitStatus: 500, maxarFailStatus: 'BROKEN', maxarSelfAdmin: 'no' })).toEqual([
      'maxarLimitStatus must be 400, 403 or 422',
      "maxarFailStatus must be 'FAILED' or 'ERROR'",
      'maxarSelfAdmin must be true or false',
    ]);
  });
});

describe('Maxar order listings', () => {
  it('lists the caller\'s own orders as {data, has_more}; the account listing is for admins (403 for a user)', async () => {
    const own = await mine('?limit=100');
    expect(own.body.data.every((o: { user_id: string }) => o.user_id === '85914d9c-d5d8-4903-a860-455e5ea4cadf')).toBe(true);
    expect((await ctx.c.call('GET', `${ACCOUNT}/order`)).status).toBe(403);
    const all = await list('?limit=100');
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThan(own.body.data.length);
  });

  it('lists newest first by default, 10 at a time, with has_more', async () => {
    for (let i = 0; i < 12; i++) {
      clock += 1000;
      const placed = await place({
        acquisitions: ['10300100ARDTRAIN1'], // training: no category limit, so all twelve are placed
        metadata: { reference: `list-${i}` },
        settings: { bundle_adjust: i % 2 === 0 },
        output_config: { amazon_s3: { bucket: i < 6 ? 'b-one' : 'b-two', prefix: '' } },
      });
      expect(placed.status).toBe(200);
    }
    const r = await list();
    expect(r.body.data).toHaveLength(10);
    expect(r.body.has_more).toBe(true);
    const all = ids(await list('?limit=100'));
    expect(ids(r)).toEqual(all.slice(0, 10));
    expect([...all].sort().reverse()).toEqual(all);
    expect(ids(await list('?sort=asc&limit=100'))).toEqual([...all].reverse());
  });

  it('caps limit at 100 and validates sort and dates', async () => {
    for (const q of ['?limit=101', '?limit=0', '?sort=up', '?start_date=2025/01/01', '?starting_after=1&ending_before=2', '?filter=nocolon']) {
      expect((await list(q)).status).toBe(400);
      expect((await mine(q)).status).toBe(400);
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
    const back = await list(`?limit=3&ending_before=${all[5]}`);
    expect(ids(back)).toEqual(all.slice(2, 5));
    expect(back.body.has_more).toBe(true);
    const first = await list(`?limit=3&ending_before=${all[2]}`);
    expect(ids(first)).toEqual(all.slice(0, 2));
    expect(first.body.has_more).toBe(false);
    expect((await list(`?starting_after=${all[all.length - 1]}`)).body).toEqual({ data: [], has_more: false });
  });

  it('filters on nested fields, ANDs repeated filters, and filters by user and creation date', async () => {
    expect(ids(await list('?filter=metadata.reference:list-3'))).toHaveLength(1);
    const twoAndEven = await list('?limit=100&filter=output_config.amazon_s3.bucket:b-two&filter=bundle_adjust:true');
    expect(twoAndEven.body.data.map((o: { order: { metadata: { reference: string } } }) => o.order.metadata.reference).sort()).toEqual(['list-10', 'list-6', 'list-8']);
    const colleague = await list('?limit=100&user_id=3f2c9a10-7b5e-4d8a-9c61-0e4b2d7f1a93');
    expect(colleague.body.data).toHaveLength(3);
    const today = await list('?limit=100&start_date=2025-06-15&end_date=2025-06-15');
    expect(today.body.data.every((o: { date_created: string }) => o.date_created.startsWith('2025-06-15'))).toBe(true);
    expect(ids(today).length).toBe(ids(await list('?limit=100&filter=date_created:2025-06-15')).length);
    expect((await list('?end_date=2020-01-01')).body.data).toEqual([]);
  });
});

describe('Maxar select', () => {
  it('selects tiles over an AOI with estimated usage (free), result files by signed link, and orders by select_id', async () => {
    const usageBefore = (await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000')).body.usage.cost.total_imagery_cost;
    const s = await ctx.c.call('POST', '/maxar/api/v1/select', { intersects: AOI, image_age_category: ['standard', 'training'] });
    expect(s.body).toMatchObject({ status: 'RUNNING', request_details: { image_age_category: ['standard', 'training'] } });
    const done = await ctx.c.call('GET', `/maxar/api/v1/select/request/${s.body.id}`);
    expect(done.body).toMatchObject({ status: 'SUCCEEDED', unique_acquisitions: 3, usage: { cost: { estimate: true }, usage_as_of: expect.any(String) } });
    const link = await ctx.c.raw(done.body.links.geojson.replace(ctx.sb.url, ''), { headers: { authorization: `Bearer ${await ctx.c.token('maxar')}` } });
    const tiles = await ctx.c.raw(link.body.download_link.replace(ctx.sb.url, ''), {});
    expect(tiles.body.features.map((f: { properties: { acquisition_id: string } }) => f.properties.acquisition_id).sort()).toEqual(['10300100ARDFAIL01', '10300100ARDSTD001', '10300100ARDTRAIN1']);
    expect((await ctx.c.call('GET', '/maxar/api/v1/usage/account/557471230760500000')).body.usage.cost.total_imagery_cost).toBe(usageBefore);
    const bySelect = await ctx.c.call('POST', '/maxar/api/v1/order', { select_id: s.body.id, dry_run: true, output_config: { amazon_s3: { bucket: 'b', prefix: '' } } });
    expect(bySelect.body.usage.cost.total_imagery_cost).toBe(done.body.usage.cost.total_imagery_cost);
    expect((await ctx.c.call('GET', '/maxar/api/v1/select/request/42')).status).toBe(404);
  });
});
