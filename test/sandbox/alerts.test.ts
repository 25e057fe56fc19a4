import { describe, expect, it } from 'vitest';
import { PARIS_AOI, useSandbox } from './client.js';

const ctx = useSandbox();
const alert = (name: string, context = 'CTR21000411') => ({
  name,
  context,
  constellation: ['PNEO'],
  productType: ['bundle', 'mono'],
  cloudCover: '[10,30]',
  incidenceAngle: '[5,20]',
  geometry: PARIS_AOI,
});
const create = async (name: string, context?: string) => (await ctx.c.call('POST', '/api/v1/alerts', alert(name, context))).body;

describe('alerts', () => {
  it('creates an active alert (201) with the documented fields', async () => {
    const r = await ctx.c.call('POST', '/api/v1/alerts', alert('paris-low-cloud'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'paris-low-cloud', status: 'active', context: 'CTR21000411', cloudCover: '[10,30]', incidenceAngle: '[5,20]', constellation: ['PNEO'], triggeredAt: null });
    expect(r.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body.createdAt).toBe(r.body.updatedAt);
    expect(r.body._links.self.href).toContain(r.body.id);
  });

  it.each([
    ['no name', { name: '' }],
    ['an unknown context', { context: 'CTR404' }],
    ['an inverted cloud interval', { cloudCover: '[30,10]' }],
    ['an unknown constellation', { constellation: ['LANDSAT'] }],
    ['an open ring', { geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] } }],
  ])('refuses %s with 400', async (_what, over) => {
    const r = await ctx.c.call('POST', '/api/v1/alerts', { ...alert('x'), ...over });
    expect(r.status).toBe(400);
    expect(r.body.message).toBeDefined();
  });

  it('lists by context in 1-based pages (default 10, max 100), oldest first', async () => {
    const names = Array.from({ length: 13 }, (_, i) => `page-${String(i).padStart(2, '0')}`);
    for (const n of names) await create(n, 'subscription');
    const first = await ctx.c.call('GET', '/api/v1/alerts?context=subscription');
    expect(first.body).toMatchObject({ startIndex: 0, totalResults: 13, itemsPerPage: 10, countLimitReached: false });
    expect(first.body.items.map((a: { name: string }) => a.name)).toEqual(names.slice(0, 10));
    const last = await ctx.c.call('GET', '/api/v1/alerts?context=subscription&startPage=2');
    expect(last.body.startIndex).toBe(10);
    expect(last.body.items.map((a: { name: string }) => a.name)).toEqual(names.slice(10));
    const beyond = await ctx.c.call('GET', '/api/v1/alerts?context=subscription&itemsPerPage=5&startPage=4');
    expect(beyond.body.items).toEqual([]);
    expect((await ctx.c.call('GET', '/api/v1/alerts?context=subscription&itemsPerPage=101')).status).toBe(400);
    expect((await ctx.c.call('GET', '/api/v1/alerts?context=subscription&startPage=0')).status).toBe(400);
    const other = await ctx.c.call('GET', '/api/v1/alerts?context=CTR22000777');
    expect(other.body.totalResults).toBe(0);
  });

  it('in startIndex mode reads the 0-based startIndex and ignores startPage', async () => {
    const names = Array.from({ length: 4 }, (_, i) => `index-${i}`);
    for (const n of names) await create(n, 'CTR22000777');
    ctx.sb.knobs.alertPaging = 'startIndex';
    try {
      const page = await ctx.c.call('GET', '/api/v1/alerts?context=CTR22000777&itemsPerPage=2&startIndex=1&startPage=9');
      expect(page.body).toMatchObject({ startIndex: 1, totalResults: 4, itemsPerPage: 2 });
      expect(page.body.items.map((a: { name: string }) => a.name)).toEqual(names.slice(1, 3));
      expect((await ctx.c.call('GET', '/api/v1/alerts?context=CTR22000777&startIndex=-1')).status).toBe(400);
    } finally {
      ctx.sb.knobs.alertPaging = 'startPage';
    }
  });

  it('renames (name only) and deletes; one alert cannot be read alone (the seed lists no such GET)', async () => {
    const a = await create('to-rename');
    const listed = async () => ((await ctx.c.call('GET', '/api/v1/alerts?itemsPerPage=100')).body.items as { id: string }[]).find((x) => x.id === a.id);
    expect(await listed()).toMatchObject({ name: 'to-rename' });
    expect((await ctx.c.call('GET', `/api/v1/alerts/${a.id}`)).status).toBe(405);
    const renamed = await ctx.c.call('PUT', `/api/v1/alerts/${a.id}`, { name: 'renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: a.id, name: 'renamed', cloudCover: a.cloudCover, createdAt: a.createdAt });
    const more = await ctx.c.call('PUT', `/api/v1/alerts/${a.id}`, { name: 'x', cloudCover: '[0,5]' });
    expect(more.status).toBe(400);
    expect(await listed()).toMatchObject({ name: 'renamed', cloudCover: '[10,30]' });
    const del = await ctx.c.call('DELETE', `/api/v1/alerts/${a.id}`);
    expect(del.status).toBe(204);
    expect((del.body as Buffer).length).toBe(0);
    expect(await listed()).toBeUndefined();
  });

  it('answers 404 to unknown ids on rename and delete', async () => {
    expect((await ctx.c.call('PUT', '/api/v1/alerts/nope', { name: 'x' })).status).toBe(404);
    expect((await ctx.c.call('DELETE', '/api/v1/alerts/nope')).status).toBe(404);
  });
});
