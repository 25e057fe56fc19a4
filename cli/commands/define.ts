/** How a command is defined: a yargs module built from the io it writes to, and its work loaded on use. */
import type { CommandModule } from 'yargs';
import type { CliIo } from '../io.js';
import type { GlobalOptions } from '../options.js';

/**
 * Every command takes the io it writes to; one line per command in ./index.ts.
 * A command file holds only the definition (command, describe, builder, examples); its handler
 * imports the work (`<command>-run.ts`) on use, so that starting the CLI loads no command's dependencies.
 */
export type CommandFactory = (io: CliIo) => CommandModule<any, any>;

/**
 * A command's work: `run` does it (typed args and the injected io in, data out) and `show` writes
 * that data through views from cli/render/ (and sets the exit code it implies).
 */
export interface Work<A, R> {
  run(args: A, io: CliIo): Promise<R>;
  show(result: R, io: CliIo, args: A): void;
}

/** The handler of a command: loads its work on use, runs it and shows the result. */
export async function perform<A, R>(work: Promise<Work<A, R>>, args: A, io: CliIo): Promise<void> {
  const { run, show } = await work;
  show(await run(args, io), io, args);
}

/**
 * A command definition whose handler gets the argv its builder declares, as yargs infers it: passing
 * that argv to a work function checks it against the args type the work declares (no cast in between).
 */
export const defineCommand = <U>(module: CommandModule<GlobalOptions, U>): CommandModule<GlobalOptions, U> => module;

