import { describe, expect, it } from 'vitest';
import {
  customerReferenceQuery,
  fromAlert,
  fromContract,
  fromOrderLine,
  rejectionReasonId,
  toAlertCreate,
  toOptionsRequest,
  toWorkOrder,
} from '../../engine/providers/oneatlas/convert.js';
import { readContracts, readOrderCreated, readOrdersSearch, readSearch } from '../../engine/providers/oneatlas/wire.js';
import { WireFormatError } from '../../engine/providers/wire-read.js';
import { alertSpec, neoContract, oneAtlasOrder, square } from './fixtures.js';

describe('work order body', () => {
  it('sends one item per image, options as sorted key/value strings, the end user and delivery', () => {
    const body = toWorkOrder(oneAtlasOrder({ items: [{ catalogItemId: 'a', aoiId: 1 }, { catalogItemId: 'b', aoiId: 1 }] }));
    expect(body).toEqual({
      contractId: 'CTR21000411',
      customerReference: 'of-paris-0123abcd',
      primaryMarket: 'CARTO',
      aoi: [{ id: 1, name: 'paris', geometry: square }],
      items: [
        { productTypeId: 'PleiadesArchiveMono', aoiId: 1, dataSourceIds: [{ catalogId: 'PublicMOC', catalogItemId: 'a' }] },
        { productTypeId: 'PleiadesArchiveMono', aoiId: 1, dataSourceIds: [{ catalogId: 'PublicMOC', catalogItemId: 'b' }] },
      ],
      optionsPerProductType: [
        {
          productTypeId: 'PleiadesArchiveMono',
          options: [
            { key: 'image_format', value: 'dimap_geotiff' },
            { key: 'processing_level', value: 'primary' },
            { key: 'spectral_processing', value: 'bundle' },
          ],
        },
      ],
      endUsers: [{ endUserName: 'ACME', country: 'FR' }],
      delivery: { type: 'network' },
      notificationEmails: [],
    });
  });

  it('sends notificationEmails (required by the PPO spec) on SPOT/Pléiades bodies only, and the end-user label when set', () => {
    const legacy = toWorkOrder(oneAtlasOrder({ notificationEmails: ['ops@example.com'], endUser: { name: 'ACME', country: 'FR', label: 'CIVIL' } }));
    expect(legacy.notificationEmails).toEqual(['ops@example.com']);
    expect(legacy.endUsers).toEqual([{ endUserName: 'ACME', country: 'FR', label: 'CIVIL' }]);
    const neo = toWorkOrder(oneAtlasOrder({ contract: neoContract, mission: 'PLEIADESNEO', productTypeId: 'PleiadesNeoArchiveMono' }));
    expect('notificationEmails' in neo).toBe(false);
  });

  it('groups the images of a stereo pair into one item and omits a fullStrip geometry', () => {
    const spec = oneAtlasOrder({
      contract: neoContract,
      mission: 'PLEIADESNEO',
      productTypeId: 'PleiadesNeoArchiveMulti',
      acquisitionMode: 'stereo',
      secondaryMarket: 'AGRI_ENV',
      aois: [{ id: 1, name: 'strip', geometry: null, areaKm2: 0, source: oneAtlasOrder().source }],
      items: [
        { catalogItemId: 'left', aoiId: 1 },
        { catalogItemId: 'right', aoiId: 1 },
      ],
      options: { fullStrip: 'true' },
    });
    const body = toWorkOrder(spec);
    expect(body.aoi).toEqual([{ id: 1, name: 'strip' }]);
    expect(body.secondaryMarket).toBe('AGRI_ENV');
    expect(body.items).toEqual([
      {
        productTypeId: 'PleiadesNeoArchiveMulti',
        aoiId: 1,
        dataSourceIds: [
          { catalogId: 'PublicMOC', catalogItemId: 'left' },
          { catalogId: 'PublicMOC', catalogItemId: 'right' },
        ],
      },
    ]);
    expect(toOptionsRequest(spec.aois)).toEqual({ aoi: [] });
  });
});

