/** The work of `orderform discover`, loaded only when the command runs (see discover.ts). */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { discover, type Discovery } from '../../engine/discover/discover.js';
import { reachableProviders } from '../../engine/discover/reachable-providers.js';
import { writeProviders } from '../../engine/discover/write-providers.js';
import { MAXAR_PASSWORD_ENV, MAXAR_USERNAME_ENV, ONEATLAS_API_KEY_ENV } from '../../engine/config/endpoints.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { printWarnings, withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import type { DiscoverArgs } from './discover.js';

export async function runDiscover(argv: DiscoverArgs, io: CliIo): Promise<void> {
  const reach = await reachableProviders(argv.config, { cwd: io.cwd, env: io.env, ...(argv.maxarAccount ? { maxarAccount: argv.maxarAccount } : {}) });
  printWarnings(reach.diagnostics, io);
  const aoi = argv.aoi ? await readAoiFile(argv.aoi, io.cwd) : undefined;
  const found = await withClients(reach, io, { debug: argv.debug }, (clients) =>
    discover(clients, { ...(argv.productType ? { productType: argv.productType } : {}), ...(aoi ? { aoi } : {}) }),
  );
  if (argv.write) {
    const file = resolve(io.cwd, argv.write);
    const before = await readFile(file, 'utf8').catch(() => undefined);
    const keyEnvs = {
      oneatlasKeyEnv: reach.providers.oneatlas?.apiKeyEnv ?? ONEATLAS_API_KEY_ENV,
      maxarUsernameEnv: reach.providers.maxar?.usernameEnv ?? MAXAR_USERNAME_ENV,
      maxarPasswordEnv: reach.providers.maxar?.passwordEnv ?? MAXAR_PASSWORD_ENV,
    };
    await writeFile(file, writeProviders(before, found, keyEnvs));
    const n = found.oneatlas?.contracts.length ?? 0;
    io.stdout(`Wrote the providers block of ${argv.write}: ${n} OneAtlas contract${n === 1 ? '' : 's'}${found.maxar ? `, Maxar account ${found.maxar.accountId}` : ''}.\n`);
    return;
  }
  io.stdout(argv.output === 'json' ? `${JSON.stringify(found, null, 2)}\n` : renderDiscovery(found));
}

function renderDiscovery(found: Discovery): string {
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
