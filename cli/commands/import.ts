/** `orderform import ADDRESS REMOTE_ID`: adopt an existing remote object into state (reads the vendor, writes state only). */
import type { Argv } from 'yargs';
import { importResource } from '../../engine/apply/import.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { withSession } from '../context.js';
import type { CliIo } from '../io.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { CommandFactory } from './index.js';

interface ImportArgs extends ConfigOptions {
  address: string;
  remoteId: string;
  debug: boolean;
}

export const importCommand: CommandFactory = (io: CliIo) => ({
  command: 'import <address> <remoteId>',
  describe: 'Track an order, quotation decision or alert that already exists remotely, under a config address',
  builder: (y: Argv) =>
    withConfigOptions(y)
      .positional('address', { type: 'string', describe: 'The address in the config, e.g. orders.paris-2024-q3' })
      .positional('remoteId', { type: 'string', describe: 'OneAtlas salesOrderId or quotationId, Maxar order_id, or alert id' })
      .example('$0 import orders.paris-2024-q3 SAL000123', 'Adopt a OneAtlas order (legacy: once delivered)')
      .example('$0 import orders.denver-ard 10300100ORDER1', 'Adopt a Maxar ARD order')
      .example('$0 import alerts.paris-low-cloud 4f1c…', 'Adopt an alert created in the OneAtlas UI'),
  handler: async (raw) => {
    const args = raw as unknown as ImportArgs;
    await withSession(args, io, { lock: `orderform import (pid ${process.pid})` }, async ({ config, store, clients }) => {
      const spec = config.resources.find((r) => r.address === args.address);
      if (!spec) {
        throw new DiagnosticsError([error('IMPORT_NOT_IN_CONFIG', `${args.address} is not declared in the config`, undefined,
          'Declare the resource in the config first (import ties a remote object to a declared address).')]);
      }
      const state = await store.read();
      const prior = state.resources[args.address];
      if (prior && prior.status !== 'intent') {
        throw new DiagnosticsError([error('IMPORT_ALREADY_MANAGED', `${args.address} is already in state (${prior.status})`, spec.source,
          `Run \`orderform state rm ${args.address}\` first if it should track another remote object.`)]);
      }
      const { resource, diagnostics } = await importResource(spec, args.remoteId, clients, new Date(), (a) => state.resources[a]);
      if (diagnostics.length) io.stderr(renderDiagnostics(diagnostics, io.color));
      await store.put(args.address, resource);
      io.stdout(`Imported ${args.address} (${resource.status}).\n`);
    });
  },
});
