import { describe, expect, it } from 'vitest';
import { collect, nextOffset, paginate } from '../../engine/providers/paging.js';

describe('paging', () => {
  it('fetches pages lazily, only as far as the caller reads', async () => {
    const fetched: number[] = [];
    const items = paginate(1, async (page: number) => {
      fetched.push(page);
      return { items: [page * 10, page * 10 + 1], next: page < 5 ? page + 1 : undefined };
    });
    expect(await collect(items, 3)).toEqual([10, 11, 20]);
    expect(fetched).toEqual([1, 2]);
  });

  it('reads every page when asked', async () => {
    const all = await collect(paginate(0, async (start: number) => ({ items: [start], next: nextOffset(start, 1, 4) })));
    expect(all).toEqual([0, 1, 2, 3]);
  });

  it('stops on an empty page even if the total says more', () => {
    expect(nextOffset(10, 0, 100)).toBeUndefined();
    expect(nextOffset(90, 10, 100)).toBeUndefined();
    expect(nextOffset(80, 10, 100)).toBe(90);
  });
});
