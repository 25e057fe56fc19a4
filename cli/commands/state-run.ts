/** The work of `orderform state …`, loaded only when a state command runs (see state.ts). */
import { resolve } from 'node:path';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import type { Config } from '../../engine/model.js';
import { canonicalStringify } from '../../engine/plan/canonical.js';
import { exportSnapshot, importSnapshot } from '../../engine/state/migrate.js';
import { describeStore, openStateStore } from '../../engine/state/open-store.js';
import type { ResourceState, StateStore } from '../../engine/state/types.js';
import { loadCheckedConfig, openStore } from '../context.js';
import type { CliIo } from '../io.js';
import type { AddressArgs, MigrateArgs, MoveArgs } from './state.js';
import type { ConfigOptions } from '../options.js';

/** Runs `fn` on the config's state store and closes it; `readOnly` never creates a missing state file. */
async function withStore(args: ConfigOptions, io: CliIo, fn: (store: StateStore, config: Config) => Promise<void>, readOnly = false): Promise<void> {
  const config = await loadCheckedConfig(args.config, io);
  const store = openStore(config, io, { readOnly });
  try {
    await fn(store, config);
  } finally {
    await store.close();
  }
}

function idsOf(r: ResourceState): string {
  return Object.entries(r.remote)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

function notInState(address: string): DiagnosticsError {
  return new DiagnosticsError([error('STATE_ADDRESS_UNKNOWN', `${address} is not in the state`, undefined, 'Run `orderform state list` to see the addresses it records.')]);
}

export const stateList = (args: ConfigOptions, io: CliIo): Promise<void> =>
  withStore(args, io, async (store) => {
    const s = await store.read();
    const rows = Object.values(s.resources).sort((a, b) => a.address.localeCompare(b.address));
    for (const r of rows) io.stdout(`${r.address}\t${r.kind}\t${r.status}\t${idsOf(r)}\n`);
    io.stderr(`${rows.length} resource${rows.length === 1 ? '' : 's'} in ${describeStore(store)} (lineage ${s.lineage || 'none yet'}, serial ${s.serial})\n`);
  }, true);

export const stateShow = (args: AddressArgs, io: CliIo): Promise<void> =>
  withStore(args, io, async (store) => {
    const address = args.address;
    const r = (await store.read()).resources[address];
    if (!r) throw notInState(address);
    io.stdout(`${canonicalStringify(r, 2)}\n`);
  }, true);

export const stateRm = (args: AddressArgs, io: CliIo): Promise<void> =>
  withStore(args, io, async (store) => {
    const address = args.address;
    const unlock = await store.lock('orderform state rm');
    try {
      if (!(await store.read()).resources[address]) throw notInState(address);
      await store.put(address, null);
      await store.compact();
    } finally {
      await unlock();
    }
    io.stdout(`Forgot ${address}: removed from state; nothing was changed at the vendor.\n`);
  });

export const stateMv = (args: MoveArgs, io: CliIo): Promise<void> =>
  withStore(args, io, async (store) => {
    const from = args.from;
    const to = args.to;
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
    io.stdout(`Moved ${from} to ${to} in state; nothing was changed at the vendor. Rename the key in the config if you have not yet.\n`);
  });

export async function stateMigrate(args: MigrateArgs, io: CliIo): Promise<void> {
  await withStore(args, io, async (source) => {
    const to = args.to;
    const target = openStateStore(/^postgres(ql)?:\/\//.test(to) ? { backend: 'postgres', url: to } : { backend: 'file', path: resolve(io.cwd, to) }, {});
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
        io.stdout(`Migrated ${Object.keys(snapshot.resources).length} resources (lineage ${snapshot.lineage}, serial ${snapshot.serial}) from ${describeStore(source)} to ${describeStore(target)}.\n` +
          'Point the config (or ORDERFORM_STATE_URL) at the new state before the next run.\n');
      } finally {
        await unlockSource();
      }
    } finally {
      await target.close();
    }
  });
}

