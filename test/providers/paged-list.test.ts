import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { collect } from '../../engine/providers/index.js';
import type { OneAtlasClient } from '../../engine/providers/oneatlas/client.js';
import { toAlertCreate } from '../../engine/providers/oneatlas/convert.js';
import { offsetList, type CountedPage, type PageRequest } from '../../engine/providers/paging.js';
import { alertSpec, square } from './fixtures.js';
import { callsTo, startHarness, type Harness } from './sandbox-harness.js';

/** A list of `total` numbers served `size` per page, each page answered only when the test says. */
function deferredList(total: number, size: number) {
  const asked: number[] = [];
  const pending = new Map<number, () => void>();
  const fetchPage = (at: PageRequest): Promise<CountedPage<number>> => {
    asked.push(at.startPage);
    const start = at.startIndex;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return new Promise((resolve) => pending.set(at.startPage, () => resolve({ items, start, total })));
  };
  const answer = (page: number) => pending.get(page)!();
  return { asked, answer, list: offsetList(size, fetchPage, 'test list') };
}

/**
 * A server over `data` that reads one paging parameter only (`startPage` 1-based, `startIndex` 0-based, or
 * neither: always the first page), serving at most `cap` items a page; it records what it was asked.
 */
function server(data: number[], reads: 'startPage' | 'startIndex' | 'nothing', cap = Infinity) {
  const asked: PageRequest[] = [];
  const fetchPage = async (at: PageRequest): Promise<CountedPage<number>> => {
    asked.push(at);
    const size = Math.min(at.itemsPerPage, cap);
    const start = reads === 'startIndex' ? at.startIndex : reads === 'startPage' ? (at.startPage - 1) * size : 0;
    return { items: data.slice(start, start + size), start, total: data.length };
  };
  return { asked, fetchPage };
}

const tick = () => new Promise((r) => setImmediate(r));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function stuckCode(e: unknown): string | undefined {
  return e instanceof DiagnosticsError ? e.diagnostics[0]?.code : undefined;
}

describe('offsetList', () => {
  it('asks for every page after the first before any of them answers, and keeps list order', async () => {
    const { asked, answer, list } = deferredList(10, 3);
    const all = list.all();
    await tick();
    expect(asked).toEqual([1]);
    answer(1);
    await tick();
    expect(asked).toEqual([1, 2, 3, 4]);
    for (const page of [4, 2, 3]) answer(page);
    expect(await all).toEqual(range(10));
  });

  it.each(['startPage', 'startIndex'] as const)('reads the same whole list from a server that pages by %s, lazily and at once', async (reads) => {
    for (const read of ['all', 'lazy'] as const) {
      const s = server(range(23), reads);
      const list = offsetList(5, s.fetchPage, 'test list');
      expect(read === 'all' ? await list.all() : await collect(list)).toEqual(range(23));
      expect(s.asked.map((a) => a.startIndex).sort((a, b) => a - b)).toEqual([0, 5, 10, 15, 20]);
      expect(s.asked.every((a) => a.startIndex === (a.startPage - 1) * a.itemsPerPage)).toBe(true);
    }
  });

  it.each(['startPage', 'startIndex'] as const)('adopts the page size a %s server serves when it serves fewer than asked', async (reads) => {
    const s = server(range(7), reads, 2);
    expect(await offsetList(5, s.fetchPage, 'test list').all()).toEqual(range(7));
    expect(s.asked.map((a) => [a.startIndex, a.startPage, a.itemsPerPage])).toEqual([[0, 1, 5], [2, 2, 2], [4, 3, 2], [6, 4, 2]]);
  });

  it('refuses a server that ignores the paging parameters after one repeated page, lazily and at once (VENDOR_PAGING_STUCK)', async () => {
    const lazy = server(range(25), 'nothing');
    const e1 = await collect(offsetList(10, lazy.fetchPage, 'test list')).catch((e: unknown) => e);
    expect(stuckCode(e1)).toBe('VENDOR_PAGING_STUCK');
    expect(lazy.asked).toHaveLength(2);
    const whole = server(range(25), 'nothing');
    const e2 = await offsetList(10, whole.fetchPage, 'test list').all().catch((e: unknown) => e);
    expect(stuckCode(e2)).toBe('VENDOR_PAGING_STUCK');
    expect(whole.asked).toHaveLength(3);
  });

  it('refuses a page that starts past the offset asked for (items would be skipped)', async () => {
    const list = offsetList(2, async (at) => ({ items: [at.startIndex + 3], start: at.startIndex + 3, total: 10 }), 'test list');
    expect(stuckCode(await collect(list).catch((e: unknown) => e))).toBe('VENDOR_PAGING_STUCK');
  });

  it('never asks at or past the announced total, and stops on an empty page', async () => {
    const s = server(range(10), 'startIndex');
    await offsetList(5, s.fetchPage, 'test list').all();
    expect(s.asked.map((a) => a.startIndex)).toEqual([0, 5]);
    // Announces 100 but holds 4: the empty page ends the list.
    const asked: number[] = [];
    const shrunk = offsetList(2, async (at) => (asked.push(at.startIndex), { items: range(4).slice(at.startIndex, at.startIndex + 2), start: at.startIndex, total: 100 }), 'test list');
    expect(await collect(shrunk)).toEqual(range(4));
    expect(asked).toEqual([0, 2, 4]);
  });

  it('reads on past the pages the first total announced when the list grew meanwhile', async () => {
    let calls = 0;
    const list = offsetList(2, async (at) => {
      const total = calls++ === 0 ? 4 : 7; // three more items arrived after the first page answered
      return { items: range(total).slice(at.startIndex, at.startIndex + 2), start: at.startIndex, total };
    }, 'test list');
    expect(await list.all()).toEqual(range(7));
  });

  it('reads on from a short page in the middle instead of leaving a gap', async () => {
    const data = range(9);
    const list = offsetList(3, async (at) => {
      const size = at.startIndex === 3 ? 2 : 3; // the vendor returned one item fewer on page 2
      return { items: data.slice(at.startIndex, at.startIndex + size), start: at.startIndex, total: 9 };
    }, 'test list');
    expect(await list.all()).toEqual(range(9));
  });

  it('stays lazy when iterated: a caller that stops early fetches no further page', async () => {
    const s = server(range(9), 'startIndex');
    expect(await collect(offsetList(1, s.fetchPage, 'test list'), 2)).toEqual([0, 1]);
    expect(s.asked).toHaveLength(2);
  });
});

