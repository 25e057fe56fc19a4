/** The work of `orderform import`, loaded only when the command runs (see import.ts). */
import { declaredSpec, importResource } from '../../engine/apply/import.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import type { Config, ResourceSpec } from '../../engine/model.js';
import type { ResourceState } from '../../engine/state/types.js';
import { loadCheckedConfig, openStore, withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderImported } from '../render/state.js';
import type { ImportArgs } from './import.js';

export async function run(args: ImportArgs, io: CliIo): Promise<ResourceState> {
  // What the config alone decides comes first: no lock taken, no credential read for a typo.
  const config = await loadCheckedConfig(args.config, io);
  const spec = declaredSpec(config, args.address);
  const store = openStore(config, io);
  try {
    const unlock = await store.lock(`orderform import (pid ${io.pid})`);
    try {
      // Only the spec's vendor is asked, so importing a Maxar order needs no OneAtlas key and vice versa.
      return await withClients({ providers: vendorOf(spec, config) }, io, { debug: args.debug }, async (clients) => {
        const state = await store.read();
        const prior = state.resources[args.address];
        if (prior && prior.status !== 'intent') {
          throw new DiagnosticsError([error('IMPORT_ALREADY_MANAGED', `${args.address} is already in state (${prior.status})`, spec.source,
            `Run \`orderform state rm ${args.address}\` first if it should track another remote object.`)]);
        }
        const { resource, diagnostics } = await importResource(spec, args.remoteId, clients, io.now(), (a) => state.resources[a]);
        if (diagnostics.length) io.stderr(renderDiagnostics(diagnostics, io.color));
        await store.put(args.address, resource);
        return resource;
      });
    } finally {
      await unlock();
    }
  } finally {
    await store.close();
  }
}

export const show = (resource: ResourceState, io: CliIo, args: ImportArgs): void => io.stdout(renderImported(args.address, resource));

function vendorOf(spec: ResourceSpec, config: Config): Config['providers'] {
  return spec.kind === 'maxar_ard_order' ? { maxar: config.providers.maxar } : { oneatlas: config.providers.oneatlas };
}
