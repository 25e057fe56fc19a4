/** What the CLI says when a command cannot run: a usage mistake, or an internal error (a bug). */
import { printable } from './printable.js';

/** The parser's message, a hint when a value starting with "-" was read as an option, and where help is. */
export function renderUsageError(message: string): string {
  const option = /^Not enough arguments following: (\S+)$/.exec(message)?.[1];
  const hint = option ? `A value that starts with "-" is read as an option: write --${option}=VALUE.\n` : '';
  return `${message}\n${hint}Run 'orderform --help' for usage.\n`;
}

/** The message, then the stack with --debug or how to get it. */
export function renderInternalError(e: Error, debug: boolean): string {
  const details = debug && e.stack ? `${e.stack}\n` : 'Run again with --debug for details.\n';
  return `orderform: internal error: ${printable(String(e.message))}\n${details}`;
}
