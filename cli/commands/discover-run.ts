/** The work of `orderform discover`, loaded only when the command runs (see discover.ts). */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { discover, type Discovery } from '../../engine/discover/discover.js';
import { reachableProviders } from '../../engine/discover/reachable-providers.js';
import { writeProviders } from '../../engine/discover/write-providers.js';
import { allProviders } from '../../engine/providers/registry.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { printWarnings, withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { renderDiscovery, renderProvidersWritten } from '../render/discovery.js';
import { renderJson } from '../render/json.js';
import type { DiscoverArgs } from './discover.js';

export async function run(argv: DiscoverArgs, io: CliIo): Promise<Discovery> {
  const reach = await reachableProviders(argv.config, { cwd: io.cwd, env: io.env, accounts: { maxar: argv.maxarAccount } });
  printWarnings(reach.diagnostics, io);
  const aoi = argv.aoi ? await readAoiFile(argv.aoi, io.cwd) : undefined;
  const found = await withClients(reach, io, { debug: argv.debug }, (clients) =>
    discover(clients, { ...(argv.productType ? { productType: argv.productType } : {}), ...(aoi ? { aoi } : {}) }),
  );
  if (argv.write) {
    const file = resolve(io.cwd, argv.write);
    const before = await readFile(file, 'utf8').catch(() => undefined);
    // Each reached provider's credential variables, written into its block when it names none.
    const reached = reach.providers as Record<string, unknown>;
    const credentials = Object.fromEntries(allProviders().flatMap((p) => (reached[p.vendor] && p.discovery ? [[p.vendor, p.discovery.credentials(reached[p.vendor])]] : [])));
    await writeFile(file, writeProviders(before, found, credentials));
  }
  return found;
}

export function show(found: Discovery, io: CliIo, argv: DiscoverArgs): void {
  io.stdout(argv.write ? renderProvidersWritten(found, argv.write) : argv.output === 'json' ? renderJson(found) : renderDiscovery(found));
}

