/** The work of `orderform refresh`, loaded only when the command runs (see refresh.ts). */
import { refreshRemote, stateUpdates } from '../../engine/plan/refresh.js';
import { withSession } from '../context.js';
import { createProgress, refreshProgressHook } from '../render/progress.js';
import { renderRefreshed, renderRefreshUpdate } from '../render/refresh.js';
import type { CliIo } from '../io.js';
import type { RefreshArgs } from './refresh.js';

/** Records what the vendors report, a line per resource as it is recorded (not with --quiet); returns how many. */
export async function run(args: RefreshArgs, io: CliIo): Promise<number> {
  return withSession(args, io, { lock: 'orderform refresh' }, async ({ config, store, clients }) => {
    const state = await store.read();
    const now = io.now();
    const bar = createProgress(io, { quiet: args.quiet });
    const remote = await refreshRemote({ desired: config.resources, state, clients, now: () => now, onProgress: refreshProgressHook(bar) }).finally(() => bar.finish());
    const updates = stateUpdates(state, remote, now);
    bar.start('Recording', updates.length);
    try {
      for (const u of updates) {
        await store.put(u.address, u.resource);
        bar.advance(1, u.address);
        if (!args.quiet) io.stdout(renderRefreshUpdate(u));
      }
    } finally {
      bar.finish();
    }
    await store.compact();
    return updates.length;
  });
}

export const show = (updated: number, io: CliIo): void => io.stdout(renderRefreshed(updated));
