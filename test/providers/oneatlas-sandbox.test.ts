import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { createProviders, collect, HttpError, OutcomeUnknownError } from '../../engine/providers/index.js';
import type { OneAtlasClient } from '../../engine/providers/oneatlas/client.js';
import {
  customerReferenceQuery,
  fromAlert,
  fromAmount,
  fromContract,
  fromDeliveredFeature,
  fromOrderCreated,
  fromOrderLine,
  rejectionReasonId,
  toAlertCreate,
  toWorkOrder,
} from '../../engine/providers/oneatlas/convert.js';
import type { WireFeature } from '../../engine/providers/oneatlas/wire.js';
import { alertSpec, neoContract, oneAtlasOrder, square } from './fixtures.js';
import { callsTo, configFromEnv, startHarness, type Harness } from './sandbox-harness.js';

let h: Harness;
let oa: OneAtlasClient;

beforeAll(async () => {
  h = await startHarness();
  oa = h.providers.oneatlas as OneAtlasClient;
});
afterAll(async () => h?.close());


/** The first catalogue image of a constellation over Paris. */
async function image(constellation: 'PHR' | 'SPOT' | 'PNEO', productType = 'mono'): Promise<WireFeature> {
  for await (const f of oa.search({ constellation, geometry: square, cloudCover: '[0,100]' }, 50)) {
    if (f.properties.productType === productType) return f;
  }
  throw new Error(`no ${constellation} ${productType} image over the test AOI`);
}

let refSeq = 0;
const ref = (what: string): string => `test-${what}-${++refSeq}-${Date.now().toString(36)}`;

describe('discovery', () => {
  it('reads both seeded contracts with their credit as numbers', async () => {
    const contracts = (await oa.contracts()).map((c, i) => fromContract(c, i));
    expect(contracts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contractId: 'CTR21000411', backend: 'legacy', currency: 'EUR', creditRemaining: 250000 }),
        expect.objectContaining({ contractId: 'CTR22000777', backend: 'neo', creditRemaining: 500000, workspace: 'ws-neo-sandbox' }),
      ]),
    );
  });

  it('finds the legacy workspace, product types, markets, delivery types and countries', async () => {
    expect((await oa.me()).contract.workspaceId).toBe('ws-legacy-sandbox');
    const types = await oa.productTypes('CTR21000411');
    expect(types.map((t) => t.productTypeId)).toContain('PleiadesArchiveMono');
    expect(types.find((t) => t.productTypeId === 'PleiadesArchiveMono')?.technicalProduct.sensor.id).toBe('PLEIADES');
    expect((await oa.markets('CTR21000411')).map((m) => m.id)).toContain('CARTO');
    expect((await oa.deliveryTypes('CTR21000411')).map((d) => d.deliveryTypeId)).toContain('network');
    const countries = (await oa.properties()).find((p) => p.key === 'countries');
    expect(countries?.values.map((v) => v.id)).toContain('FR');
  });

  it('lists production options for an AOI', async () => {
    const options = await oa.options('CTR21000411', 'PleiadesArchiveMono', { aoi: [{ polygonId: 1, geometry: square }] });
    expect(options.map((o) => o.name)).toContain('processing_level');
  });

  it('maps an unknown contract to a 4xx HttpError', async () => {
    const err = await oa.productTypes('CTR00000000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBeGreaterThanOrEqual(400);
    expect((err as HttpError).status).toBeLessThan(500);
  });
});

describe('catalogue search', () => {
  it('pages lazily through every result, exactly one call per page', async () => {
    const criteria = { constellation: 'PNEO', geometry: square };
    const first = await collect(oa.search(criteria, 1000), 1);
    expect(first).toHaveLength(1);
    h.sb.resetCalls();
    const all = await collect(oa.search(criteria, 7));
    const total = all.length;
    expect(total).toBeGreaterThan(7);
    expect(new Set(all.map((f) => f.properties.id)).size).toBe(total);
    expect(all.every((f) => f.properties.constellation === 'PNEO')).toBe(true);
    expect(callsTo(h.sb, 'POST', '/api/v2/opensearch')).toBe(Math.ceil(total / 7));
  });

  it('stops fetching when the caller stops reading', async () => {
    h.sb.resetCalls();
    await collect(oa.search({ constellation: 'SPOT' }, 5), 12);
    expect(callsTo(h.sb, 'POST', '/api/v2/opensearch')).toBe(3);
  });
});

