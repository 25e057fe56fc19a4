import { describe, expect, it } from 'vitest';
import { IDS, useSandbox, workOrder } from './client.js';

let clock = Date.parse('2025-03-01T09:00:00Z');
// Tokens outlive the clock jumps below.
const ctx = useSandbox({ now: () => new Date(clock), deliveryDelayMs: 60_000, quotationValidityMs: 3_600_000, tokenLifetimeSec: 864_000 });

const neoOrder = (ref: string) => workOrder({ contractId: 'CTR22000777', productTypeId: 'PleiadesNeoArchiveMono', catalogItemId: IDS.pneoParisMono, customerReference: ref });
const search = (q: string, paging: Record<string, unknown> = { itemsPerPage: 50, startIndex: 0, pagingMode: 'item' }) =>
  ctx.c.call('POST', '/api/v2/orders/search', { paging, criteria: { q } });
const line = async (quotationId: string) => (await search(`(cis.quotation:${quotationId})`)).body.features[0];
const neoCredit = async () => Number((await ctx.c.call('GET', '/api/v1/contracts')).body.contracts[1].creditRemaining);

async function quote(ref: string): Promise<{ quotationId: string; totalAmount: number }> {
  const r = await ctx.c.call('POST', '/api/v1/quotations', neoOrder(ref));
  expect(r.status).toBe(201);
  return r.body;
}

