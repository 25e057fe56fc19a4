import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { collect, paginate } from '../../engine/providers/paging.js';

describe('cursor paging', () => {
  it('fetches pages lazily, only as far as the caller reads', async () => {
    const fetched: number[] = [];
    const items = paginate(1, async (page: number) => {
      fetched.push(page);
      return { items: [page * 10, page * 10 + 1], next: page < 5 ? page + 1 : undefined };
    });
    expect(await collect(items, 3)).toEqual([10, 11, 20]);
    expect(fetched).toEqual([1, 2]);
  });

  it('stops on an empty page even if a next cursor is given', async () => {
    const fetched: number[] = [];
    const all = await collect(paginate(0, async (c: number) => (fetched.push(c), { items: c < 2 ? [c] : [], next: c + 1 })));
    expect(all).toEqual([0, 1]);
    expect(fetched).toEqual([0, 1, 2]);
  });

  it('refuses a vendor that hands back a cursor already read (VENDOR_PAGING_STUCK) instead of reading forever', async () => {
    let calls = 0;
    const err = await collect(paginate({ after: 'a' }, async () => (calls++, { items: [1], next: { after: 'a' } }), 'orders')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagnosticsError);
    expect((err as DiagnosticsError).diagnostics[0]).toMatchObject({ code: 'VENDOR_PAGING_STUCK' });
    expect((err as DiagnosticsError).diagnostics[0]!.summary).toContain('orders');
    expect(calls).toBe(1);
  });
});
