/** The Maxar ARD client against the sandbox, with the sandbox's user-role login unless a test says otherwise. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { collect, createProviders, HttpClient, HttpError, OutcomeUnknownError } from '../../engine/providers/index.js';
import type { MaxarOrderSpec } from '../../engine/model.js';
import type { MaxarClient } from '../../engine/providers/maxar-ard/client.js';
import { costByCategory, fromAccount, fromOrder, fromUsage, toOrderRequest } from '../../engine/providers/maxar-ard/convert.js';
import { createMaxarPricer } from '../../engine/providers/maxar-ard/pricing.js';
import { orRefusal } from '../../engine/providers/maxar-ard/refusals.js';
import { MAXAR_ADMIN_LOGIN } from '../../sandbox/index.js';
import { maxarOrder } from './fixtures.js';
import { callsTo, configFromEnv, startHarness, type Harness } from './sandbox-harness.js';

let h: Harness;
let mx: MaxarClient;

beforeAll(async () => {
  h = await startHarness();
  mx = h.providers.maxar as MaxarClient;
});
afterAll(async () => h?.close());

let seq = 0;
const ref = (what: string): string => `test-${what}-${++seq}-${Date.now().toString(36)}`;
const noSecret = () => '';
const body = (over: Parameters<typeof maxarOrder>[0] = {}) => toOrderRequest(maxarOrder({ customerReference: ref('o'), ...over }), noSecret);

/** A client of its own (no account id configured unless given), e.g. to log in as the admin. */
function clientWith(env: Record<string, string>, accountId?: string): { client: MaxarClient; close: () => Promise<void> } {
  const fullEnv = { ...h.sb.env, ...env };
  const config = configFromEnv(fullEnv);
  const { accountId: _configured, ...maxar } = config.providers.maxar!;
  const p = createProviders({ config: { providers: { maxar: { ...maxar, ...(accountId ? { accountId } : {}) } } }, env: fullEnv });
  return { client: p.maxar!, close: () => p.close() };
}

describe('Maxar ARD login', () => {
  it('logs in with username and password, then renews with the refresh token before expiry', async () => {
    const http = new HttpClient();
    const forms: Record<string, string>[] = [];
    const spy = vi.spyOn(http, 'request');
    spy.mockImplementation(async function (this: HttpClient, req) {
      if (req.form) forms.push(req.form);
      return HttpClient.prototype.request.call(this, req);
    });
    const config = configFromEnv(h.sb.env);
    const p = createProviders({ config: { providers: { maxar: config.providers.maxar! } }, env: h.sb.env, http });
    h.sb.knobs.tokenLifetimeSec = 1;
    try {
      await p.maxar!.account();
      await new Promise((r) => setTimeout(r, 1_100));
      await p.maxar!.account();
    } finally {
      h.sb.knobs.tokenLifetimeSec = 3600;
      await http.close();
    }
    expect(forms.map((f) => f.grant_type)).toEqual(['password', 'refresh_token']);
    expect(forms[0]).toMatchObject({ username: h.sb.env.ORDERFORM_MAXAR_USERNAME });
  });

  it('names both variables when Maxar refuses the login, and never echoes the password', async () => {
    const { client, close } = clientWith({ ORDERFORM_MAXAR_PASSWORD: 'wrong-password-1234' });
    try {
      const err = await client.account().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DiagnosticsError);
      const d = (err as DiagnosticsError).diagnostics[0]!;
      expect(d.code).toBe('INVALID_CREDENTIALS');
      expect(d.summary).toContain('ORDERFORM_MAXAR_USERNAME / ORDERFORM_MAXAR_PASSWORD');
      expect(JSON.stringify(d)).not.toContain('wrong-password-1234');
    } finally {
      await close();
    }
  });

  it('finds the account id from /auth/self when the config gives none', async () => {
    const { client, close } = clientWith({});
    try {
      expect(await client.accountId()).toBe('557471230760500000');
      expect(fromAccount(await client.account()).pricing).toEqual({ fresh: 25, standard: 20, training: 5 });
    } finally {
      await close();
    }
  });
});

