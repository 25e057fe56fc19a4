/**
 * Paginated vendor lists as lazy async iterators (a page is fetched only when the caller reaches it), and,
 * for lists addressed by page number or offset, a whole read with the pages after the first in parallel.
 */

export interface Page<T, C> {
  items: T[];
  /** Cursor of the next page; undefined on the last page. */
  next: C | undefined;
}

export async function* paginate<T, C>(first: C, fetchPage: (cursor: C) => Promise<Page<T, C>>): AsyncGenerator<T, void, undefined> {
  for (let cursor: C | undefined = first; cursor !== undefined; ) {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.next;
  }
}

/** A page of a list that says how many items the whole list holds (cursor: page number or item offset). */
export interface CountedPage<T> extends Page<T, number> {
  total: number;
}

export interface PagedList<T> extends AsyncIterable<T> {
  /**
   * Every item, in list order: the first page gives the total, the other pages are requested at once (the
   * HttpClient's concurrency bounds how many are in flight); if the list grew meanwhile, the rest is read on.
   */
  all(): Promise<T[]>;
}

/**
 * A list whose page k (0-based) is at `cursorOf(k, size)`, `size` being how many items the first page held
 * (a vendor may serve fewer than asked).
 */
export function pagedList<T>(
  first: number,
  cursorOf: (k: number, size: number) => number,
  fetchPage: (cursor: number) => Promise<CountedPage<T>>,
): PagedList<T> {
  return {
    [Symbol.asyncIterator]: () => paginate(first, fetchPage),
    async all() {
      const head = await fetchPage(first);
      if (head.next === undefined) return head.items;
      const size = head.items.length;
      const rest = await Promise.all(Array.from({ length: Math.ceil(head.total / size) - 1 }, (_, i) => fetchPage(cursorOf(i + 1, size))));
      const items = [head, ...rest].flatMap((p) => p.items);
      const next = (rest.at(-1) ?? head).next;
      if (next !== undefined) for await (const item of paginate(next, fetchPage)) items.push(item);
      return items;
    },
  };
}

/** Lists addressed by page number (`startPage`) or by item offset (`startIndex`). */
export const byPageNumber = (first: number) => (k: number) => first + k;
export const byOffset = (k: number, size: number) => k * size;

/** Reads a whole list (or its first `max` items, fetching no further page). */
export async function collect<T>(items: AsyncIterable<T>, max = Infinity): Promise<T[]> {
  const out: T[] = [];
  if (max <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

/** Offset paging: where the next page starts, or undefined when `total` is reached or a page came back empty. */
export function nextOffset(start: number, received: number, total: number): number | undefined {
  return received > 0 && start + received < total ? start + received : undefined;
}

/** A requested page size within what the endpoint accepts. */
export function clampPage(size: number, max: number): number {
  return Math.min(max, Math.max(1, Math.floor(size)));
}
