/** What `orderform discover` shows of a Maxar ARD account: pricing, fee limits and usage per age category. */
import type { MaxarDiscovery } from '../../engine/providers/maxar-ard/discover.js';
import type { DiscoveryView } from './discovery.js';
import { renderTable } from './table.js';

export const maxarDiscoveryView: DiscoveryView<MaxarDiscovery> = {
  written: (mx) => `Maxar account ${mx.accountId}`,
  sections(mx, section) {
    const limit = (v: number | null) => (v === null ? 'no limit' : v === 0 ? 'not orderable' : v.toFixed(2));
    const rows = (['fresh', 'standard', 'training'] as const).map((k) => [k, mx.pricing[k].toFixed(2), limit(mx.limits[k]), mx.usage[k].toFixed(2)]);
    rows.push(['annual', '', limit(mx.limits.annual), mx.usage.annual.toFixed(2)]);
    section(
      `Maxar ARD account ${mx.accountId}${mx.name ? ` (${mx.name})` : ''}, USD`,
      renderTable([{ header: 'category' }, { header: 'price/km²', align: 'right' }, { header: 'fee limit', align: 'right' }, { header: 'used', align: 'right' }], rows),
    );
  },
};