describe('Maxar ARD account', () => {
  // A 403 on the usage resource alone is a user role that may not read it: plan counts the listing instead
  // (MAXAR_USAGE_UNREADABLE, test/guards/budget-vendor-listing.test.ts); the account resource says whose account it is.
  it('an account the login does not belong to (403 on the account resource): MAXAR_ACCOUNT_REFUSED naming the account and the login variable', async () => {
    const { client, close } = clientWith({}, '999');
    try {
      const d = await client.account().then(() => undefined, (e: unknown) => (e as DiagnosticsError).diagnostics?.[0]);
      expect(d).toMatchObject({ code: 'MAXAR_ACCOUNT_REFUSED', summary: 'Maxar refused account 999 to the login in ORDERFORM_MAXAR_USERNAME: You do not belong to account 999' });
      expect(d!.detail).toContain('providers.maxar.accountId');
    } finally {
      await close();
    }
  });
});

describe('Maxar ARD metadata, estimate and usage', () => {
  it('looks acquisitions up by cell metadata, all in one call', async () => {
    h.sb.resetCalls();
    const tiles = await mx.tiles(['10300100ARDFRESH1', '10300100ARDSTD001', 'NOPE']);
    expect(tiles.map((t) => t.properties.acquisition_id).sort()).toEqual(['10300100ARDFRESH1', '10300100ARDSTD001']);
    expect(callsTo(h.sb, 'POST', '/api/v1/metadata/cells/acquisitions')).toBe(1);
  });

  it('prices with the dry run: places nothing, and the charge is exactly the estimate', async () => {
    const before = fromUsage(await mx.usage());
    const listed = (await collect(mx.myOrders())).length;
    const request = body({ acquisitions: ['10300100ARDFRESH1', '10300100ARDTRAIN1'] });
    const estimate = await mx.estimate(request);
    expect((await collect(mx.myOrders())).length).toBe(listed);
    expect(fromUsage(await mx.usage())).toEqual(before);

    await mx.placeOrder(request);
    const after = fromUsage(await mx.usage());
    const est = costByCategory(estimate);
    expect(after.fresh).toBeCloseTo(before.fresh + est.fresh, 2);
    expect(after.training).toBeCloseTo(before.training + est.training, 2);
    expect(after.annual).toBeCloseTo(before.annual + (estimate.cost.total_imagery_cost ?? 0), 2);
  });

  it('charges only what each acquisition covers of the AOI (not AOI km² × price)', async () => {
    // The training acquisition covers 2.15–2.7 E: an AOI from 2.6 to 2.8 E is half outside it.
    const aoi = { type: 'Polygon' as const, coordinates: [[[2.6, 48.8], [2.8, 48.8], [2.8, 48.9], [2.6, 48.9], [2.6, 48.8]]] as [number, number][][] };
    const cost = await createMaxarPricer(mx).price(maxarOrder({ acquisitions: ['10300100ARDTRAIN1'], aoi: { id: 1, name: 'edge', geometry: aoi, areaKm2: 162.9, source: maxarOrder().source } }));
    expect(cost.amount).toBeGreaterThan(0);
    expect(cost.amount!).toBeLessThan(162.9 * 5 * 0.6);
    expect(cost).toMatchObject({ currency: 'USD', basis: 'price-endpoint', vendor: 'maxar', account: '557471230760500000' });
  });

  it('reports an unknown acquisition where it is written, before the vendor refusal', async () => {
    const spec = maxarOrder({ acquisitions: ['10300100NOPE'] });
    const err = await createMaxarPricer(mx).price(spec).catch((e: unknown) => e);
    expect((err as DiagnosticsError).diagnostics[0]).toMatchObject({ code: 'UNKNOWN_ACQUISITION', source: spec.source });
  });
});

