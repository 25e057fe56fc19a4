/** What `orderform discover` shows of a OneAtlas account: a table per thing the contracts hold. */
import type { OneAtlasDiscovery } from '../../engine/providers/oneatlas/discover.js';
import type { DiscoveryView } from './discovery.js';
import { renderTable } from './table.js';

export const oneatlasDiscoveryView: DiscoveryView<OneAtlasDiscovery> = {
  written: (oa) => `${oa.contracts.length} OneAtlas contract${oa.contracts.length === 1 ? '' : 's'}`,
  sections(oa, section) {
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
  },
};
