import turfArea from '@turf/area';
import { describe, expect, it } from 'vitest';
import { IDS, PARIS_AOI, useSandbox, workOrder } from './client.js';

const ctx = useSandbox({ deliveryDelayMs: 0 });
const parisKm2 = turfArea(PARIS_AOI as never) / 1e6;
const round2 = (n: number) => Math.round(n * 100) / 100;

async function credit(contractId: string): Promise<string> {
  const r = await ctx.c.call('GET', '/api/v1/contracts');
  return r.body.contracts.find((c: { contractId: string }) => c.contractId === contractId).creditRemaining;
}

describe('prices (legacy only)', () => {
  it('prices rate × geodesic AOI area with 201 and the documented fields', async () => {
    const r = await ctx.c.call('POST', '/api/v1/prices', workOrder());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ contractId: 'CTR21000411', currency: 'EUR', discountPercentage: 0, discountValue: 0 });
    expect(r.body.totalAmount).toBe(round2(10 * parisKm2));
    expect(r.body.productTypes[0]).toMatchObject({ productTypeId: 'PleiadesArchiveMono', amount: r.body.totalAmount, areaKm2: round2(parisKm2) });
  });

  it('charges the minimum order area for a small AOI', async () => {
    const small = { type: 'Polygon', coordinates: [[[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.86], [2.35, 48.85]]] };
    const r = await ctx.c.call('POST', '/api/v1/prices', workOrder({ aoi: [{ id: 1, name: 'tiny', geometry: small }] }));
    expect(r.body.totalAmount).toBe(250); // 25 km² × 10 EUR
    expect(r.body.productTypes[0].orderMinimumApplied).toBe(true);
  });

  it('doubles the rate for stereo and triples it for tristereo', async () => {
    const mono = await ctx.c.call('POST', '/api/v1/prices', workOrder());
    const stereo = await ctx.c.call('POST', '/api/v1/prices', workOrder({ productTypeId: 'PleiadesArchiveStereo', catalogItemId: IDS.phrParisStereo }));
    expect(stereo.body.totalAmount).toBeCloseTo(mono.body.totalAmount * 2, 1);
  });

  it('follows the price multiplier knob', async () => {
    const before = await ctx.c.call('POST', '/api/v1/prices', workOrder());
    ctx.sb.knobs.priceMultiplier = 1.5;
    const after = await ctx.c.call('POST', '/api/v1/prices', workOrder());
    ctx.sb.knobs.priceMultiplier = 1;
    expect(after.body.totalAmount).toBeCloseTo(before.body.totalAmount * 1.5, 1);
  });

  it('refuses to price on a neo contract (QUOTATION_REQUIRED)', async () => {
    const r = await ctx.c.call('POST', '/api/v1/prices', workOrder({ contractId: 'CTR22000777', productTypeId: 'PleiadesNeoArchiveMono', catalogItemId: IDS.pneoParisMono }));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('QUOTATION_REQUIRED');
  });

  it('answers 404 for an unknown contract and 400 for a malformed body', async () => {
    const unknown = await ctx.c.call('POST', '/api/v1/prices', workOrder({ contractId: 'CTR00000000' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('CTR00000000');
    const malformed = await ctx.c.call('POST', '/api/v1/prices', '{not json');
    expect(malformed.status).toBe(400);
  });
});

describe('legacy orders', () => {
  it('places an order: 201 salesOrderId, credit debited', async () => {
    const before = Number(await credit('CTR21000411'));
    const r = await ctx.c.call('POST', '/api/v1/orders', workOrder({ customerReference: 'legacy-1' }));
    expect(r.status).toBe(201);
    expect(r.body.salesOrderId).toMatch(/^SAL\d+$/);
    const after = await credit('CTR21000411');
    expect(typeof after).toBe('string');
    expect(Number(after)).toBeCloseTo(before - r.body.totalAmount, 2);
  });

  it('places the same order twice when asked twice (no dedupe by customerReference)', async () => {
    const a = await ctx.c.call('POST', '/api/v1/orders', workOrder({ customerReference: 'twice' }));
    const b = await ctx.c.call('POST', '/api/v1/orders', workOrder({ customerReference: 'twice' }));
    expect(a.body.salesOrderId).not.toBe(b.body.salesOrderId);
  });

  it('accepts multi-item, multi-AOI orders with per-AOI options', async () => {
    const toulouse = { type: 'Polygon', coordinates: [[[1.4, 43.58], [1.48, 43.58], [1.48, 43.63], [1.4, 43.63], [1.4, 43.58]]] };
    const body = workOrder({
      aoi: [{ id: 1, name: 'paris', geometry: PARIS_AOI }, { id: 2, name: 'toulouse', geometry: toulouse }],
      items: [
        { productTypeId: 'PleiadesArchiveMono', aoiId: 1, dataSourceIds: [{ catalogId: 'PublicMOC', catalogItemId: IDS.phrParisMono }] },
        { productTypeId: 'SPOTArchive1.5Mono', aoiId: 2, dataSourceIds: [{ catalogId: 'PublicMOC', catalogItemId: IDS.spotToulouseMono }] },
      ],
      optionsPerProductType: [
        { productTypeId: 'PleiadesArchiveMono', options: [{ key: 'processing_level', value: 'ortho' }, { key: 'projection_1', value: '32631' }, { key: 'dem_1', value: 'best_available' }] },
        { productTypeId: 'SPOTArchive1.5Mono', options: [{ key: 'processing_level', value: 'projected' }, { key: 'projection_2', value: '2154' }] },
      ],
    });
    const r = await ctx.c.call('POST', '/api/v1/prices', body);
    expect(r.status).toBe(201);
    expect(r.body.productTypes.map((p: { productTypeId: string }) => p.productTypeId)).toEqual(['PleiadesArchiveMono', 'SPOTArchive1.5Mono']);
  });

  it('refuses an order above the remaining credit (INSUFFICIENT_CREDIT) and debits nothing', async () => {
    ctx.sb.knobs.priceMultiplier = 1e6;
    const before = await credit('CTR21000411');
    const r = await ctx.c.call('POST', '/api/v1/orders', workOrder());
    ctx.sb.knobs.priceMultiplier = 1;
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('INSUFFICIENT_CREDIT');
    expect(await credit('CTR21000411')).toBe(before);
  });

  it('routes a neo order to a quotation request', async () => {
    const r = await ctx.c.call('POST', '/api/v1/orders', workOrder({ contractId: 'CTR22000777', productTypeId: 'PleiadesNeoArchiveMono', catalogItemId: IDS.pneoParisMono }));
    expect(r.status).toBe(201);
    expect(r.body.quotationId).toMatch(/^QUO\d+$/);
    expect(r.body.salesOrderId).toBeUndefined();
  });

  it('refuses a quotation request on a legacy contract (QUOTATION_NOT_AVAILABLE)', async () => {
    const r = await ctx.c.call('POST', '/api/v1/quotations', workOrder());
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('QUOTATION_NOT_AVAILABLE');
  });
});

describe('work order validation', () => {
  const code = async (body: Record<string, unknown>, path = '/api/v1/orders') => {
    const r = await ctx.c.call('POST', path, body);
    expect(r.status).toBe(400);
    return r.body.code ?? r.body.errorCode;
  };

  it('needs a primary market from the list', async () => {
    expect(await code(workOrder({ primaryMarket: undefined }))).toBe('MISSING_PRIMARY_MARKET');
    expect(await code(workOrder({ primaryMarket: 'NOPE' }))).toBe('MISSING_PRIMARY_MARKET');
  });

  it('needs an end user with a known country to order, not to price', async () => {
    expect(await code(workOrder({ endUsers: [] }))).toBe('MISSING_END_USER');
    expect(await code(workOrder({ endUsers: [{ endUserName: 'X', country: 'ZZ' }] }))).toBe('MISSING_END_USER');
    expect((await ctx.c.call('POST', '/api/v1/prices', workOrder({ endUsers: undefined }))).status).toBe(201);
  });

  it('takes an end-user label only from the labels of GET /api/v1/properties', async () => {
    expect(await code(workOrder({ endUsers: [{ endUserName: 'X', country: 'FR', label: 'NOPE' }] }))).toBe('MISSING_END_USER');
    expect((await ctx.c.call('POST', '/api/v1/prices', workOrder({ endUsers: [{ endUserName: 'X', country: 'FR', label: 'CIVIL' }] }))).status).toBe(201);
  });

  it('needs notificationEmails on SPOT/Pléiades bodies, as the PPO OpenAPI description requires', async () => {
    expect(await code(workOrder({ notificationEmails: undefined }))).toBe('INVALID_PAYLOAD');
    expect(await code(workOrder({ notificationEmails: 'ops@example.com' }))).toBe('INVALID_PAYLOAD');
    expect((await ctx.c.call('POST', '/api/v1/prices', workOrder({ notificationEmails: ['ops@example.com'] }))).status).toBe(201);
  });

  it('needs a customerReference to order', async () => {
    expect(await code(workOrder({ customerReference: '' }))).toBe('INVALID_PAYLOAD');
  });

  it('checks AOIs: polygon rules and overlap with the item', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[2.3, 48.83], [2.4, 48.89], [2.4, 48.83], [2.3, 48.89], [2.3, 48.83]]] };
    expect(await code(workOrder({ aoi: [{ id: 1, name: 'x', geometry: bowtie }] }))).toBe('INVALID_AOI');
    const open = { type: 'Polygon', coordinates: [[[2.3, 48.83], [2.4, 48.83], [2.4, 48.89], [2.3, 48.89]]] };
    expect(await code(workOrder({ aoi: [{ id: 1, name: 'x', geometry: open }] }))).toBe('INVALID_AOI');
    const far = { type: 'Polygon', coordinates: [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]] };
    expect(await code(workOrder({ aoi: [{ id: 1, name: 'x', geometry: far }] }))).toBe('INVALID_AOI');
  });

  it('knows catalog items and product types', async () => {
    expect(await code(workOrder({ catalogItemId: 'no-such-item' }))).toBe('UNKNOWN_CATALOG_ITEM');
    expect(await code(workOrder({ productTypeId: 'PleiadesNeoArchiveMono', catalogItemId: IDS.pneoParisMono }))).toBe('INVALID_PRODUCT_TYPE');
    expect(await code(workOrder({ catalogItemId: IDS.spotToulouseMono }))).toBe('INVALID_PRODUCT_TYPE');
  });

  it('checks option keys, values and string typing', async () => {
    expect(await code(workOrder({}, [{ key: 'colour', value: 'red' }]))).toBe('INVALID_OPTION');
    expect(await code(workOrder({}, [{ key: 'processing_level', value: 'raw' }]))).toBe('INVALID_OPTION');
    expect(await code(workOrder({}, [{ key: 'hd', value: true as unknown as string }]))).toBe('INVALID_OPTION');
    expect(await code(workOrder({}, [{ key: 'projection_7', value: '4326' }]))).toBe('INVALID_OPTION');
  });

  it('needs projection for projected and ortho, and dem for ortho', async () => {
    expect(await code(workOrder({}, [{ key: 'processing_level', value: 'projected' }]))).toBe('INVALID_OPTION');
    expect(await code(workOrder({}, [{ key: 'processing_level', value: 'ortho' }, { key: 'projection_1', value: '4326' }]))).toBe('INVALID_OPTION');
    const ok = await ctx.c.call('POST', '/api/v1/prices', workOrder({}, [{ key: 'processing_level', value: 'projected' }, { key: 'projection_1', value: '4326' }]));
    expect(ok.status).toBe(201);
  });

  it('takes a DEM and a projection where they are "not mandatory" (seed): primary, and a DEM on projected', async () => {
    const opts = (level: string) => [{ key: 'processing_level', value: level }, { key: 'projection_1', value: '4326' }, { key: 'dem_1', value: 'SRTMV4' }];
    for (const level of ['primary', 'projected']) expect((await ctx.c.call('POST', '/api/v1/prices', workOrder({}, opts(level)))).status).toBe(201);
  });

  it('no longer knows a catalog item its owner made private', async () => {
    ctx.sb.knobs.privateCatalogItems = [IDS.phrParisMono];
    try {
      expect(await code(workOrder())).toBe('UNKNOWN_CATALOG_ITEM');
      const found = await ctx.c.call('POST', '/api/v2/opensearch', { id: IDS.phrParisMono });
      expect(found.body.totalResults).toBe(0);
    } finally {
      ctx.sb.knobs.privateCatalogItems = [];
    }
  });
});

