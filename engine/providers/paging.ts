/** Paginated vendor lists as lazy async iterators: a page is fetched only when the caller reaches it. */

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
