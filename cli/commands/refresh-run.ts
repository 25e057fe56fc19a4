/** The work of `orderform refresh`, loaded only when the command runs (see refresh.ts). */
import { refreshRemote, stateUpdates } from '../../engine/plan/refresh.js';
import { withSession } from '../context.js';
import { createProgress, refreshProgressHook } from '../render/progress.js';
import { printable } from '../render/printable.js';
import type { CliIo } from '../io.js';
import type { RefreshArgs } from './refresh.js';

export async function runRefresh(args: RefreshArgs, io: CliIo): Promise<void> {
  await withSession(args, io, { lock: 'orderform refresh' }, async ({ config, store, clients }) => {
    const state = await store.read();
    const now = new Date();
    const bar = createProgress(io, { quiet: args.quiet });
    const remote = await refreshRemote({ desired: config.resources, state, clients, now: () => now, onProgress: refreshProgressHook(bar) }).finally(() => bar.finish());
    const updates = stateUpdates(state, remote, now);
    bar.start('Recording', updates.length);
    try {
      for (const u of updates) {
        await store.put(u.address, u.resource);
        bar.advance(1, u.address);
        if (!args.quiet) io.stdout(`${u.resource ? '~' : '-'} ${u.address}: ${printable(u.summary)}\n`);
      }
    } finally {
      bar.finish();
    }
    await store.compact();
    io.stdout(updates.length ? `Refreshed: ${updates.length} resource${updates.length === 1 ? '' : 's'} updated in state.\n` : 'Refreshed: state matches the vendors.\n');
  });
}