describe('HD rule (seed)', () => {
  const neo = (options: { key: string; value: string }[]) =>
    workOrder({ contractId: 'CTR22000777', productTypeId: 'PleiadesNeoArchiveMono', catalogItemId: IDS.pneoParisMono }, options);
  const opts = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
  const ortho = { processing_level: 'ortho', spectral_processing: 'pansharpened', radiometric_processing: 'display', projection_1: '32631', dem_1: 'best_available' };

  it.each([
    ['Primary/Bundle/Reflectance', { processing_level: 'primary', spectral_processing: 'bundle', radiometric_processing: 'reflectance' }],
    ['Primary/full_bundle/Reflectance', { processing_level: 'primary', spectral_processing: 'full_bundle', radiometric_processing: 'reflectance' }],
    ['Ortho/Pansharpened/Display', ortho],
    ['defaults (primary, full_bundle, reflectance)', {}],
    ['dehazing given as true', { dehazing: 'true' }],
  ])('accepts hd with %s', async (_name, o) => {
    const r = await ctx.c.call('POST', '/api/v1/quotations', neo(opts({ hd: 'true', ...o })));
    expect(r.status).toBe(201);
  });

  it.each([
    ['Primary PMS', { processing_level: 'primary', spectral_processing: 'pms' }],
    ['Primary Bundle Display', { processing_level: 'primary', spectral_processing: 'bundle', radiometric_processing: 'display' }],
    ['Ortho Pansharpened Reflectance', { ...ortho, radiometric_processing: 'reflectance' }],
    ['dehazing false', { dehazing: 'false' }],
    ['NITF', { image_format: 'nitf' }],
  ])('refuses hd with %s', async (_name, o) => {
    const r = await ctx.c.call('POST', '/api/v1/quotations', neo(opts({ hd: 'true', ...o })));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 'UNSUPPORTED_HD_OPTIONS_COMBINATION', description: 'HD option is true but the product is not compatible with HD' });
  });

  it('lets dehazing false through without hd', async () => {
    expect((await ctx.c.call('POST', '/api/v1/quotations', neo(opts({ dehazing: 'false' })))).status).toBe(201);
  });
});