describe('quotation lifecycle', () => {
  it('creates a SENT quotation without debiting credit; accept creates the order and debits', async () => {
    const before = await neoCredit();
    const q = await quote('q-accept');
    expect(q.quotationId).toMatch(/^QUO\d+$/);
    expect(await neoCredit()).toBe(before);
    expect(await line(q.quotationId)).toMatchObject({ quotationStatus: 'SENT', customerReference: 'q-accept', contractId: 'CTR22000777', source: 'archive', mission: 'pleiadesneo' });
    expect((await line(q.quotationId)).status).toBeUndefined();

    const accepted = await ctx.c.call('PUT', `/api/v1/contracts/CTR22000777/quotations/${q.quotationId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ quotationId: q.quotationId, status: 'ACCEPTED' });
    expect(accepted.body.salesOrderId).toMatch(/^SAL/);
    expect(await neoCredit()).toBeCloseTo(before - q.totalAmount, 2);
    expect(await line(q.quotationId)).toMatchObject({ quotationStatus: 'ACCEPTED', status: 'IN_PROGRESS', salesOrderId: accepted.body.salesOrderId });

    clock += 60_000;
    expect((await line(q.quotationId)).status).toBe('DELIVERED');
    const again = await ctx.c.call('PUT', `/api/v1/contracts/CTR22000777/quotations/${q.quotationId}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('QUOTATION_ALREADY_DECIDED');
  });

  it('refuses with a reason 1–7 only', async () => {
    const q = await quote('q-refuse');
    for (const bad of [0, 8, 'budget', 2.5]) {
      const r = await ctx.c.call('PUT', `/api/v1/contracts/CTR22000777/quotations/${q.quotationId}/refuse`, { rejectionReasonId: bad });
      expect(r.status).toBe(400);
    }
    const r = await ctx.c.call('PUT', `/api/v1/contracts/CTR22000777/quotations/${q.quotationId}/refuse`, { rejectionReasonId: 3 });
    expect(r.body).toEqual({ quotationId: q.quotationId, status: 'REFUSED' });
    expect((await line(q.quotationId)).quotationStatus).toBe('REFUSED');
    const accept = await ctx.c.call('PUT', `/api/v1/contracts/CTR22000777/quotations/${q.quotationId}/accept`);
    expect(accept.status).toBe(409);
  });

  it('expires after its validity: accept is refused, refuse (reason 1) still works', async () => {
    const q = await quote('q-expire');
    clock += 3_600_001;
    expect((await line(q.quotationId)).quotationStatus).toBe('EXPIRED');
    const accept = await ctx.c.call('PUT', `/api/v1/contracts/CTR22000777/quotations/${q.quotationId}/accept`);
    expect(accept.status).toBe(400);
    expect(accept.body.code).toBe('QUOTATION_EXPIRED');
    const refuse = await ctx.c.call('PUT', `/api/v1/contracts/CTR22000777/quotations/${q.quotationId}/refuse`, { rejectionReasonId: 1 });
    expect(refuse.status).toBe(200);
  });

  it('can be made to expire in-process and over HTTP', async () => {
    const a = await quote('q-expire-now');
    expect(ctx.sb.expireQuotation(a.quotationId)).toBe(true);
    expect((await line(a.quotationId)).quotationStatus).toBe('EXPIRED');
    const b = await quote('q-expire-http');
    const r = await ctx.c.raw(`/__sandbox/quotations/${b.quotationId}/expire`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect((await line(b.quotationId)).quotationStatus).toBe('EXPIRED');
    expect(ctx.sb.expireQuotation('QUO0')).toBe(false);
  });

  it('answers 404 for an unknown quotation or one of another contract', async () => {
    const q = await quote('q-404');
    expect((await ctx.c.call('PUT', '/api/v1/contracts/CTR22000777/quotations/QUO1/accept')).status).toBe(404);
    expect((await ctx.c.call('PUT', `/api/v1/contracts/CTR21000411/quotations/${q.quotationId}/accept`)).status).toBe(404);
    expect((await ctx.c.call('GET', '/api/v1/quotations/QUO1/export')).status).toBe(404);
  });

  it('exports a valid PDF whose cross-reference offsets point at its objects', async () => {
    const q = await quote('q-pdf');
    const r = await ctx.c.call('GET', `/api/v1/quotations/${q.quotationId}/export`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const text = (r.body as Buffer).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain(q.quotationId);
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });
});

describe('v2 orders search', () => {
  it('filters with AND / OR, wildcards and grouping', async () => {
    await quote('track-alpha-1');
    await quote('track-alpha-2');
    await quote('track-beta-1');
    const refs = async (q: string) => (await search(q)).body.features.map((f: { customerReference: string }) => f.customerReference).sort();
    expect(await refs('(customerReference:track-alpha-*)')).toEqual(['track-alpha-1', 'track-alpha-2']);
    expect(await refs('(customerReference:*-1) AND (contractId:CTR22000777)')).toEqual(['track-alpha-1', 'track-beta-1']);
    expect(await refs('(customerReference:track-beta-1) OR (customerReference:track-alpha-2)')).toEqual(['track-alpha-2', 'track-beta-1']);
    expect(await refs('((customerReference:track-*) AND (quotationStatus:SENT)) AND (technicalProduct.source.id:archive)')).toHaveLength(3);
    expect(await refs('(contractId:CTR21000411)')).toEqual([]);
  });

  it('pages with a 0-based startIndex, including a partial last page and an empty page', async () => {
    const all = (await search('(customerReference:track-*)')).body;
    expect(all.paging).toMatchObject({ totalResults: 3, startIndex: 0, pagingMode: 'item' });
    const p2 = await search('(customerReference:track-*)', { itemsPerPage: 2, startIndex: 2, pagingMode: 'item' });
    expect(p2.body.features).toHaveLength(1);
    expect(p2.body.features[0].orderItemId).toBe(all.features[2].orderItemId);
    const p3 = await search('(customerReference:track-*)', { itemsPerPage: 2, startIndex: 4, pagingMode: 'item' });
    expect(p3.body.features).toEqual([]);
    expect(p3.body.paging.totalResults).toBe(3);
  });

  it('rejects missing paging or criteria, bad paging and unknown fields', async () => {
    expect((await ctx.c.call('POST', '/api/v2/orders/search', { criteria: { q: '' } })).status).toBe(400);
    expect((await search('(colour:red)')).status).toBe(400);
    expect((await search('(customerReference:x')).status).toBe(400);
    expect((await search('', { itemsPerPage: 0, startIndex: 0 })).status).toBe(400);
    expect((await search('', { itemsPerPage: 10, startIndex: -1 })).status).toBe(400);
  });
});
