/** What `orderform search` shows: the matches as a table with the order skeleton, the skeleton alone, what --append added, or JSON. */
import type { SearchHit } from '../../engine/search/catalog-search.js';
import type { MaxarSelection } from '../../engine/search/maxar-select.js';
import { formatMoney } from '../../engine/plan/summary.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';

export type SearchVendor = 'oneatlas' | 'maxar';

export type SearchResult =
  | { show: 'json'; data: readonly SearchHit[] | MaxarSelection }
  | { show: 'nothing'; vendor: SearchVendor }
  | { show: 'appended'; vendor: SearchVendor; keys: readonly string[]; file: string }
  | { show: 'skeleton'; yaml: string }
  | { show: 'listing'; listing: { vendor: 'oneatlas'; hits: readonly SearchHit[] } | { vendor: 'maxar'; selection: MaxarSelection }; yaml: string };

/** stderr: no match, and what to widen. */
export const renderNoMatch = (vendor: SearchVendor): string =>
  vendor === 'oneatlas'
    ? 'No archive image matches; widen the dates or the cloud and incidence limits.\n'
    : 'No Maxar ARD acquisition covers the AOI; widen the dates, the cloud limit or the categories.\n';

/** stdout: everything but "no match". */
export function renderSearch(r: Exclude<SearchResult, { show: 'nothing' }>): string {
  switch (r.show) {
    case 'json':
      return renderJson(r.data);
    case 'appended': {
      const added = `Added ${r.keys.map((k) => `orders.${k}`).join(', ')} to ${r.file}`;
      return r.vendor === 'oneatlas'
        ? `${added}. Next: orderform validate -c ${r.file} && orderform plan -c ${r.file}\n`
        : `${added}: set its output bucket, then orderform plan -c ${r.file}\n`;
    }
    case 'skeleton':
      return r.yaml;
    case 'listing':
      return r.listing.vendor === 'oneatlas'
        ? `${renderHits(r.listing.hits)}\nOrder skeleton (append to your config; --output yaml prints only this):\n\n${r.yaml}`
        : `${renderSelection(r.listing.selection)}\nMaxar order (append to your config; --output yaml prints only this):\n\n${r.yaml}`;
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