describe('fullStrip and stereo', () => {
  const neoBody = (over: Record<string, unknown>, options: { key: string; value: string }[]) =>
    workOrder({ contractId: 'CTR22000777', productTypeId: 'PleiadesNeoArchiveMono', catalogItemId: IDS.pneoParisMono, ...over }, options);

  it('offers fullStrip on Pléiades Neo only, where the AOI geometry may be left out', async () => {
    const legacy = await ctx.c.call('POST', '/api/v1/prices', workOrder({}, [{ key: 'fullStrip', value: 'true' }]));
    expect(legacy.body.code).toBe('FULLSTRIP_NOT_AVAILABLE');
    const neo = await ctx.c.call('POST', '/api/v1/quotations', neoBody({ aoi: [{ id: 1, name: 'strip' }] }, [{ key: 'fullStrip', value: 'true' }]));
    expect(neo.status).toBe(201);
    const noGeometry = await ctx.c.call('POST', '/api/v1/quotations', neoBody({ aoi: [{ id: 1, name: 'strip' }] }, []));
    expect(noGeometry.body.code).toBe('INVALID_AOI');
  });

  it('needs a stereo acquisition for a stereo product type', async () => {
    const r = await ctx.c.call('POST', '/api/v1/prices', workOrder({ productTypeId: 'PleiadesArchiveStereo' }));
    expect(r.body.code).toBe('INVALID_STEREO_PARAMETERS');
  });

  it('limits SPOT/Pléiades stereo to primary or projected', async () => {
    const spot = { productTypeId: 'SPOTArchive1.5Stereo', catalogItemId: IDS.spotRotterdamStereo };
    const rotterdam = { type: 'Polygon', coordinates: [[[4.45, 51.9], [4.52, 51.9], [4.52, 51.95], [4.45, 51.95], [4.45, 51.9]]] };
    const aoi = [{ id: 1, name: 'rotterdam', geometry: rotterdam }];
    const ortho = await ctx.c.call('POST', '/api/v1/prices', workOrder({ ...spot, aoi }, [{ key: 'processing_level', value: 'ortho' }, { key: 'projection_1', value: '32631' }, { key: 'dem_1', value: 'SRTMV4' }]));
    expect(ortho.body.code).toBe('INVALID_STEREO_PARAMETERS');
    const projected = await ctx.c.call('POST', '/api/v1/prices', workOrder({ ...spot, aoi }, [{ key: 'processing_level', value: 'projected' }, { key: 'projection_1', value: '32631' }]));
    expect(projected.status).toBe(201);
  });

  it('restricts Pléiades Neo Multi to its fixed parameters', async () => {
    const rotterdam = { type: 'Polygon', coordinates: [[[4.45, 51.9], [4.52, 51.9], [4.52, 51.95], [4.45, 51.95], [4.45, 51.9]]] };
    const multi = { productTypeId: 'PleiadesNeoArchiveMulti', catalogItemId: IDS.pneoRotterdamStereo, aoi: [{ id: 1, name: 'r', geometry: rotterdam }] };
    expect((await ctx.c.call('POST', '/api/v1/quotations', neoBody(multi, [{ key: 'image_format', value: 'dimap_geotiff' }]))).status).toBe(201);
    const bad = await ctx.c.call('POST', '/api/v1/quotations', neoBody(multi, [{ key: 'pixel_coding', value: '16bits' }]));
    expect(bad.body.code).toBe('INVALID_STEREO_PARAMETERS');
    const hd = await ctx.c.call('POST', '/api/v1/quotations', neoBody(multi, [{ key: 'hd', value: 'true' }]));
    expect(hd.body.code).toBe('INVALID_STEREO_PARAMETERS');
  });
});
