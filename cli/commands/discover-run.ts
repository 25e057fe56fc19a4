/** The work of `orderform discover`, loaded only when the command runs (see discover.ts). */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { discover, type Discovery } from '../../engine/discover/discover.js';
import { reachableProviders } from '../../engine/discover/reachable-providers.js';
import { writeProviders } from '../../engine/discover/write-providers.js';
import { MAXAR_PASSWORD_ENV, MAXAR_USERNAME_ENV } from '../../engine/providers/maxar-ard/settings.js';
import { ONEATLAS_API_KEY_ENV } from '../../engine/providers/oneatlas/settings.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { printWarnings, withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { renderDiscovery, renderProvidersWritten } from '../render/discovery.js';
import { renderJson } from '../render/json.js';
import type { DiscoverArgs } from './discover.js';

export async function run(argv: DiscoverArgs, io: CliIo): Promise<Discovery> {
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
  }
  return found;
}

export function show(found: Discovery, io: CliIo, argv: DiscoverArgs): void {
  io.stdout(argv.write ? renderProvidersWritten(found, argv.write) : argv.output === 'json' ? renderJson(found) : renderDiscovery(found));
}

