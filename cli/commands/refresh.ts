/**
 * `orderform refresh`: record remote truth in state — adopt intents found by reference, follow
 * order and quotation statuses, keep alert renames and deletions — without any remote change.
 */
import type { Argv } from 'yargs';
import { refreshRemote, stateUpdates } from '../../engine/plan/refresh.js';
import { withSession } from '../context.js';
import type { CliIo } from '../io.js';
import { withConfigOptions, withRunOptions, type ConfigOptions, type RunOptions } from '../options.js';
import type { CommandFactory } from './index.js';

type RefreshArgs = ConfigOptions & RunOptions;

export const refreshCommand: CommandFactory = (io: CliIo) => ({
  command: 'refresh',
  describe: 'Update state from what the vendors report (reads only; takes the state lock)',
  builder: (y: Argv) =>
    withRunOptions(withConfigOptions(y), { parallelism: true })
      .example('$0 refresh', 'Record deliveries, expired quotations and changes made outside orderform')
      .example('$0 refresh -c orders.yaml', 'Refresh the state of orders.yaml')
      .example('$0 refresh --quiet', 'Only the summary line, not one line per resource updated'),
  handler: async (raw) => {
    const args = raw as unknown as RefreshArgs;
    await withSession(args, io, { lock: 'orderform refresh' }, async ({ config, store, clients }) => {
      const state = await store.read();
      const now = new Date();
      const remote = await refreshRemote({ desired: config.resources, state, clients, now: () => now });
      const updates = stateUpdates(state, remote, now);
      for (const u of updates) {
        await store.put(u.address, u.resource);
        if (!args.quiet) io.stdout(`${u.resource ? '~' : '-'} ${u.address}: ${u.summary}\n`);
      }
      await store.compact();
      io.stdout(updates.length ? `Refreshed: ${updates.length} resource${updates.length === 1 ? '' : 's'} updated in state.\n` : 'Refreshed: state matches the vendors.\n');
    });
  },
});
