import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AlertSpec, MaxarOrderSpec, OneAtlasOrderSpec, QuotationDecisionSpec } from '../../engine/model.js';
import { LEGACY, SQUARE, load, tree } from './helpers.js';

/** What orderform 0.1.0 before the Maxar login change derived for the `denver` order below. */
const DENVER_REFERENCE = 'of-denver-e073f386';

/** A config with one Maxar order `denver` over SQUARE; `rest` adds its output and other fields. */
const maxarConfig = (provider: string, rest: string) => `providers:
  maxar: ${provider}
orders:
  denver:
    vendor: maxar
    acquisitions: [10300100ARDFRESH1]
    aoi: { type: Feature, properties: null, geometry: ${SQUARE} }
${rest}`;

const order = (extra = '') => `orders:
  paris:
    vendor: oneatlas
    contract: legacy
    productType: PleiadesArchiveMono
    aois:
      center: { geometry: ${SQUARE} }
      west: { geometry: ${SQUARE} }
    items:
      - catalogItemId: img-1
      - { catalogItemId: img-2, aoi: west }
    production:
      processingLevel: ortho
      spectralProcessing: pansharpened
      radiometricProcessing: display
      dem: { center: SRTMV4, west: SRTMV4 }
      projection: { center: "2154", west: "32631" }
      hd: true
    primaryMarket: CARTO
    endUser: { name: ACME, country: FR }
${extra}`;

async function loadOne(text: string, env: Record<string, string> = {}) {
  const dir = tree({ 'orders.yaml': text });
  const result = await load(['orders.yaml'], env, dir);
  return { ...result, dir };
}

