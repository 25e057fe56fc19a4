import yargs, { type Argv } from 'yargs';
import { DiagnosticsError } from '../engine/diagnostics.js';
import { systemErrorDiagnostic } from '../engine/system-errors.js';
import { renderDiagnostics } from './render/diagnostics.js';
import { printable } from './render/printable.js';
import { commands } from './commands/index.js';
import { processIo, type CliIo } from './io.js';

/** The parser, exported so that tests run the CLI in-process. */
export function buildParser(argv: string[], io: CliIo): Argv {
  let parser = yargs(argv)
    .scriptName('orderform')
    .usage('$0 <command> [options]\n\nOrder-as-code for commercial satellite imagery.')
    .option('debug', { type: 'boolean', default: false, describe: 'Show details and stack traces of internal errors' })
    .strict()
    .demandCommand(1, 'Name a command; see --help.')
    .recommendCommands()
    .help()
    .version()
    .wrap(helpWidth(io))
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs wraps what an option's coerce throws (a bad value) in a YError: that is a usage error.
      if (err && err.name !== 'YError') throw err;
      throw new UsageError(msg);
    });
  for (const make of commands) parser = parser.command(make(io));
  return parser;
}

const helpWidth = (io: CliIo) => Math.min(110, io.columns ?? 100);

/**
 * cliui (under yargs) sets an option's `[type] [default: …]` on the last line of its description when it
 * fits, and glues them with no space when the line is exactly full (`listen on[string]`); such extras go
 * to a line of their own, right-aligned as yargs sets them when they do not fit.
 */
function separateHelpExtras(help: string, width: number): string {
  return help.replace(/^(.*\S)(\[(?:string|number|boolean|array|count|required|deprecated|choices:|default:).*)$/gm, (_, text: string, extras: string) => `${text}\n${extras.padStart(width)}`);
}

export class UsageError extends Error {}

/** Runs one invocation; returns the exit code. User mistakes never print a stack trace. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    // With a parse callback yargs hands us --help/--version text instead of printing to the console.
    const width = helpWidth(io);
    await buildParser(argv, io).parseAsync(argv, {}, (_err, _args, output) => {
      if (output) io.stdout(separateHelpExtras(output.endsWith('\n') ? output : `${output}\n`, width));
    });
    return io.exitCode;
  } catch (err) {
    if (err instanceof DiagnosticsError) {
      io.stderr(renderDiagnostics(err.diagnostics, io.color));
      return 1;
    }
    // A command with an async builder (search) gets yargs' parse errors as a rejected YError, not through fail().
    if (err instanceof UsageError || (err as Error | undefined)?.name === 'YError') {
      const { message } = err as Error;
      const option = /^Not enough arguments following: (\S+)$/.exec(message)?.[1];
      const hint = option ? `A value that starts with "-" is read as an option: write --${option}=VALUE.\n` : '';
      io.stderr(`${message}\n${hint}Run 'orderform --help' for usage.\n`);
      return 1;
    }
    const system = systemErrorDiagnostic(err);
    if (system) {
      io.stderr(renderDiagnostics([system], io.color));
      return 1;
    }
    const e = err as Error;
    io.stderr(`orderform: internal error: ${printable(String(e.message))}\n`);
    if (debug && e.stack) io.stderr(`${e.stack}\n`);
    else io.stderr('Run again with --debug for details.\n');
    return 1;
  }
}
