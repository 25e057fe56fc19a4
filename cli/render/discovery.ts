/** What `orderform discover` shows: a table per thing the account holds, or what --write wrote. */
import type { Discovery } from '../../engine/discover/discover.js';
import { renderTable } from './table.js';

export function renderProvidersWritten(found: Discovery, file: string): string {
  const n = found.oneatlas?.contracts.length ?? 0;
  return `Wrote the providers block of ${file}: ${n} OneAtlas contract${n === 1 ? '' : 's'}${found.maxar ? `, Maxar account ${found.maxar.accountId}` : ''}.\n`;
}

export function renderDiscovery(found: Discovery): string {
  const out: string[] = [];
  const section = (title: string, body: string) => out.push(`${title}\n${body}`);
  const oa = found.oneatlas;
  if (oa) {
    section(
      'OneAtlas contracts',
      renderTable(
        [{ header: 'contract' }, { header: 'name' }, { header: 'backend' }, { header: 'credit', align: 'right' }, { header: 'workspace' }],
        oa.contracts.map((c) => [c.contractId, c.name ?? '', c.backend, `${c.creditRemaining.toFixed(2)} ${c.currency}`, c.workspace ?? '']),
      ),
    );
    for (const c of oa.contracts) {
      section(
        `Product types of ${c.contractId}`,
        renderTable([{ header: 'productType' }, { header: 'sensor' }, { header: 'source' }, { header: 'label' }], c.productTypes.map((p) => [p.productTypeId, p.sensor, p.source, p.label])),
      );
      section(`Delivery types of ${c.contractId}`, renderTable([{ header: 'id' }, { header: 'label' }], c.deliveryTypes.map((d) => [d.id, d.label])));
    }
    const markets = oa.contracts[0]?.markets ?? [];
    section(
      'Markets (primaryMarket / secondaryMarket)',
      renderTable([{ header: 'primary' }, { header: 'label' }, { header: 'secondary' }], markets.map((m) => [m.id, m.label, m.secondary.map((s) => s.id).join(', ')])),
    );
    if (oa.options) {
      section(
        `Production options of ${oa.options.productTypeId} (contract ${oa.options.contractId})`,
        renderTable(
          [{ header: 'option' }, { header: 'default' }, { header: 'values' }, { header: 'applies when' }],
          oa.options.options.map((o) => [o.name, o.defaultValue ?? '', o.values.join(', '), o.condition ?? '']),
        ),
      );
    }
    section('End-user countries (endUser.country)', renderTable([{ header: 'id' }, { header: 'label' }], oa.countries.map((c) => [c.id, c.label])));
    if (oa.labels.length) section('End-user labels', renderTable([{ header: 'id' }, { header: 'label' }], oa.labels.map((l) => [l.id, l.label])));
  }
  const mx = found.maxar;
  if (mx) {
    const limit = (v: number | null) => (v === null ? 'no limit' : v === 0 ? 'not orderable' : v.toFixed(2));
    const rows = (['fresh', 'standard', 'training'] as const).map((k) => [k, mx.pricing[k].toFixed(2), limit(mx.limits[k]), mx.usage[k].toFixed(2)]);
    rows.push(['annual', '', limit(mx.limits.annual), mx.usage.annual.toFixed(2)]);
    section(
      `Maxar ARD account ${mx.accountId}${mx.name ? ` (${mx.name})` : ''}, USD`,
      renderTable([{ header: 'category' }, { header: 'price/km²', align: 'right' }, { header: 'fee limit', align: 'right' }, { header: 'used', align: 'right' }], rows),
    );
  }
  return out.join('\n');
}