describe('contracts', () => {
  it('reads creditRemaining strings as numbers and the neo delivery workspace', () => {
    const [legacy, neo] = readContracts({
      contracts: [
        { contractId: 'CTR1', creditRemaining: '150.0', currency: 'EUR', backendSource: 'legacy', extra: 'ignored' },
        { contractId: 'CTR2', creditRemaining: '1.00000003E16', currency: 'EUR', backendSource: 'neo', delivery: [{ deliveryPlatformId: 'PublicMOC', deliveryWorkspace: 'ws-neo' }] },
      ],
    }).map((c, i) => fromContract(c, i));
    expect(legacy).toEqual({ contractId: 'CTR1', backend: 'legacy', currency: 'EUR', creditRemaining: 150 });
    expect(neo).toMatchObject({ backend: 'neo', creditRemaining: 1.00000003e16, workspace: 'ws-neo' });
  });

  it('names the missing required field', () => {
    const err = (() => {
      try {
        readContracts({ contracts: [{ creditRemaining: '1', currency: 'EUR', backendSource: 'legacy' }] });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(WireFormatError);
    expect(err).toMatchObject({ field: 'contracts[0].contractId', source: 'OneAtlas GET /api/v1/contracts' });
  });

  it('refuses an unreadable credit or backend', () => {
    const c = { contractId: 'C', creditRemaining: 'lots', currency: 'EUR', backendSource: 'legacy' };
    expect(() => readContracts({ contracts: [c] })).toThrow(/contracts\[0\]\.creditRemaining/);
    expect(() => fromContract({ ...c, creditRemaining: '1', backendSource: 'cloud' })).toThrow(/backendSource/);
  });
});

describe('answers', () => {
  it('requires an id on an order answer: salesOrderId (legacy) or quotationId (neo)', () => {
    expect(readOrderCreated({ quotationId: 'QUO1', currency: 'EUR', totalAmount: 0 }).quotationId).toBe('QUO1');
    expect(() => readOrderCreated({ currency: 'EUR', totalAmount: 10 })).toThrow(/salesOrderId/);
  });

  it('accepts the totalResult spelling of the orders-search paging', () => {
    const res = readOrdersSearch({ paging: { itemsPerPage: 1, startIndex: 0, totalResult: 7 }, features: [] });
    expect(res.paging.totalResults).toBe(7);
  });

  it('checks each search feature has an id', () => {
    expect(() => readSearch({ itemsPerPage: 1, startIndex: 0, totalResults: 1, features: [{ properties: {} }] })).toThrow(
      /features\[0\]\.properties\.id/,
    );
  });
});

describe('order lines', () => {
  const line = { contractId: 'CTR2', customerReference: 'r', quotationId: 'QUO1', quotationStatus: 'SENT' };
  it.each([
    [{}, 'quotation-sent'],
    [{ quotationStatus: 'REFUSED' }, 'quotation-refused'],
    [{ quotationStatus: 'EXPIRED' }, 'quotation-expired'],
    [{ quotationStatus: 'ACCEPTED', status: 'IN_PROGRESS', salesOrderId: 'SAL1' }, 'in-progress'],
    [{ quotationStatus: 'ACCEPTED', status: 'DELIVERED' }, 'delivered'],
  ])('maps %j to %s', (over, status) => {
    expect(fromOrderLine({ ...line, ...over }).status).toBe(status);
  });

  it('keeps the amount and the validity date', () => {
    const o = fromOrderLine({ ...line, orderLineAmount: 1234.5, currency: 'EUR', quotationEndOfValidityDate: '2026-12-01T00:00:00Z' });
    expect(o).toMatchObject({ price: { amount: 1234.5, currency: 'EUR' }, quotationValidUntil: '2026-12-01T00:00:00Z' });
  });

  it('builds search queries and rejection reason ids', () => {
    expect(customerReferenceQuery('of-x', 'CTR2')).toBe('(customerReference:of-x) AND (contractId:CTR2)');
    expect(rejectionReasonId('budget')).toBe(3);
  });
});

describe('alerts', () => {
  it('round-trips criteria through the interval strings', () => {
    const spec = alertSpec();
    const wire = toAlertCreate(spec);
    expect(wire).toMatchObject({ cloudCover: '[0,20]', incidenceAngle: '[0,25]', constellation: ['PNEO'], productType: ['bundle', 'mono'] });
    const seen = fromAlert({ ...wire, id: 'al-1', status: 'active' });
    expect(seen).toEqual({
      alertId: 'al-1',
      name: spec.name,
      status: 'active',
      context: spec.context,
      constellations: spec.constellations,
      productTypes: spec.productTypes,
      cloudCover: spec.cloudCover,
      incidenceAngle: spec.incidenceAngle,
      geometry: spec.geometry,
    });
  });

  it('refuses an interval it cannot read', () => {
    expect(() => fromAlert({ ...toAlertCreate(alertSpec()), id: 'a', status: 'active', cloudCover: 'low' })).toThrow(/cloudCover/);
  });
});
