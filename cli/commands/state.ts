/**
 * `orderform state list | show ADDRESS | rm ADDRESS | mv FROM TO | migrate --to TARGET`: look into state,
 * forget one resource or move it to a renamed key without touching the vendor, move state between a
 * file and PostgreSQL.
 */
import type { Argv } from 'yargs';
import type { CliIo } from '../io.js';
import { withConfigOptions, type ConfigOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory, type Work } from './define.js';

export interface AddressArgs extends ConfigOptions {
  address: string;
}

export interface MoveArgs extends ConfigOptions {
  from: string;
  to: string;
}

export interface MigrateArgs extends ConfigOptions {
  to: string;
  force: boolean;
}

type StateWork = typeof import('./state-run.js');

/** A subcommand handler that imports the state work on use. */
const lazy = <A, R>(io: CliIo, pick: (work: StateWork) => Work<A, R>) => (args: A) => perform(import('./state-run.js').then(pick), args, io);

const addressArg = <T>(y: Argv<T>) => withConfigOptions(y).positional('address', { type: 'string', demandOption: true, describe: 'A resource address, e.g. orders.paris-2024-q3' });

export const stateCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'state <command>',
  describe: 'Inspect state, forget a resource, migrate state between a file and PostgreSQL',
  builder: (y) =>
    y
      .command(defineCommand({ command: 'list', describe: 'List the resources state records', builder: (b) => withConfigOptions(b).example(examples([['$0 state list', 'Addresses, kinds, statuses and vendor ids']])), handler: lazy(io, (w) => w.list) }))
      .command(defineCommand({ command: 'show <address>', describe: 'Print what state records for one resource (JSON)', builder: (b) => addressArg(b).example(examples([['$0 state show orders.paris-2024-q3', 'The recorded spec, ids and price']])), handler: lazy(io, (w) => w.show) }))
      .command(defineCommand({
        command: 'rm <address>',
        describe: 'Forget one resource: drop it from state without touching the vendor (takes the lock)',
        builder: (b) => addressArg(b).example(examples([['$0 state rm orders.paris-2024-q3', 'Stop tracking a placed order (it is not cancelled)']])),
        handler: lazy(io, (w) => w.rm),
      }))
      .command(defineCommand({
        command: 'mv <from> <to>',
        describe: 'Move one resource to a renamed key: state only, nothing is ordered again (takes the lock)',
        builder: (b) =>
          withConfigOptions(b)
            .positional('from', { type: 'string', demandOption: true, describe: 'The address state holds, e.g. orders.paris-q3' })
            .positional('to', { type: 'string', demandOption: true, describe: 'The new address, e.g. orders.paris-2024-q3' })
            .example(examples([['$0 state mv orders.paris-q3 orders.paris-2024-q3', 'After renaming the key in the config (or declare `moved:` there instead)']])),
        handler: lazy(io, (w) => w.mv),
      }))
      .command(defineCommand({
        command: 'migrate',
        describe: 'Copy state, lineage and serial kept, to another file or a PostgreSQL database',
        builder: (b) =>
          withConfigOptions(b)
            .option('to', { type: 'string', demandOption: true, requiresArg: true, describe: 'Target: a file path or postgres://user@host/db[?workspace=NAME]' })
            .option('force', { type: 'boolean', default: false, describe: 'Replace a target that already records resources' })
            .example(examples([['$0 state migrate --to postgres://orderform@db/orderform', 'Move state to PostgreSQL']])),
        handler: lazy(io, (w) => w.migrate),
      }))
      .demandCommand(1, 'Name a state command: list, show, rm, mv or migrate.'),
  handler: () => undefined,
});
