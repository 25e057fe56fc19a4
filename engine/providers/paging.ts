/**
 * Paginated vendor lists as lazy async iterators (a page is fetched only when the caller reaches it), and,
 * for lists addressed by item offset, a whole read with the pages after the first in parallel.
 *
 * Every list ends: a page must move the list forward (a vendor that ignores our paging parameters and
 * answers the same page again is refused with VENDOR_PAGING_STUCK, never asked forever), and no page is
 * requested at or past the total the vendor last announced.
 */
import { DiagnosticsError, error } from '../diagnostics.js';

export interface Page<T, C> {
  items: T[];
  /** Cursor of the next page; undefined on the last page. */
  next: C | undefined;
}

/** A list that does not move forward: refusing it beats reading it forever or acting on a part of it. */
function pagingStuck(list: string, detail: string): DiagnosticsError {
  return new DiagnosticsError([
    error('VENDOR_PAGING_STUCK', `${list}: the vendor's list did not move forward (${detail}); orderform stopped reading it rather than ask again or act on part of it`, undefined,
      'The server does not page as documented (startIndex 0-based / startPage 1-based). Report it to the vendor, or point the endpoint at a server that pages.'),
  ]);
}

/** Cursor paging (e.g. `starting_after`): a cursor seen before means the vendor is going round in circles. */
export async function* paginate<T, C>(first: C, fetchPage: (cursor: C) => Promise<Page<T, C>>, list = 'list'): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  for (let cursor: C | undefined = first; cursor !== undefined; ) {
    const key = JSON.stringify(cursor);
    if (seen.has(key)) throw pagingStuck(list, `the cursor ${key} came back`);
    seen.add(key);
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.items.length ? page.next : undefined;
  }
}

/** One page of an offset-addressed list, as the vendor answered it. */
export interface CountedPage<T> {
  items: T[];
  /** 0-based offset of `items[0]`, as the vendor reports it. */
  start: number;
  /** How many items the whole list holds (already capped to what the vendor serves at all). */
  total: number;
}

/**
 * Asks for the page of `size` items starting at item `offset` (a multiple of `size` except after a short
 * page): a client sends it as both `startIndex` (0-based offset) and `startPage` (1-based page number), so
 * that servers paging either way answer the same page.
 */
export type FetchCounted<T> = (at: PageRequest) => Promise<CountedPage<T>>;

export interface PageRequest {
  /** 0-based offset of the first item wanted. */
  startIndex: number;
  /** 1-based number of the page of `itemsPerPage` items that holds `startIndex`. */
  startPage: number;
  itemsPerPage: number;
}

function pageRequest(offset: number, size: number): PageRequest {
  return { startIndex: offset, startPage: Math.floor(offset / size) + 1, itemsPerPage: size };
}

export interface PagedList<T> extends AsyncIterable<T> {
  /**
   * Every item, in list order: the first page gives the total and the page size the vendor serves, the
   * other pages are requested at once (the HttpClient's concurrency bounds how many are in flight); a gap
   * (a short page, the list shrank) or growth meanwhile is read on one page at a time.
   */
  all(): Promise<T[]>;
}

/** The items of a page from `offset` on: a page that starts earlier (a page-number server) is trimmed. */
interface Read<T> {
  items: T[];
  total: number;
  /** How many items the vendor put on the page (the size it serves). */
  served: number;
}

/**
 * A list addressed by item offset, asked `size` items per page. `list` names it in errors. A page must
 * start at the offset asked for or before it (then the items before the offset are dropped), and hold items
 * past it unless the list is exhausted; otherwise the list is stuck.
 */
export function offsetList<T>(size: number, fetchPage: FetchCounted<T>, list: string): PagedList<T> {
  const read = async (offset: number, ask: number): Promise<Read<T>> => {
    const page = await fetchPage(pageRequest(offset, ask));
    if (page.start > offset) throw pagingStuck(list, `asked from item ${offset}, answered from item ${page.start}`);
    const items = page.items.slice(offset - page.start);
    if (!items.length && page.items.length && offset < page.total) {
      throw pagingStuck(list, `asked from item ${offset} of ${page.total}, answered items ${page.start}–${page.start + page.items.length - 1} again`);
    }
    return { items, total: page.total, served: page.items.length };
  };
  const more = (offset: number, r: Read<T>) => r.items.length > 0 && offset + r.items.length < r.total;
  /** The page size to ask from now on: what a full first page held when the vendor serves fewer than asked. */
  const sizeAfter = (offset: number, r: Read<T>) => (more(offset, r) ? Math.min(size, r.served) : size);

  async function* from(offset: number, ask: number): AsyncGenerator<T, void, undefined> {
    for (;;) {
      const r = await read(offset, ask);
      yield* r.items;
      if (!more(offset, r)) return;
      ask = sizeAfter(offset, r);
      offset += r.items.length;
    }
  }

  return {
    [Symbol.asyncIterator]: () => from(0, size),
    async all() {
      const head = await read(0, size);
      if (!more(0, head)) return head.items;
      const ask = sizeAfter(0, head);
      const offsets: number[] = [];
      for (let o = head.items.length; o < head.total; o += ask) offsets.push(o);
      const rest = await Promise.all(offsets.map((o) => read(o, ask)));
      const items = [...head.items];
      let tail = head;
      for (const [i, r] of rest.entries()) {
        // A page after a short one would leave a gap: read on from where the items stop instead.
        if (offsets[i] !== items.length) break;
        items.push(...r.items);
        tail = r;
      }
      // The last page read says there is more (a gap, or the list grew meanwhile): one page at a time.
      if (tail.items.length > 0 && items.length < tail.total) for await (const item of from(items.length, ask)) items.push(item);
      return items;
    },
  };
}

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

/** A requested page size within what the endpoint accepts. */
export function clampPage(size: number, max: number): number {
  return Math.min(max, Math.max(1, Math.floor(size)));
}
