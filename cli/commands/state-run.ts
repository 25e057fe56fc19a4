/** The work of `orderform state …`, loaded only when a state command runs (see state.ts). */
import { resolve } from 'node:path';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { exportSnapshot, importSnapshot } from '../../engine/state/migrate.js';
import { describeStore, openStateStore } from '../../engine/state/open-store.js';
import type { ResourceState, StateStore } from '../../engine/state/types.js';
import { loadCheckedConfig, openStore } from '../context.js';
import type { CliIo } from '../io.js';
import type { ConfigOptions } from '../options.js';
import { renderForgotten, renderMigrated, renderMoved, renderStateResource, renderStateRows, renderStateTally, type Migration, type StateListing } from '../render/state.js';
import type { Work } from './define.js';
import type { AddressArgs, MigrateArgs, MoveArgs } from './state.js';

/** Runs `fn` on the config's state store and closes it; `readOnly` never creates a missing state file. */
async function withStore<T>(args: ConfigOptions, io: CliIo, fn: (store: StateStore) => Promise<T>, readOnly = false): Promise<T> {
  const config = await loadCheckedConfig(args.config, io);
  const store = openStore(config, io, { readOnly });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function notInState(address: string): DiagnosticsError {
  return new DiagnosticsError([error('STATE_ADDRESS_UNKNOWN', `${address} is not in the state`, undefined, 'Run `orderform state list` to see the addresses it records.')]);
}

export const list: Work<ConfigOptions, StateListing> = {
  run: (args, io) =>
    withStore(args, io, async (store) => {
      const s = await store.read();
      return { resources: Object.values(s.resources), store: describeStore(store), lineage: s.lineage, serial: s.serial };
    }, true),
  show: (listing, io) => {
    io.stdout(renderStateRows(listing));
    io.stderr(renderStateTally(listing));
  },
};

export const show: Work<AddressArgs, ResourceState> = {
  run: (args, io) =>
    withStore(args, io, async (store) => {
      const r = (await store.read()).resources[args.address];
      if (!r) throw notInState(args.address);
      return r;
    }, true),
  show: (r, io) => io.stdout(renderStateResource(r)),
};

export const rm: Work<AddressArgs, string> = {
  run: (args, io) =>
    withStore(args, io, async (store) => {
      const unlock = await store.lock('orderform state rm');
      try {
        if (!(await store.read()).resources[args.address]) throw notInState(args.address);
        await store.put(args.address, null);
        await store.compact();
      } finally {
        await unlock();
      }
      return args.address;
    }),
  show: (address, io) => io.stdout(renderForgotten(address)),
};

export const mv: Work<MoveArgs, MoveArgs> = {
  run: (args, io) =>
    withStore(args, io, async (store) => {
      const { from, to } = args;
      if (from.slice(0, from.indexOf('.')) !== to.slice(0, to.indexOf('.'))) {
        throw new DiagnosticsError([error('MOVED_KIND_MISMATCH', `${from} and ${to} are in different blocks`, undefined, 'A move renames a key within its block (orders, quotations or alerts).')]);
      }
      const unlock = await store.lock('orderform state mv');
      try {
        const resources = (await store.read()).resources;
        const r = resources[from];
        if (!r) throw notInState(from);
        if (resources[to]) {
          throw new DiagnosticsError([error('STATE_ADDRESS_TAKEN', `${to} is already in the state`, undefined, `Run \`orderform state show ${to}\`; forget it first (\`orderform state rm ${to}\`) only if it is not a placed order you want to keep.`)]);
        }
        // New address first: a crash in between leaves both, and the next plan drops the old one (never a gap).
        await store.put(to, { ...r, address: to, updatedAt: io.now().toISOString() });
        await store.put(from, null);
        await store.compact();
      } finally {
        await unlock();
      }
      return args;
    }),
  show: (moved, io) => io.stdout(renderMoved(moved)),
};

export const migrate: Work<MigrateArgs, Migration> = {
  run: (args, io) =>
    withStore(args, io, async (source) => {
      const target = openStateStore(/^postgres(ql)?:\/\//.test(args.to) ? { backend: 'postgres', url: args.to } : { backend: 'file', path: resolve(io.cwd, args.to) }, {});
      try {
        const unlockSource = await source.lock('orderform state migrate');
        try {
          const snapshot = await exportSnapshot(source);
          const unlockTarget = await target.lock('orderform state migrate');
          try {
            await importSnapshot(target, snapshot, { force: args.force, source: describeStore(source) });
          } finally {
            await unlockTarget();
          }
          return { resources: Object.keys(snapshot.resources).length, lineage: snapshot.lineage, serial: snapshot.serial, from: describeStore(source), to: describeStore(target) };
        } finally {
          await unlockSource();
        }
      } finally {
        await target.close();
      }
    }),
  show: (m, io) => io.stdout(renderMigrated(m)),
};
