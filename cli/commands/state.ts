/**
 * `orderform state list | show ADDRESS | rm ADDRESS | migrate --to TARGET`: look into state, forget
 * one resource without touching the vendor, move state between a file and PostgreSQL.
 */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import type { Config } from '../../engine/model.js';
import { canonicalStringify } from '../../engine/plan/canonical.js';
import { exportSnapshot, importSnapshot } from '../../engine/state/migrate.js';
import { describeStore, openStateStore } from '../../engine/state/open-store.js';
import type { ResourceState, StateStore } from '../../engine/state/types.js';
import { loadCheckedConfig, openStore } from '../context.js';
import type { CliIo } from '../io.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import type { CommandFactory } from './index.js';

interface StateArgs extends ConfigOptions {
  address?: string;
  to?: string;
  force: boolean;
}

/** Runs `fn` on the config's state store and closes it; `readOnly` never creates a missing state file. */
async function withStore(args: StateArgs, io: CliIo, fn: (store: StateStore, config: Config) => Promise<void>, readOnly = false): Promise<void> {
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

const list = (io: CliIo) => async (raw: unknown) =>
  withStore(raw as StateArgs, io, async (store) => {
    const s = await store.read();
    const rows = Object.values(s.resources).sort((a, b) => a.address.localeCompare(b.address));
    for (const r of rows) io.stdout(`${r.address}\t${r.kind}\t${r.status}\t${idsOf(r)}\n`);
    io.stderr(`${rows.length} resource${rows.length === 1 ? '' : 's'} in ${describeStore(store)} (lineage ${s.lineage || 'none yet'}, serial ${s.serial})\n`);
  }, true);

const show = (io: CliIo) => async (raw: unknown) =>
  withStore(raw as StateArgs, io, async (store) => {
    const address = (raw as StateArgs).address!;
    const r = (await store.read()).resources[address];
    if (!r) throw notInState(address);
    io.stdout(`${canonicalStringify(r, 2)}\n`);
  }, true);

const rm = (io: CliIo) => async (raw: unknown) =>
  withStore(raw as StateArgs, io, async (store) => {
    const address = (raw as StateArgs).address!;
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

const migrate = (io: CliIo) => async (raw: unknown) => {
  const args = raw as StateArgs;
  await withStore(args, io, async (source) => {
    const to = args.to!;
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
};

const addressArg = (y: Argv) => withConfigOptions(y).positional('address', { type: 'string', demandOption: true, describe: 'A resource address, e.g. orders.paris-2024-q3' });

export const stateCommand: CommandFactory = (io: CliIo) => ({
  command: 'state <command>',
  describe: 'Inspect state, forget a resource, migrate state between a file and PostgreSQL',
  builder: (y: Argv) =>
    y
      .command({ command: 'list', describe: 'List the resources state records', builder: (b: Argv) => withConfigOptions(b).example('$0 state list', 'Addresses, kinds, statuses and vendor ids'), handler: list(io) })
      .command({ command: 'show <address>', describe: 'Print what state records for one resource (JSON)', builder: (b: Argv) => addressArg(b).example('$0 state show orders.paris-2024-q3', 'The recorded spec, ids and price'), handler: show(io) })
      .command({
        command: 'rm <address>',
        describe: 'Forget one resource: drop it from state without touching the vendor (takes the lock)',
        builder: (b: Argv) => addressArg(b).example('$0 state rm orders.paris-2024-q3', 'Stop tracking a placed order (it is not cancelled)'),
        handler: rm(io),
      })
      .command({
        command: 'migrate',
        describe: 'Copy state, lineage and serial kept, to another file or a PostgreSQL database',
        builder: (b: Argv) =>
          withConfigOptions(b)
            .option('to', { type: 'string', demandOption: true, requiresArg: true, describe: 'Target: a file path or postgres://user@host/db[?workspace=NAME]' })
            .option('force', { type: 'boolean', default: false, describe: 'Replace a target that already records resources' })
            .example('$0 state migrate --to postgres://orderform@db/orderform', 'Move state to PostgreSQL'),
        handler: migrate(io),
      })
      .demandCommand(1, 'Name a state command: list, show, rm or migrate.'),
  handler: () => undefined,
});
