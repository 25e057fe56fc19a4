import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../engine/providers/index.js';
import type { OneAtlasClient } from '../../engine/providers/oneatlas/client.js';
import { toAlertCreate } from '../../engine/providers/oneatlas/convert.js';
import { byOffset, byPageNumber, pagedList, type CountedPage } from '../../engine/providers/paging.js';
import { alertSpec, square } from './fixtures.js';
import { callsTo, startHarness, type Harness } from './sandbox-harness.js';

/** A list of `total` numbers served `size` per page number, each page answered only when the test says. */
function deferredList(total: number, size: number) {
  const asked: number[] = [];
  const pending = new Map<number, () => void>();
  const fetchPage = (page: number): Promise<CountedPage<number>> => {
    asked.push(page);
    const start = (page - 1) * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return new Promise((resolve) =>
      pending.set(page, () => resolve({ items, next: items.length && start + items.length < total ? page + 1 : undefined, total })),
    );
  };
  const answer = (page: number) => pending.get(page)!();
  return { asked, answer, list: pagedList(1, byPageNumber(1), fetchPage) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('pagedList.all', () => {
  it('asks for every page after the first before any of them answers, and keeps list order', async () => {
    const { asked, answer, list } = deferredList(10, 3);
    const all = list.all();
    await tick();
    expect(asked).toEqual([1]);
    answer(1);
    await tick();
    expect(asked).toEqual([1, 2, 3, 4]);
    for (const page of [4, 2, 3]) answer(page);
    expect(await all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('sizes pages by what the first page held when the vendor serves fewer than asked', async () => {
    const served = 2; // asked for 5 per page
    const asked: number[] = [];
    const list = pagedList(0, byOffset, async (start: number) => {
      asked.push(start);
      const items = [start, start + 1].filter((i) => i < 7);
      return { items, next: start + items.length < 7 ? start + served : undefined, total: 7 };
    });
    expect(await list.all()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(asked).toEqual([0, 2, 4, 6]);
  });

  it('reads on past the pages the first total announced when the list grew meanwhile', async () => {
    let total = 4;
    const list = pagedList(1, byPageNumber(1), async (page: number) => {
      const start = (page - 1) * 2;
      if (page === 1) total = 4;
      else total = 7; // two more items arrived after page 1 answered
      const items = Array.from({ length: Math.max(0, Math.min(2, total - start)) }, (_, i) => start + i);
      return { items, next: start + items.length < total ? page + 1 : undefined, total };
    });
    expect(await list.all()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('stays lazy when iterated: a caller that stops early fetches no further page', async () => {
    const asked: number[] = [];
    const list = pagedList(1, byPageNumber(1), async (page: number) => {
      asked.push(page);
      return { items: [page], next: page < 9 ? page + 1 : undefined, total: 9 };
    });
    expect(await collect(list, 2)).toEqual([1, 2]);
    expect(asked).toEqual([1, 2]);
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
