import { describe, expect, it } from 'vitest';
import { PARIS_AOI, useSandbox } from './client.js';

const ctx = useSandbox();

describe('discovery', () => {
  it('lists the legacy and neo contracts with credit as a string and the neo delivery workspace', async () => {
    const r = await ctx.c.call('GET', '/api/v1/contracts');
    expect(r.status).toBe(200);
    const [legacy, neo] = r.body.contracts;
    expect(legacy).toMatchObject({ contractId: 'CTR21000411', backendSource: 'legacy', creditRemaining: '250000.0', currency: 'EUR', contractType: 'ONEATLASDATA' });
    expect(legacy.delivery).toBeUndefined();
    expect(neo).toMatchObject({ contractId: 'CTR22000777', backendSource: 'neo', creditRemaining: '500000.0' });
    expect(neo.delivery).toEqual([{ deliveryPlatformId: 'PublicMOC', deliveryWorkspace: 'ws-neo-sandbox' }]);
  });

  it('gives the legacy workspace through /api/v1/me', async () => {
    const r = await ctx.c.call('GET', '/api/v1/me');
    expect(r.body.contract.workspaceId).toBe('ws-legacy-sandbox');
  });

  it('lists product types per contract with mission and source', async () => {
    const legacy = await ctx.c.call('GET', '/api/v1/contracts/CTR21000411/productTypes');
    expect(legacy.body.productTypes.map((p: { productTypeId: string }) => p.productTypeId)).toEqual([
      'PleiadesArchiveMono', 'PleiadesArchiveStereo', 'PleiadesArchiveTristereo', 'SPOTArchive1.5Mono', 'SPOTArchive1.5Stereo', 'SPOTArchive1.5Tristereo',
    ]);
    const neo = await ctx.c.call('GET', '/api/v1/contracts/CTR22000777/productTypes');
    expect(neo.body.productTypes[1]).toMatchObject({
      productTypeId: 'PleiadesNeoArchiveMulti',
      technicalProduct: { source: { id: 'archive' }, sensor: { id: 'PLEIADESNEO' } },
    });
    expect((await ctx.c.call('GET', '/api/v1/contracts/CTR9/productTypes')).status).toBe(404);
  });

  it.each(['/api/v1/contracts/CTR21000411/properties', '/api/v1/CTR21000411/properties'])('serves markets at %s', async (path) => {
    const r = await ctx.c.call('GET', path);
    expect(r.body.properties).toEqual([]);
    expect(r.body.markets.map((m: { id: string }) => m.id)).toContain('CARTO');
  });

  it.each(['/api/v1/contracts/CTR21000411/deliveryTypes', '/api/v1/CTR21000411/deliveryTypes'])('serves delivery types at %s', async (path) => {
    const r = await ctx.c.call('GET', path);
    expect(r.body.deliveryTypes).toEqual([{ deliveryTypeId: 'network', label: 'FTP + My Data' }, { deliveryTypeId: 'MEDIA', label: 'MEDIA' }]);
  });

  it('offers production options with per-AOI dem and projection defaults', async () => {
    const r = await ctx.c.call('POST', '/api/v1/contracts/CTR22000777/productTypes/PleiadesNeoArchiveMono/options', { aoi: [{ polygonId: 1, geometry: PARIS_AOI }] });
    expect(r.status).toBe(200);
    const byName = Object.fromEntries(r.body.availableOptions.map((o: { name: string }) => [o.name, o]));
    expect(byName.projection_1).toMatchObject({ defaultValue: '32631', mandatory: 'constraint' });
    expect(byName.dem_1.defaultValue).toBe('best_available');
    expect(byName.fullStrip.defaultValue).toBe('false');
    const legacy = await ctx.c.call('POST', '/api/v1/contracts/CTR21000411/productTypes/PleiadesArchiveMono/options', { aoi: [{ polygonId: 1, geometry: PARIS_AOI }] });
    expect(legacy.body.availableOptions.some((o: { name: string }) => o.name === 'fullStrip')).toBe(false);
  });

  it('answers 403 for options of a product type the contract does not hold, 400 without an AOI', async () => {
    const other = await ctx.c.call('POST', '/api/v1/contracts/CTR21000411/productTypes/PleiadesNeoArchiveMono/options', { aoi: [{ polygonId: 1, geometry: PARIS_AOI }] });
    expect(other.status).toBe(403);
    const empty = await ctx.c.call('POST', '/api/v1/contracts/CTR21000411/productTypes/PleiadesArchiveMono/options', {});
    expect(empty.status).toBe(400);
  });

  it('lists countries and labels', async () => {
    const r = await ctx.c.call('GET', '/api/v1/properties');
    const countries = r.body.properties.find((p: { key: string }) => p.key === 'countries');
    expect(countries.values).toContainEqual({ id: 'FR', label: 'France' });
    expect(r.body.properties.find((p: { key: string }) => p.key === 'labels').values.length).toBeGreaterThan(0);
  });

  it('answers 404 to unknown routes and 405 to a wrong method', async () => {
    expect((await ctx.c.call('GET', '/api/v1/nothing-here')).status).toBe(404);
    const wrong = await ctx.c.call('DELETE', '/api/v1/contracts');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});
