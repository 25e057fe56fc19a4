/** Domain specs and a config as engine/config would produce them, for provider tests. */
import type { AlertSpec, Config, MaxarOrderSpec, OneAtlasContractRef, OneAtlasOrderSpec, Polygon } from '../../engine/model.js';

export const source = { file: 'orders.yaml', line: 1, column: 1, path: 'orders.x' };

export const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [2.3, 48.8],
      [2.4, 48.8],
      [2.4, 48.9],
      [2.3, 48.9],
      [2.3, 48.8],
    ],
  ],
};

export const legacyContract: OneAtlasContractRef = { name: 'main', contractId: 'CTR21000411', backend: 'legacy' };
export const neoContract: OneAtlasContractRef = { name: 'neo', contractId: 'CTR22000777', backend: 'neo', workspace: 'ws-neo-sandbox' };

export function oneAtlasOrder(over: Partial<OneAtlasOrderSpec> = {}): OneAtlasOrderSpec {
  return {
    kind: 'oneatlas_order',
    address: 'orders.paris',
    key: 'paris',
    digest: 'd'.repeat(64),
    source,
    contract: legacyContract,
    mission: 'PLEIADES',
    productTypeId: 'PleiadesArchiveMono',
    acquisitionMode: 'mono',
    aois: [{ id: 1, name: 'paris', geometry: square, areaKm2: 81.5, source }],
    items: [{ catalogItemId: 'cat-1', aoiId: 1 }],
    options: { spectral_processing: 'bundle', processing_level: 'primary', image_format: 'dimap_geotiff' },
    primaryMarket: 'CARTO',
    endUser: { name: 'ACME', country: 'FR' },
    deliveryType: 'network',
    notificationEmails: [],
    customerReference: 'of-paris-0123abcd',
    ...over,
  };
}

export function alertSpec(over: Partial<AlertSpec> = {}): AlertSpec {
  return {
    kind: 'oneatlas_alert',
    address: 'alerts.paris',
    key: 'paris',
    digest: 'a'.repeat(64),
    source,
    name: 'Paris low cloud',
    context: 'CTR22000777',
    constellations: ['PNEO'],
    productTypes: ['bundle', 'mono'],
    cloudCover: [0, 20],
    incidenceAngle: [0, 25],
    geometry: square,
    ...over,
  };
}

export function maxarOrder(over: Partial<MaxarOrderSpec> = {}): MaxarOrderSpec {
  return {
    kind: 'maxar_ard_order',
    address: 'orders.maxar-paris',
    key: 'maxar-paris',
    digest: 'm'.repeat(64),
    source,
    accountId: '557471230760500000',
    acquisitions: ['10300100ARDFRESH1'],
    aoi: { id: 1, name: 'paris', geometry: square, areaKm2: 81.5, source },
    bundleAdjust: false,
    settings: {},
    outputConfig: { amazon_s3: { bucket: 'my-bucket', prefix: 'ard/' } },
    notifications: [],
    customerReference: 'of-maxar-paris-0123abcd',
    ...over,
  };
}

export function providersConfig(urls: { oneatlas: string; maxar: string }): Pick<Config, 'providers'> {
  return {
    providers: {
      oneatlas: {
        apiKeyEnv: 'ORDERFORM_ONEATLAS_API_KEY',
        endpoints: { auth: urls.oneatlas, order: urls.oneatlas, search: urls.oneatlas, data: urls.oneatlas },
        contracts: [legacyContract, neoContract],
      },
      maxar: { usernameEnv: 'ORDERFORM_MAXAR_USERNAME', passwordEnv: 'ORDERFORM_MAXAR_PASSWORD', endpoint: urls.maxar, accountId: '557471230760500000' },
    },
  };
}