describe('legacy order: price, then order, then delivered in the workspace', () => {
  it('prices, places and finds the order by customerReference', async () => {
    const img = await image('PHR');
    const spec = oneAtlasOrder({ customerReference: ref('legacy'), items: [{ catalogItemId: img.properties.id, aoiId: 1 }] });
    const body = toWorkOrder(spec);
    const price = fromAmount(await oa.price(body));
    expect(price.currency).toBe('EUR');
    expect(price.amount).toBeGreaterThan(0);

    const before = fromContract((await oa.contracts()).find((c) => c.contractId === 'CTR21000411')!);
    const placed = fromOrderCreated(await oa.createOrder(body));
    expect(placed.salesOrderId).toMatch(/^SAL/);
    expect(placed.price).toEqual(price);
    const after = fromContract((await oa.contracts()).find((c) => c.contractId === 'CTR21000411')!);
    expect(after.creditRemaining).toBeCloseTo(before.creditRemaining - price.amount, 2);

    const delivered = (await collect(oa.workspaceItems('ws-legacy-sandbox', spec.customerReference))).map(fromDeliveredFeature);
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered[0]).toMatchObject({ customerReference: spec.customerReference, salesOrderId: placed.salesOrderId, status: 'delivered' });
  });

  it('maps a vendor rule error to its code', async () => {
    const img = await image('PHR');
    const spec = oneAtlasOrder({
      customerReference: ref('hd'),
      items: [{ catalogItemId: img.properties.id, aoiId: 1 }],
      options: { hd: 'true', dehazing: 'false', processing_level: 'primary', spectral_processing: 'bundle', radiometric_processing: 'reflectance' },
    });
    await expect(oa.price(toWorkOrder(spec))).rejects.toMatchObject({ status: 400, code: 'UNSUPPORTED_HD_OPTIONS_COMBINATION' });
  });

  it('refuses a price on a neo contract with QUOTATION_REQUIRED', async () => {
    const img = await image('PNEO');
    const spec = oneAtlasOrder({
      contract: neoContract,
      mission: 'PLEIADESNEO',
      productTypeId: 'PleiadesNeoArchiveMono',
      customerReference: ref('neo-price'),
      items: [{ catalogItemId: img.properties.id, aoiId: 1 }],
    });
    await expect(oa.price(toWorkOrder(spec))).rejects.toMatchObject({ status: 400, code: 'QUOTATION_REQUIRED' });
  });

  it('does not resend an order whose answer was lost, and the order is found by its reference', async () => {
    const img = await image('PHR');
    const spec = oneAtlasOrder({ customerReference: ref('lost'), items: [{ catalogItemId: img.properties.id, aoiId: 1 }] });
    h.sb.resetCalls();
    // The next call is the order itself: the token is already cached.
    h.sb.knobs.dropAfterCommit = { '*': { next: 1 } };
    await expect(oa.createOrder(toWorkOrder(spec))).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(callsTo(h.sb, 'POST', '/api/v1/orders')).toBe(1);
    const found = await collect(oa.workspaceItems('ws-legacy-sandbox', spec.customerReference));
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('Pléiades Neo: quotation, export, accept / refuse, tracking', () => {
  const neoSpec = async (what: string) => {
    const img = await image('PNEO');
    return oneAtlasOrder({
      contract: neoContract,
      mission: 'PLEIADESNEO',
      productTypeId: 'PleiadesNeoArchiveMono',
      customerReference: ref(what),
      items: [{ catalogItemId: img.properties.id, aoiId: 1 }],
      options: { processing_level: 'primary', spectral_processing: 'full_bundle', image_format: 'dimap_geotiff' },
    });
  };

  it('requests a quotation, tracks it, exports it and accepts it once', async () => {
    const spec = await neoSpec('neo-accept');
    const q = await oa.requestQuotation(toWorkOrder(spec));
    expect(q.quotationId).toMatch(/^QUO/);
    const q1 = (await collect(oa.searchOrders(customerReferenceQuery(spec.customerReference, 'CTR22000777')))).map(fromOrderLine);
    expect(q1).toEqual([expect.objectContaining({ quotationId: q.quotationId, status: 'quotation-sent' })]);

    const pdf = await oa.exportQuotation(q.quotationId);
    expect(Buffer.from(pdf.subarray(0, 4)).toString()).toBe('%PDF');

    const accepted = await oa.acceptQuotation('CTR22000777', q.quotationId);
    expect(accepted.salesOrderId).toMatch(/^SAL/);
    const [line] = (await collect(oa.searchOrders(customerReferenceQuery(spec.customerReference)))).map(fromOrderLine);
    expect(line).toMatchObject({ salesOrderId: accepted.salesOrderId });
    expect(['in-progress', 'delivered', 'quotation-accepted']).toContain(line?.status);

    await expect(oa.acceptQuotation('CTR22000777', q.quotationId)).rejects.toMatchObject({ status: 409, code: 'QUOTATION_ALREADY_DECIDED' });
  });

  it('refuses a quotation with a reason', async () => {
    const spec = await neoSpec('neo-refuse');
    const q = fromOrderCreated(await oa.createOrder(toWorkOrder(spec)));
    expect(q.quotationId).toMatch(/^QUO/);
    await oa.refuseQuotation('CTR22000777', q.quotationId!, rejectionReasonId('budget'));
    const [line] = (await collect(oa.searchOrders(`(cis.quotation:${q.quotationId})`))).map(fromOrderLine);
    expect(line?.status).toBe('quotation-refused');
  });

  it('pages through order lines', async () => {
    for (let i = 0; i < 3; i++) await oa.requestQuotation(toWorkOrder(await neoSpec('neo-page')));
    const total = (await collect(oa.searchOrders('(contractId:CTR22000777)', 1000))).length;
    h.sb.resetCalls();
    const paged = await collect(oa.searchOrders('(contractId:CTR22000777)', 2));
    expect(paged).toHaveLength(total);
    expect(callsTo(h.sb, 'POST', '/api/v2/orders/search')).toBe(Math.ceil(total / 2));
  });
});

describe('alerts', () => {
  it('creates, finds in its list, renames and deletes an alert', async () => {
    const spec = alertSpec({ name: `crud-${Date.now()}` });
    const created = fromAlert(await oa.createAlert(toAlertCreate(spec)));
    expect(created).toMatchObject({ name: spec.name, cloudCover: spec.cloudCover, incidenceAngle: spec.incidenceAngle, status: 'active' });
    const listed = async () => (await oa.alerts(spec.context).all()).map(fromAlert).find((a) => a.alertId === created.alertId);

    expect(await listed()).toEqual(created);

    const renamed = fromAlert(await oa.renameAlert(created.alertId, 'renamed'));
    expect(renamed).toEqual({ ...created, name: 'renamed' });

    expect(await oa.deleteAlert(created.alertId)).toBe(true);
    expect(await listed()).toBeUndefined();
    expect(await oa.deleteAlert(created.alertId)).toBe(false);
  });

  it.each(['startPage', 'startIndex'] as const)('lists every alert of a context across pages from a server reading %s', async (paging) => {
    const context = 'CTR21000411';
    const name = `list-${paging}`;
    for (let i = 0; i < 7; i++) await oa.createAlert(toAlertCreate(alertSpec({ name: `${name}-${i}`, context })));
    h.sb.knobs.alertPaging = paging;
    try {
      for (const read of [() => collect(oa.alerts(context, 3)), () => oa.alerts(context, 3).all()]) {
        h.sb.resetCalls();
        const all = await read();
        expect(all.filter((a) => a.name.startsWith(name)).map((a) => a.name)).toEqual(Array.from({ length: 7 }, (_, i) => `${name}-${i}`));
        expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
        expect(all.every((a) => a.context === context)).toBe(true);
        expect(callsTo(h.sb, 'GET', '/api/v1/alerts')).toBe(Math.ceil(all.length / 3));
      }
    } finally {
      h.sb.knobs.alertPaging = 'startPage';
    }
  });
});

describe('transport against the sandbox', () => {
  it('retries a rate-limited read after the Retry-After the sandbox gave', async () => {
    h.sb.knobs.retryAfterSec = 2;
    h.sb.knobs.rateLimit = { 'GET /api/v1/contracts': { next: 1 } };
    h.waits.length = 0;
    expect((await oa.contracts()).length).toBeGreaterThan(0);
    expect(h.waits).toEqual([2000]);
  });

  it('turns a refused API key into INVALID_CREDENTIALS naming the variable', async () => {
    const env = { ...h.sb.env, ORDERFORM_ONEATLAS_API_KEY: 'not-the-sandbox-key' };
    const p = createProviders({ config: { providers: { oneatlas: configFromEnv(env).providers.oneatlas } }, env });
    try {
      const err = await p.oneatlas!.contracts().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DiagnosticsError);
      const d = (err as DiagnosticsError).diagnostics[0];
      expect(d).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect(d?.summary).toContain('ORDERFORM_ONEATLAS_API_KEY');
      expect(JSON.stringify(d)).not.toContain('not-the-sandbox-key');
    } finally {
      await p.close();
    }
  });

  it('never shows the key or a token in progress events', () => {
    const seen = JSON.stringify(h.events);
    expect(h.events.some((e) => e.type === 'token')).toBe(true);
    expect(seen).not.toContain(h.sb.env.ORDERFORM_ONEATLAS_API_KEY);
    expect(seen).not.toMatch(/Bearer [^[]/);
  });
});
