/** What `orderform search` shows: the matches as a table with the order skeleton, the skeleton alone, what --append added, or JSON. */
import type { MaxarSelection } from '../../engine/providers/maxar-ard/select.js';
import type { SearchHit } from '../../engine/providers/oneatlas/catalog-search.js';
import type { ShippedSearch } from '../../engine/providers/registry.js';
import { formatMoney } from '../../engine/plan/summary.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';

export type SearchResult =
  | { show: 'json'; data: unknown }
  | { show: 'nothing'; vendor: string }
  | { show: 'appended'; vendor: string; keys: readonly string[]; file: string }
  | { show: 'skeleton'; yaml: string }
  | { show: 'listing'; vendor: string; found: unknown; yaml: string };

/** How one vendor's search is shown. */
interface SearchView<Found> {
  /** stderr: no match, and what to widen. */
  noMatch: string;
  /** After `Added orders.<key>, … to FILE`: what to do next. */
  next(file: string): string;
  /** The items found, and the heading of the orders below them. */
  listing(found: Found): string;
}

/** Compile-checked: every vendor that searches has a view. */
const VIEWS: { [V in keyof ShippedSearch]-?: SearchView<NonNullable<ShippedSearch[V]>> } = {
  oneatlas: {
    noMatch: 'No archive image matches; widen the dates or the cloud and incidence limits.\n',
    next: (file) => `. Next: orderform validate -c ${file} && orderform plan -c ${file}\n`,
    listing: (hits) => `${renderHits(hits)}\nOrder skeleton (append to your config; --output yaml prints only this):\n\n`,
  },
  maxar: {
    noMatch: 'No Maxar ARD acquisition covers the AOI; widen the dates, the cloud limit or the categories.\n',
    next: (file) => `: set its output bucket, then orderform plan -c ${file}\n`,
    listing: (selection) => `${renderSelection(selection)}\nMaxar order (append to your config; --output yaml prints only this):\n\n`,
  },
};

const viewOf = (vendor: string): SearchView<unknown> => {
  const view = (VIEWS as Record<string, SearchView<unknown>>)[vendor];
  if (!view) throw new Error(`no search view for vendor ${vendor}`);
  return view;
};

/** stderr: no match, and what to widen. */
export const renderNoMatch = (vendor: string): string => viewOf(vendor).noMatch;

/** stdout: everything but "no match". */
export function renderSearch(r: Exclude<SearchResult, { show: 'nothing' }>): string {
  switch (r.show) {
    case 'json':
      return renderJson(r.data);
    case 'appended':
      return `Added ${r.keys.map((k) => `orders.${k}`).join(', ')} to ${r.file}${viewOf(r.vendor).next(r.file)}`;
    case 'skeleton':
      return r.yaml;
    case 'listing':
      return `${viewOf(r.vendor).listing(r.found)}${r.yaml}`;
  }
}
function renderHits(hits: readonly SearchHit[]): string {
  const num = (v: number | undefined) => (v === undefined ? '' : v.toFixed(1));
  return renderTable(
    [{ header: '#', align: 'right' }, { header: 'id' }, { header: 'mission' }, { header: 'platform' }, { header: 'acquired' }, { header: 'cloud %', align: 'right' }, { header: 'incidence °', align: 'right' }],
    hits.map((h) => [String(h.index), h.id, h.mission ?? h.constellation, h.platform, h.acquisitionDate.slice(0, 16).replace('T', ' '), num(h.cloudCover), num(h.incidenceAngle)]),
  );
}

function renderSelection(s: MaxarSelection): string {
  const hits = renderTable(
    [{ header: '#', align: 'right' }, { header: 'acquisition' }, { header: 'acquired' }, { header: 'category' }, { header: 'platform' }, { header: 'cloud-free %', align: 'right' }, { header: 'tiles', align: 'right' }],
    s.hits.map((h) => [String(h.index), h.id, h.acquired.slice(0, 10), h.category, h.platform ?? '', h.cloudFree === undefined ? '' : h.cloudFree.toFixed(1), String(h.cells)]),
  );
  const money = (v: number | null) => (v === null ? 'not priced for this account' : formatMoney(v, 'USD'));
  const estimate = renderTable(
    [{ header: 'category' }, { header: 'km²', align: 'right' }, { header: 'estimated cost', align: 'right' }],
    [...s.estimate.map((e) => [e.category, e.km2.toFixed(2), money(e.cost)]), ['total', '', money(s.total)]],
  );
  return `${hits}\nMaxar's estimate for ordering every acquisition above over the AOI (select ${s.selectId}; a select costs nothing):\n${estimate}`;
}