describe('OneAtlas lists read whole against the sandbox', () => {
  let h: Harness;
  let oa: OneAtlasClient;
  beforeAll(async () => {
    h = await startHarness();
    oa = h.providers.oneatlas as OneAtlasClient;
  });
  afterAll(async () => h?.close());

  it('alerts: the same items as paging lazily, one call per page', async () => {
    const context = 'CTR21000411';
    for (let i = 0; i < 7; i++) await oa.createAlert(toAlertCreate(alertSpec({ name: `all-${i}`, context })));
    const lazy = await collect(oa.alerts(context, 3));
    h.sb.resetCalls();
    const all = await oa.alerts(context, 3).all();
    expect(all).toEqual(lazy);
    expect(all.filter((a) => a.name.startsWith('all-'))).toHaveLength(7);
    expect(callsTo(h.sb, 'GET', '/api/v1/alerts')).toBe(Math.ceil(all.length / 3));
  });

  it('catalogue search and order lines: the same items as paging lazily', async () => {
    const criteria = { constellation: 'PNEO', geometry: square };
    const lazy = await collect(oa.search(criteria, 7));
    h.sb.resetCalls();
    const all = await oa.search(criteria, 7).all();
    expect(all.map((f) => f.properties.id)).toEqual(lazy.map((f) => f.properties.id));
    expect(callsTo(h.sb, 'POST', '/api/v2/opensearch')).toBe(Math.ceil(all.length / 7));
    const q = '(contractId:CTR22000777)';
    expect(await oa.searchOrders(q, 2).all()).toEqual(await collect(oa.searchOrders(q, 2)));
  });
});

describe('a OneAtlas server that ignores the alert paging parameters', () => {
  it('gets two calls and a VENDOR_PAGING_STUCK refusal, not an endless loop', async () => {
    const { startServer, json } = await import('./test-server.js');
    const { createProviders } = await import('../../engine/providers/index.js');
    const { configFromEnv } = await import('./sandbox-harness.js');
    let alertCalls = 0;
    const srv = await startServer((req, res) => {
      if (req.url.startsWith('/auth/')) return json(res, 200, { access_token: 'tok', expires_in: 3600 });
      alertCalls++;
      const items = Array.from({ length: 10 }, (_, i) => ({ ...toAlertCreate(alertSpec({ name: `a${i}` })), id: `id-${i}`, status: 'active' }));
      json(res, 200, { startIndex: 0, totalResults: 25, itemsPerPage: 10, countLimitReached: false, items });
    });
    const env: Record<string, string> = { ORDERFORM_ONEATLAS_API_KEY: 'k', ORDERFORM_MAXAR_USERNAME: 'u', ORDERFORM_MAXAR_PASSWORD: 'p', ORDERFORM_MAXAR_URL: srv.url };
    for (const host of ['AUTH', 'ORDER', 'SEARCH', 'DATA']) env[`ORDERFORM_ONEATLAS_${host}_URL`] = srv.url;
    const p = createProviders({ config: configFromEnv(env), env });
    try {
      const err = await collect(p.oneatlas!.alerts('CTR22000777', 10)).catch((e: unknown) => e);
      expect(stuckCode(err)).toBe('VENDOR_PAGING_STUCK');
      expect(alertCalls).toBe(2);
      const q = new URL(srv.seen.filter((s) => s.url.includes('alerts')).at(-1)!.url, srv.url).searchParams;
      expect([q.get('startIndex'), q.get('startPage'), q.get('itemsPerPage')]).toEqual(['10', '2', '10']);
      // Read whole: the pages after the first are asked at once, once each, then the refusal.
      alertCalls = 0;
      expect(stuckCode(await p.oneatlas!.alerts('CTR22000777', 10).all().catch((e: unknown) => e))).toBe('VENDOR_PAGING_STUCK');
      await new Promise((r) => setTimeout(r, 50));
      expect(alertCalls).toBe(3);
    } finally {
      await p.close();
      await srv.close();
    }
  });
});
