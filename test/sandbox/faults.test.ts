import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index.js';
import { PARIS_AOI, TestClient, useSandbox } from './client.js';

const sleeps: number[] = [];
const ctx = useSandbox({ deliveryDelayMs: 0, sleep: async (ms) => void sleeps.push(ms) });
const alert = (name: string) => ({ name, context: 'subscription', constellation: ['PHR'], productType: ['mono'], cloudCover: '[0,10]', incidenceAngle: '[0,20]', geometry: PARIS_AOI });
const alertNames = async () => (await ctx.c.call('GET', '/api/v1/alerts?itemsPerPage=100')).body.items.map((a: { name: string }) => a.name);

describe('call counters', () => {
  it('counts per route template, faulted calls included, readable in-process and over HTTP; reset clears them', async () => {
    await ctx.c.token('oneatlas');
    ctx.sb.resetCalls();
    const created = await ctx.c.call('POST', '/api/v1/alerts', alert('counted'));
    await ctx.c.call('PUT', `/api/v1/alerts/${created.body.id}`, { name: 'counted-2' });
    await ctx.c.call('PUT', '/api/v1/alerts/unknown', { name: 'x' });
    ctx.sb.knobs.errorRate = { 'GET /api/v1/alerts': { next: 1 } };
    expect((await ctx.c.call('GET', '/api/v1/alerts')).status).toBe(503);
    await ctx.c.call('GET', '/api/v1/nowhere');
    expect(ctx.sb.calls()).toEqual({ 'POST /api/v1/alerts': 1, 'PUT /api/v1/alerts/{id}': 2, 'GET /api/v1/alerts': 1, 'GET /api/v1/nowhere': 1 });
    const overHttp = await ctx.c.raw('/__sandbox/calls', {});
    expect(overHttp.body.calls).toEqual(ctx.sb.calls());
    expect((await ctx.c.raw('/__sandbox/reset', { method: 'POST' })).status).toBe(200);
    expect(ctx.sb.calls()).toEqual({});
    expect(await alertNames()).toContain('counted-2'); // reset keeps data
  });
});

