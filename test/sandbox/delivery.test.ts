import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSandbox, workOrder } from './client.js';

let clock = Date.parse('2025-05-01T08:00:00Z');
const ctx = useSandbox({ now: () => new Date(clock), deliveryDelayMs: 10_000 });
const workspace = (ref: string) => ctx.c.call('POST', '/api/v2/opensearch', { workspace: 'ws-legacy-sandbox', customerReference: ref, itemsPerPage: 10, startPage: 1 });

describe('legacy delivery over time', () => {
  it('keeps an order out of the workspace until the delivery delay has passed, then shows it with a download link', async () => {
    const placed = await ctx.c.call('POST', '/api/v1/orders', workOrder({ customerReference: 'deliver-me' }));
    expect((await workspace('deliver-me')).body.totalResults).toBe(0);
    clock += 9_999;
    expect((await workspace('deliver-me')).body.totalResults).toBe(0);
    clock += 1;
    const r = await workspace('deliver-me');
    expect(r.body.totalResults).toBe(1);
    const f = r.body.features[0];
    expect(f.properties).toMatchObject({ customerReference: 'deliver-me', salesOrderId: placed.body.salesOrderId, internalReference: placed.body.salesOrderId, workspaceId: 'ws-legacy-sandbox' });
    expect(f._links.download.href).toMatch(/\/api\/v1\/items\/.+\/download$/);
    expect((await ctx.c.call('POST', '/api/v2/opensearch', { workspace: 'ws-legacy-sandbox', customerReference: 'deliver-*' })).body.totalResults).toBe(1);
    expect((await ctx.c.call('POST', '/api/v2/opensearch', { workspace: 'ws-neo-sandbox', customerReference: 'deliver-me' })).body.totalResults).toBe(0);
  });

  it('delivers on the next read when the delay is 0', async () => {
    ctx.sb.knobs.deliveryDelayMs = 0;
    await ctx.c.call('POST', '/api/v1/orders', workOrder({ customerReference: 'instant' }));
    expect((await workspace('instant')).body.totalResults).toBe(1);
    ctx.sb.knobs.deliveryDelayMs = 10_000;
  });

  it('refuses an unknown workspace', async () => {
    expect((await ctx.c.call('POST', '/api/v2/opensearch', { workspace: 'someone-else' })).status).toBe(400);
  });
});

describe('download', () => {
  async function product() {
    clock += 10_000;
    const f = (await workspace('deliver-me')).body.features[0];
    return { path: new URL(f._links.download.href).pathname, size: f.properties.fileSize as number, sha256: f.properties.sha256 as string };
  }

  it('serves the whole file with a stable sha256', async () => {
    const p = await product();
    const a = await ctx.c.call('GET', p.path);
    expect(a.status).toBe(200);
    expect(a.headers.get('accept-ranges')).toBe('bytes');
    const bytes = a.body as Buffer;
    expect(bytes.length).toBe(p.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(p.sha256);
    expect(a.headers.get('etag')).toBe(`"${p.sha256}"`);
    const b = await ctx.c.call('GET', p.path);
    expect((b.body as Buffer).equals(bytes)).toBe(true);
  });

  it('serves byte ranges (start-end, open-ended, suffix) that reassemble into the file', async () => {
    const p = await product();
    const whole = (await ctx.c.call('GET', p.path)).body as Buffer;
    const head = await ctx.c.call('GET', p.path, undefined, { range: 'bytes=0-999' });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-999/${p.size}`);
    const tail = await ctx.c.call('GET', p.path, undefined, { range: 'bytes=1000-' });
    expect(Buffer.concat([head.body, tail.body]).equals(whole)).toBe(true);
    const suffix = await ctx.c.call('GET', p.path, undefined, { range: 'bytes=-10' });
    expect((suffix.body as Buffer).equals(whole.subarray(p.size - 10))).toBe(true);
  });

  it('answers 416 to a range past the end and 404 to an unknown product', async () => {
    const p = await product();
    const r = await ctx.c.call('GET', p.path, undefined, { range: `bytes=${p.size}-` });
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe(`bytes */${p.size}`);
    expect((await ctx.c.call('GET', '/api/v1/items/nope/download')).status).toBe(404);
  });
});