describe('OneAtlas order normalization', () => {
  test('AOIs get ids 1..n in declaration order, with a geodesic area', async () => {
    const { config, diagnostics } = await loadOne(LEGACY + order());
    expect(diagnostics).toEqual([]);
    const spec = config!.resources[0] as OneAtlasOrderSpec;
    expect(spec.aois.map((a) => [a.id, a.name])).toEqual([[1, 'center'], [2, 'west']]);
    // 0.05° × 0.02° at 48.86° N ≈ 3.66 km × 2.22 km.
    expect(spec.aois[0]!.areaKm2).toBeGreaterThan(8.0);
    expect(spec.aois[0]!.areaKm2).toBeLessThan(8.3);
  });

  test('an item without aoi covers every AOI; wire options carry dem_<id>, projection_<id> and HD dehazing', async () => {
    const spec = (await loadOne(LEGACY + order())).config!.resources[0] as OneAtlasOrderSpec;
    expect(spec.items).toEqual([
      { catalogItemId: 'img-1', aoiId: 1 },
      { catalogItemId: 'img-1', aoiId: 2 },
      { catalogItemId: 'img-2', aoiId: 2 },
    ]);
    expect(spec.options).toEqual({
      processing_level: 'ortho',
      spectral_processing: 'pansharpened',
      radiometric_processing: 'display',
      hd: 'true',
      dehazing: 'true',
      dem_1: 'SRTMV4',
      dem_2: 'SRTMV4',
      projection_1: '2154',
      projection_2: '32631',
    });
    expect(spec).toMatchObject({ mission: 'PLEIADES', acquisitionMode: 'mono', deliveryType: 'network', address: 'orders.paris' });
  });

  test('the customer reference is of-<key>-<first 8 hex of the digest>, unless overridden', async () => {
    const spec = (await loadOne(LEGACY + order())).config!.resources[0] as OneAtlasOrderSpec;
    expect(spec.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(spec.customerReference).toBe(`of-paris-${spec.digest.slice(0, 8)}`);
    const custom = (await loadOne(LEGACY + order('    customerReference: my-ref-1\n'))).config!.resources[0] as OneAtlasOrderSpec;
    expect(custom.customerReference).toBe('my-ref-1');
  });

  test('the digest follows the spec, not its formatting, nor maxPrice', async () => {
    const base = (await loadOne(LEGACY + order())).config!.resources[0]!.digest;
    const reformatted = (await loadOne(`# a comment\n${LEGACY}\n\n${order('    maxPrice: { amount: 5, currency: EUR }\n')}`)).config!.resources[0]!.digest;
    const changed = (await loadOne(LEGACY + order().replace('img-2', 'img-3'))).config!.resources[0]!.digest;
    expect(reformatted).toBe(base);
    expect(changed).not.toBe(base);
  });

  test('a stereo/tristereo order takes one catalogue item per AOI, and Neo Multi says its mode', async () => {
    const neo = (items: number, mode = '') => `${LEGACY}orders:
  n:
    vendor: oneatlas
    contract: neo
    productType: PleiadesNeoArchiveMulti
${mode}    aois: { a: { geometry: ${SQUARE} } }
    items: [${Array.from({ length: items }, (_, i) => `{ catalogItemId: i${i} }`).join(', ')}]
    primaryMarket: CARTO
    endUser: { name: ACME, country: FR }
`;
    expect(((await loadOne(neo(1, '    mode: stereo\n'))).config!.resources[0] as OneAtlasOrderSpec).acquisitionMode).toBe('stereo');
    expect(((await loadOne(neo(1, '    mode: tristereo\n'))).config!.resources[0] as OneAtlasOrderSpec).acquisitionMode).toBe('tristereo');
    expect((await loadOne(neo(1))).diagnostics.map((d) => d.code)).toEqual(['MISSING_STEREO_MODE']);
    const two = (await loadOne(neo(2, '    mode: stereo\n'))).diagnostics;
    expect(two.map((d) => d.code)).toEqual(['STEREO_ITEM_COUNT']);
    expect(two[0]!.summary).toBe("a stereo order takes one stereo catalog item per AOI (it carries the whole pair); AOI 'a' has 2");
  });
});

describe('other resources', () => {
  const alert = (name: string, cloud: string) => `${LEGACY}alerts:
  watch:
    name: ${name}
    context: legacy
    constellations: [PHR]
    productTypes: [bundle]
    cloudCover: ${cloud}
    aoi: ${SQUARE}
`;

  test('an alert digest covers every field but the name', async () => {
    const a = (await loadOne(alert('First', '[0, 30]'))).config!.resources[0] as AlertSpec;
    const renamed = (await loadOne(alert('Second', '[0, 30]'))).config!.resources[0] as AlertSpec;
    const recut = (await loadOne(alert('First', '[0, 20]'))).config!.resources[0] as AlertSpec;
    expect(renamed.digest).toBe(a.digest);
    expect(recut.digest).not.toBe(a.digest);
    expect(a).toMatchObject({ context: 'CTR21000411', productTypes: ['bundle'], incidenceAngle: [0, 90], name: 'First' });
  });

  test('a Maxar order gets its wire output_config and the provider account', async () => {
    const { config, diagnostics } = await loadOne(maxarConfig('{ accountId: "557471230760500000" }', `    output: { azure: { container: imagery, prefix: ard/, sasUrlEnv: ACME_SAS } }
    settings: { waterMask: false }
    notifications: [{ email: ops@example.com }, { sns: "arn:aws:sns:us-east-1:1:t" }]
`));
    expect(diagnostics).toEqual([]);
    const spec = config!.resources[0] as MaxarOrderSpec;
    expect(spec).toMatchObject({
      accountId: '557471230760500000',
      bundleAdjust: false,
      settings: { water_mask: false },
      outputConfig: { azure_blob_storage: { container: 'imagery', prefix: 'ard/' } },
      outputSecret: { field: 'sas_url', env: 'ACME_SAS' },
      notifications: [{ type: 'email', address: 'ops@example.com' }, { type: 'sns', topic_arn: 'arn:aws:sns:us-east-1:1:t' }],
      customerReference: `of-denver-${spec.digest.slice(0, 8)}`,
    });
    expect(spec.aoi.geometry?.type).toBe('Polygon');
  });

  test('a Maxar order written before settings, notifications and credentials keeps its digest (no re-order, no ORDER_IMMUTABLE)', async () => {
    const { config } = await loadOne(maxarConfig('{ accountId: "557471230760500000" }', '    output: { s3: { bucket: imagery, prefix: ard/ } }\n'));
    // The reference orderform gave this order before the login/credentials change.
    expect((config!.resources[0] as MaxarOrderSpec).customerReference).toBe(DENVER_REFERENCE);
  });

  test('Google Cloud and Azure outputs need exactly one way to write: a registered credentials id or a secret variable', async () => {
    const order = (output: string) => maxarConfig('{}', `    output: ${output}\n`);
    const none = await loadOne(order('{ gcs: { bucket: g } }'));
    expect(none.diagnostics.map((d) => [d.code, d.source?.path])).toEqual([['MAXAR_OUTPUT_CREDENTIALS', 'orders.denver.output.gcs']]);
    const both = await loadOne(order('{ azure: { container: c, credentialsId: w, sasUrlEnv: S } }'));
    expect(both.diagnostics.map((d) => d.code)).toEqual(['MAXAR_OUTPUT_CREDENTIALS']);
    const registered = await loadOne(order('{ gcs: { bucket: g, credentialsId: acme-writer } }'));
    expect(registered.diagnostics).toEqual([]);
    // No accountId: the order is the login's account's, known once connected.
    expect((registered.config!.resources[0] as MaxarOrderSpec).accountId).toBeUndefined();
  });

  test('a quotation decision on a quotation id carries its contract', async () => {
    const { config } = await loadOne(`${LEGACY}quotations:
  q:
    quotationId: QUO22054547
    contract: neo
    decision: refuse
    reason: budget
`);
    const spec = config!.resources[0] as QuotationDecisionSpec;
    expect(spec.target).toEqual({ quotationId: 'QUO22054547', contract: { name: 'neo', contractId: 'CTR22000777', backend: 'neo' } });
    expect(spec).toMatchObject({ decision: 'refuse', reason: 'budget', refuseIfExpired: false });
  });
});

describe('settings', () => {
  test('endpoints: config value, else environment variable, else the vendor host', async () => {
    const text = `providers:
  oneatlas:
    endpoints: { order: "http://127.0.0.1:9000/" }
    contracts: { legacy: { contractId: CTR21000411, backend: legacy } }
  maxar: { accountId: "1" }
`;
    const { config } = await loadOne(text, { ORDERFORM_ONEATLAS_ORDER_URL: 'http://ignored', ORDERFORM_ONEATLAS_DATA_URL: 'http://127.0.0.1:9001', ORDERFORM_MAXAR_URL: 'http://127.0.0.1:9002/maxar' });
    expect(config!.providers.oneatlas!.endpoints).toEqual({
      auth: 'https://authenticate.foundation.api.oneatlas.airbus.com',
      order: 'http://127.0.0.1:9000',
      search: 'https://search.foundation.api.oneatlas.airbus.com',
      data: 'http://127.0.0.1:9001',
    });
    expect(config!.providers.maxar).toEqual({ accountId: '1', endpoint: 'http://127.0.0.1:9002/maxar', usernameEnv: 'ORDERFORM_MAXAR_USERNAME', passwordEnv: 'ORDERFORM_MAXAR_PASSWORD' });
    expect(config!.providers.oneatlas!.apiKeyEnv).toBe('ORDERFORM_ONEATLAS_API_KEY');
  });

  test('defaults for budget, safety and state (beside the first file)', async () => {
    const { config, dir } = await loadOne(LEGACY);
    expect(config).toMatchObject({
      budget: { total: {}, perOrder: {}, perVendor: {} },
      safety: { maxDestructiveShare: 0.25, maxSpendWithoutFlag: {}, priceTolerance: 0 },
      state: { backend: 'file', path: join(dir, 'orderform.state.json') },
      resources: [],
    });
  });

  test('a postgres state URL comes from the environment; unset it is a warning', async () => {
    const text = 'state: { postgres: { urlEnv: PG_URL } }\n';
    expect((await loadOne(text, { PG_URL: 'postgres://u@h/db' })).config!.state).toEqual({ backend: 'postgres', url: 'postgres://u@h/db' });
    const unset = await loadOne(text);
    expect(unset.config!.state).toEqual({ backend: 'postgres', url: '' });
    expect(unset.diagnostics).toMatchObject([{ severity: 'warning', code: 'STATE_URL_ENV_UNSET', source: { line: 1, column: 30 } }]);
  });

  test('the config digest moves with budget and resources, not with the file split', async () => {
    const one = await load(['all.yaml'], {}, tree({ 'all.yaml': LEGACY + order() + 'budget: { total: { EUR: 5 } }\n' }));
    const split = await load(['conf'], {}, tree({ 'conf/a.yml': LEGACY + 'budget: { total: { EUR: 5 } }\n', 'conf/b.yaml': order(), 'conf/notes.txt': 'ignored' }));
    const richer = await load(['all.yaml'], {}, tree({ 'all.yaml': LEGACY + order() + 'budget: { total: { EUR: 6 } }\n' }));
    expect(split.config!.files.map((f) => f.split('/').pop())).toEqual(['a.yml', 'b.yaml']);
    expect(split.config!.digest).toBe(one.config!.digest);
    expect(richer.config!.digest).not.toBe(one.config!.digest);
  });

  test('a missing config file is an error naming it', async () => {
    const { config, diagnostics } = await load(['nowhere.yaml'], {}, tree({}));
    expect(config).toBeNull();
    expect(diagnostics).toMatchObject([{ code: 'CONFIG_FILE_NOT_FOUND', summary: 'config file not found: nowhere.yaml' }]);
  });
});
