import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.js';
import { IDS, PARIS_AOI, TestClient, useSandbox } from './client.js';

const ctx = useSandbox({ catalogSize: 10_600 });
const search = async (body: Record<string, unknown>) => ctx.c.call('POST', '/api/v2/opensearch', body);
const NAIROBI = { type: 'Polygon', coordinates: [[[36.7, -1.4], [36.95, -1.4], [36.95, -1.18], [36.7, -1.18], [36.7, -1.4]]] };

describe('catalog', () => {
  it('is deterministic for a seed, different for another, with the showcase ids in every seed', async () => {
    const ids = async (seed: number) => {
      const sb = await startSandbox({ seed, catalogSize: 500 });
      try {
        const c = new TestClient(sb);
        const showcase = await c.call('POST', '/api/v2/opensearch', { id: `${IDS.phrParisMono},${IDS.pneoParisMono}` });
        expect(showcase.body.totalResults).toBe(2);
        const r = await c.call('POST', '/api/v2/opensearch', { itemsPerPage: 500, sortBy: 'acquisitionDate' });
        return r.body.features.map((f: { properties: { id: string } }) => f.properties.id) as string[];
      } finally {
        await sb.close();
      }
    };
    const [a, b, c] = [await ids(7), await ids(7), await ids(8)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('returns features with the documented properties and links', async () => {
    const r = await search({ id: IDS.phrParisMono });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ error: false, type: 'FeatureCollection', totalResults: 1, startIndex: 0 });
    const f = r.body.features[0];
    expect(f.properties).toMatchObject({ id: IDS.phrParisMono, constellation: 'PHR', platform: 'PHR1A', cloudCover: 1.8, incidenceAngle: 8.2, acquisitionDate: '2024-06-12T10:41:27.500Z', productType: 'mono' });
    expect(f.properties.lastUpdateDate).toBeDefined();
    expect(f._links.quicklook.href).toContain(IDS.phrParisMono);
  });
});

describe('filters and sorting', () => {
  it('filters by interval strings, exclusive bounds and bare values', async () => {
    const r = await search({ cloudCover: '[0,5]', incidenceAngle: '[0,10[', itemsPerPage: 500, geometry: PARIS_AOI });
    for (const f of r.body.features) {
      expect(f.properties.cloudCover).toBeLessThanOrEqual(5);
      expect(f.properties.incidenceAngle).toBeLessThan(10);
    }
    expect(r.body.features.map((f: { properties: { id: string } }) => f.properties.id)).toContain(IDS.phrParisMono);
    const exact = await search({ cloudCover: 1.8, geometry: PARIS_AOI });
    expect(exact.body.features.every((f: { properties: { cloudCover: number } }) => f.properties.cloudCover === 1.8)).toBe(true);
  });

  it('filters by acquisition and last-update date ranges', async () => {
    const r = await search({ acquisitionDate: '[2024-06-01T00:00:00Z,2024-07-01T00:00:00Z[', itemsPerPage: 500 });
    expect(r.body.totalResults).toBeGreaterThan(0);
    for (const f of r.body.features) expect(f.properties.acquisitionDate >= '2024-06-01' && f.properties.acquisitionDate < '2024-07-01').toBe(true);
    const updated = await search({ lastUpdateDate: '[2025-01-01T00:00:00Z,]', itemsPerPage: 100 });
    for (const f of updated.body.features) expect(f.properties.lastUpdateDate >= '2025-01-01').toBe(true);
  });

  it('filters by constellation and by geometry intersection', async () => {
    const r = await search({ geometry: NAIROBI, constellation: 'PNEO', itemsPerPage: 500 });
    expect(r.body.totalResults).toBeGreaterThanOrEqual(40);
    expect(r.body.features.every((f: { properties: { constellation: string } }) => f.properties.constellation === 'PNEO')).toBe(true);
    const nowhere = { type: 'Polygon', coordinates: [[[-150, -80], [-149.9, -80], [-149.9, -79.9], [-150, -79.9], [-150, -80]]] };
    expect((await search({ geometry: nowhere })).body.totalResults).toBe(0);
  });

  it('sorts by the default and by sortBy', async () => {
    const dflt = await search({ geometry: NAIROBI, itemsPerPage: 500 });
    const dates = dflt.body.features.map((f: { properties: { acquisitionDate: string } }) => f.properties.acquisitionDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const byCloud = await search({ geometry: NAIROBI, sortBy: 'cloudCover,-acquisitionDate', itemsPerPage: 500 });
    const clouds = byCloud.body.features.map((f: { properties: { cloudCover: number } }) => f.properties.cloudCover);
    expect(clouds).toEqual([...clouds].sort((a, b) => a - b));
  });

  it('rejects malformed ranges, sort keys and geometries with the search error shape', async () => {
    for (const body of [{ cloudCover: '[a,b]' }, { sortBy: 'colour' }, { geometry: 'POLYGON((0 0,1 0,1 1,0 0))' }]) {
      const r = await search(body);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ internalCode: 400 });
      expect(r.body.correlationId).toBeDefined();
    }
  });

  it('serves the same search over GET with query parameters', async () => {
    const r = await ctx.c.call('GET', `/api/v2/opensearch?id=${IDS.spotToulouseMono}`);
    expect(r.body.features[0].properties.constellation).toBe('SPOT');
  });
});

describe('paging', () => {
  const ids = (r: { body: { features: { properties: { id: string } }[] } }) => r.body.features.map((f) => f.properties.id);

  it('defaults to 50 per page and pages by 1-based startPage with a 0-based startIndex', async () => {
    const first = await search({});
    expect(first.body.itemsPerPage).toBe(50);
    expect(first.body.features).toHaveLength(50);
    const second = await search({ startPage: 2 });
    expect(second.body.startIndex).toBe(50);
    const both = await search({ itemsPerPage: 100 });
    expect([...ids(first), ...ids(second)]).toEqual(ids(both));
  });

  it('returns a last partial page, then empty pages past the end', async () => {
    const all = await search({ geometry: NAIROBI, itemsPerPage: 500 });
    const total = all.body.totalResults as number;
    const size = 7;
    const lastPage = Math.ceil(total / size);
    const last = await search({ geometry: NAIROBI, itemsPerPage: size, startPage: lastPage });
    expect(last.body.features).toHaveLength(total - (lastPage - 1) * size);
    expect(ids(last)).toEqual(ids(all).slice((lastPage - 1) * size));
    const beyond = await search({ geometry: NAIROBI, itemsPerPage: size, startPage: lastPage + 1 });
    expect(beyond.body.features).toEqual([]);
    expect(beyond.body.totalResults).toBe(total);
  });

  it('caps itemsPerPage at 500, the window at 10000, and totalResults at 10000', async () => {
    expect((await search({ itemsPerPage: 501 })).status).toBe(400);
    expect((await search({ itemsPerPage: 500, startPage: 20 })).status).toBe(200);
    expect((await search({ itemsPerPage: 500, startPage: 21 })).status).toBe(400);
    expect((await search({ startPage: 0 })).status).toBe(400);
    const all = await search({ itemsPerPage: 0 });
    expect(all.body.totalResults).toBe(10_000);
    expect(all.body.features).toEqual([]);
  });
});