describe('fault knobs', () => {
  it('adds latency plus jitter before answering', async () => {
    sleeps.length = 0;
    ctx.sb.knobs.latencyMs = 100;
    ctx.sb.knobs.jitterMs = 50;
    await ctx.c.call('GET', '/api/v1/contracts');
    ctx.sb.knobs.latencyMs = 0;
    ctx.sb.knobs.jitterMs = 0;
    await ctx.c.call('GET', '/api/v1/contracts');
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(100);
    expect(sleeps[0]).toBeLessThan(150);
  });

  it('answers 5xx before handling: nothing is created', async () => {
    ctx.sb.knobs.errorRate = { 'POST /api/v1/alerts': { next: 1 } };
    const r = await ctx.c.call('POST', '/api/v1/alerts', alert('never-5xx'));
    expect(r.status).toBe(503);
    expect(r.body.internalCode).toBe(503);
    expect(await alertNames()).not.toContain('never-5xx');
    expect((await ctx.c.call('POST', '/api/v1/alerts', alert('after-5xx'))).status).toBe(201);
  });

  it('uses the configured error status and applies `*` to every route', async () => {
    await ctx.c.token('maxar');
    ctx.sb.knobs.errorStatus = 500;
    ctx.sb.knobs.errorRate = { '*': 1 };
    const order = await ctx.c.call('POST', '/api/v1/orders', {});
    const maxar = await ctx.c.call('GET', '/maxar/api/v1/order/status/1');
    ctx.sb.knobs.errorRate = {};
    ctx.sb.knobs.errorStatus = 503;
    expect(order.status).toBe(500);
    expect(order.body).toEqual({ code: 'UNEXPECTED_SERVER_ERROR' });
    expect(maxar.status).toBe(500);
    expect(maxar.body.message).toBeDefined();
  });

  it('answers 429 with Retry-After', async () => {
    ctx.sb.knobs.rateLimit = { 'POST /api/v2/opensearch': { next: 2 } };
    ctx.sb.knobs.retryAfterSec = 7;
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const r = await ctx.c.call('POST', '/api/v2/opensearch', { itemsPerPage: 1 });
      statuses.push(r.status);
      if (r.status === 429) expect(r.headers.get('retry-after')).toBe('7');
    }
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('drops the connection without handling', async () => {
    ctx.sb.knobs.dropConnection = { 'POST /api/v1/alerts': { next: 1 } };
    await expect(ctx.c.call('POST', '/api/v1/alerts', alert('never-dropped'))).rejects.toThrow();
    expect(await alertNames()).not.toContain('never-dropped');
  });

  it('drops the connection after committing: the order exists though no answer came', async () => {
    ctx.sb.knobs.dropAfterCommit = { 'POST /api/v1/alerts': { next: 1 } };
    await expect(ctx.c.call('POST', '/api/v1/alerts', alert('committed'))).rejects.toThrow();
    expect(await alertNames()).toContain('committed');
    ctx.sb.knobs.dropAfterCommit = { 'POST /api/v1/order': { next: 1 } }; // Maxar keys are relative to ORDERFORM_MAXAR_URL
    const body = { acquisitions: ['10300100ARDTRAIN1'], intersects: PARIS_AOI, output_config: { amazon_s3: { bucket: 'b', prefix: '' } }, metadata: { reference: 'lost-answer' } };
    // A dry run is its own route key: the fault waits for the real order.
    expect((await ctx.c.call('POST', '/maxar/api/v1/order', { ...body, dry_run: true })).status).toBe(200);
    await expect(ctx.c.call('POST', '/maxar/api/v1/order', body)).rejects.toThrow();
    const found = await ctx.c.call('GET', '/maxar/api/v1/order?filter=metadata.reference:lost-answer');
    expect(found.body.data).toHaveLength(1);
  });

  it('draws random faults from the seeded PRNG: same seed, same outcomes', async () => {
    const outcomes = async (seed: number) => {
      const sb = await startSandbox({ seed, catalogSize: 100, knobs: { errorRate: { 'GET /api/v1/contracts': 0.5 } } });
      try {
        const c = new TestClient(sb);
        const statuses: number[] = [];
        for (let i = 0; i < 24; i++) statuses.push((await c.call('GET', '/api/v1/contracts')).status);
        return statuses;
      } finally {
        await sb.close();
      }
    };
    const a = await outcomes(11);
    expect(await outcomes(11)).toEqual(a);
    expect(a).toContain(503);
    expect(a).toContain(200);
    expect(await outcomes(12)).not.toEqual(a);
  });
});

describe('knobs over HTTP', () => {
  it('reads and patches knobs; fault maps merge per route', async () => {
    const r = await ctx.c.raw('/__sandbox/knobs', { method: 'POST', body: JSON.stringify({ errorRate: { 'GET /api/v1/contracts': { next: 1 } }, priceMultiplier: 2 }) });
    expect(r.status).toBe(200);
    expect(r.body.priceMultiplier).toBe(2);
    expect(ctx.sb.knobs.priceMultiplier).toBe(2);
    expect((await ctx.c.call('GET', '/api/v1/contracts')).status).toBe(503);
    expect((await ctx.c.call('GET', '/api/v1/contracts')).status).toBe(200);
    await ctx.c.raw('/__sandbox/knobs', { method: 'POST', body: JSON.stringify({ priceMultiplier: 1, errorRate: { 'GET /api/v1/contracts': null } }) });
    expect((await ctx.c.raw('/__sandbox/knobs', {})).body.errorRate).toEqual({});
  });

  it('refuses unknown or ill-typed knobs and applies none of the patch', async () => {
    const r = await ctx.c.raw('/__sandbox/knobs', { method: 'POST', body: JSON.stringify({ latencyMs: 5, colour: 'red', errorRate: { x: 2 } }) });
    expect(r.status).toBe(400);
    expect(r.body.problems).toHaveLength(2);
    expect(ctx.sb.knobs.latencyMs).toBe(0);
  });

  it('moves the clock with clockOffsetMs (tokens expire, quotations lapse)', async () => {
    const c = new TestClient(ctx.sb);
    await c.token('oneatlas');
    await ctx.c.raw('/__sandbox/knobs', { method: 'POST', body: JSON.stringify({ clockOffsetMs: 3_601_000 }) });
    const r = await c.call('GET', '/api/v1/contracts');
    await ctx.c.raw('/__sandbox/knobs', { method: 'POST', body: JSON.stringify({ clockOffsetMs: 0 }) });
    expect(r.status).toBe(401);
  });
});