describe('Maxar ARD orders', () => {
  it('places an order (top-level id), reads its status, and finds it in the user listing by reference', async () => {
    const request = body();
    const placed = await mx.placeOrder(request);
    const fetched = await mx.order(placed.id);
    expect(fetched && fromOrder(fetched)).toMatchObject({ orderId: placed.id, reference: request.metadata.reference, status: 'delivered' });
    expect(await mx.order('0000000000')).toBeNull();
    const found = await collect(mx.myOrders({ filter: [`metadata.reference:${request.metadata.reference}`] }));
    expect(found.map((o) => o.id)).toEqual([placed.id]);
  });

  it('reports a failed order with Maxar status FAILED and its message', async () => {
    const placed = await mx.placeOrder(body({ acquisitions: ['10300100ARDFAIL01'] }));
    const o = fromOrder((await mx.order(placed.id))!);
    expect(o).toMatchObject({ status: 'failed', vendorStatus: 'FAILED' });
    expect(o.statusMessage).toMatch(/failed/i);
  });

  it('pages forward through the user listing until has_more is false', async () => {
    for (let i = 0; i < 5; i++) await mx.placeOrder(body({ acquisitions: ['10300100ARDTRAIN1'] }));
    const all = await collect(mx.myOrders({ limit: 100 }));
    h.sb.resetCalls();
    const paged = await collect(mx.myOrders({ limit: 2 }));
    expect(paged.map((o) => o.id)).toEqual(all.map((o) => o.id));
    expect(callsTo(h.sb, 'GET', '/api/v1/order')).toBe(Math.ceil(all.length / 2));
  });

  it('keeps the account listing for admins: a user role gets 403, an admin sees every user with all the seed parameters', async () => {
    const denied = await (await mx.accountOrders({ limit: 5 })).next().catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(HttpError);
    expect(denied).toMatchObject({ status: 403 });
    const { client: admin, close } = clientWith({ ORDERFORM_MAXAR_USERNAME: MAXAR_ADMIN_LOGIN.username, ORDERFORM_MAXAR_PASSWORD: MAXAR_ADMIN_LOGIN.password });
    try {
      const all = await collect(await admin.accountOrders({ limit: 100 }));
      expect(new Set(all.map((o) => o.user_id)).size).toBeGreaterThan(1);
      const colleague = all.find((o) => o.user_id !== all[0]!.user_id && o.id !== all[0]!.id)!;
      const mine = await collect(await admin.accountOrders({ user_id: colleague.user_id!, sort: 'asc', limit: 1, start_date: '2000-01-01', end_date: '2999-12-31', filter: ['bundle_adjust:true', 'output_config.amazon_s3.bucket:colleague-ard'] }));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((o) => o.user_id === colleague.user_id)).toBe(true);
      expect(mine.map((o) => o.id)).toEqual([...mine.map((o) => o.id)].sort());
    } finally {
      await close();
    }
  });

  it('lists what each role may see, never failing on the role: an admin the account, a user its own (known from /auth/self, else from one 403)', async () => {
    const adminLogin = { ORDERFORM_MAXAR_USERNAME: MAXAR_ADMIN_LOGIN.username, ORDERFORM_MAXAR_PASSWORD: MAXAR_ADMIN_LOGIN.password };
    const ACCOUNT_LIST = 'GET /api/v1/admin/account/{account_id}/order';
    const run = async (env: Record<string, string>) => {
      const { client, close } = clientWith(env);
      try {
        h.sb.resetCalls();
        const first = await client.visibleOrders({ limit: 100, user_id: 'someone' });
        const second = await client.visibleOrders({ limit: 100 });
        return { scope: first.scope, users: new Set(first.orders.map((o) => o.user_id)), again: second.scope, accountCalls: h.sb.calls()[ACCOUNT_LIST] ?? 0 };
      } finally {
        await close();
      }
    };
    const user = await run({});
    expect(user).toMatchObject({ scope: 'own', again: 'own', accountCalls: 0 });
    expect(user.users.size).toBe(1);
    const admin = await run(adminLogin);
    expect(admin).toMatchObject({ scope: 'account', again: 'account' });
    h.sb.knobs.maxarSelfAdmin = false;
    try {
      // /auth/self no longer says the role: one 403 from the account listing, then the login's own orders for the run.
      expect(await run({})).toMatchObject({ scope: 'own', again: 'own', accountCalls: 1 });
      expect(await run(adminLogin)).toMatchObject({ scope: 'account', again: 'account' });
    } finally {
      h.sb.knobs.maxarSelfAdmin = true;
    }
  });

  it('turns a fee-limit breach at order time into a refused purchase (MAXAR_LIMIT_REFUSED) and places nothing', async () => {
    const spec = maxarOrder({ customerReference: ref('limit') });
    h.sb.knobs.maxarLimits = { fresh_imagery_fee_limit: 0 };
    try {
      const err = await orRefusal(spec, true, () => mx.placeOrder(toOrderRequest(spec, noSecret))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DiagnosticsError);
      expect((err as DiagnosticsError).diagnostics[0]).toMatchObject({ code: 'MAXAR_LIMIT_REFUSED' });
      expect((err as DiagnosticsError).diagnostics[0]!.detail).toContain('Nothing was ordered');
    } finally {
      h.sb.knobs.maxarLimits = {};
    }
    expect(await collect(mx.myOrders({ filter: [`metadata.reference:${spec.customerReference}`] }))).toEqual([]);
  });

  // SDK exceptions.py names a 400 `{message}` (geometry: "Problem with intersects/bbox", test/apply-e2e/failures.test.ts),
  // a 413 "Request Entity Too Large" and a plain 403; each refusal has its code, and nothing is placed.
  it('gives every refusal the documents name its code: 400 → MAXAR_ORDER_REFUSED with Maxar\'s message, 413 → MAXAR_AOI_REFUSED, 403 → MAXAR_FORBIDDEN', async () => {
    const refused = (spec: MaxarOrderSpec, call: () => Promise<unknown>) => orRefusal(spec, true, call).then(() => undefined, (e: unknown) => (e as DiagnosticsError).diagnostics?.[0]);
    const bad = maxarOrder({ customerReference: ref('bad'), settings: { sharpen: true } as MaxarOrderSpec['settings'] });
    expect(await refused(bad, () => mx.placeOrder(toOrderRequest(bad, noSecret)))).toMatchObject({
      code: 'MAXAR_ORDER_REFUSED', summary: expect.stringContaining('settings.sharpen is not a known setting'), detail: expect.stringContaining('Nothing was ordered'),
    });
    // A body over the sandbox's 16 MiB: a ring of 700,000 positions.
    const ring = Array.from({ length: 700_000 }, (_, i) => [2.3 + (i % 1000) * 1e-5, 48.84 + Math.floor(i / 1000) * 1e-5]);
    const huge = maxarOrder({ customerReference: ref('huge') });
    const hugeBody = { ...toOrderRequest(huge, noSecret), intersects: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } };
    expect(await refused(huge, () => mx.placeOrder(hugeBody as never))).toMatchObject({ code: 'MAXAR_AOI_REFUSED', summary: expect.stringContaining('too large'), source: huge.aoi.source });
    // No sandbox route answers a plain 403 to an order (its limit refusal speaks of the limit): Maxar's 403 as the SDK reads it.
    const forbidden = maxarOrder({ customerReference: ref('forbidden') });
    const answer = new HttpError(403, 'POST', 'https://ard.maxar.com/api/v1/order', undefined, 'User is not authorized to access this resource', {});
    expect(await refused(forbidden, () => Promise.reject(answer))).toMatchObject({ code: 'MAXAR_FORBIDDEN', summary: expect.stringContaining('User is not authorized') });
    for (const spec of [bad, huge]) expect(await collect(mx.myOrders({ filter: [`metadata.reference:${spec.customerReference}`] }))).toEqual([]);
  });

  it('needs write credentials for Google Cloud; the secret goes to Maxar and is never echoed back', async () => {
    const gcs = maxarOrder({ customerReference: ref('gcs'), outputConfig: { google_cloud_storage: { bucket: 'g' } } });
    await expect(mx.placeOrder(toOrderRequest(gcs, noSecret))).rejects.toMatchObject({ status: 400 });
    const withSecret = { ...gcs, outputSecret: { field: 'service_credentials' as const, env: 'X' } };
    const placed = await mx.placeOrder(toOrderRequest(withSecret, () => 'c2VydmljZS1hY2NvdW50'));
    expect(JSON.stringify(await mx.order(placed.id))).not.toContain('c2VydmljZS1hY2NvdW50');
  });

  it('does not resend an order whose answer was lost, and finds it by its reference', async () => {
    const request = body();
    h.sb.resetCalls();
    h.sb.knobs.dropAfterCommit = { 'POST /api/v1/order': { next: 1 } };
    await expect(mx.placeOrder(request)).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(callsTo(h.sb, 'POST', '/api/v1/order')).toBe(1);
    expect(await collect(mx.myOrders({ filter: [`metadata.reference:${request.metadata.reference}`] }))).toHaveLength(1);
  });
});
