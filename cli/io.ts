/**
 * Everything a command reads from or writes to the outside world besides files: injected so that
 * tests run the CLI in-process, answer its questions and read what a user would see. `processIo()`
 * is the one place that touches the real process.
 */
export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface CliIo {
  /** Where answers to questions are read from (the terminal). */
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour on: a TTY and NO_COLOR unset. */
  color: boolean;
  isTty: boolean;
  /** Terminal width for --help (unset: not a terminal and no COLUMNS). */
  columns?: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** This process, named as the holder of the state lock. */
  pid: number;
  now: () => Date;
  /** Exit code the command asks for; set by handlers, read by main. */
  exitCode: number;
  /** Calls `listener` on the first of `signals` (a second one ends the process as usual); returns the remover. */
  onSignal(signals: readonly StopSignal[], listener: (signal: StopSignal) => void): () => void;
}

export function processIo(): CliIo {
  const isTty = Boolean(process.stdout.isTTY);
  return {
    // Read on use only: most commands never ask anything.
    get stdin() {
      return process.stdin;
    },
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: isTty && !process.env.NO_COLOR,
    isTty,
    columns: process.stdout.columns || Number(process.env.COLUMNS) || undefined,
    env: process.env,
    cwd: process.cwd(),
    pid: process.pid,
    now: () => new Date(),
    exitCode: 0,
    onSignal: (signals, listener) => {
      const remove = () => signals.forEach((s) => process.off(s, once));
      const once = (signal: StopSignal) => {
        remove();
        listener(signal);
      };
      signals.forEach((s) => process.on(s, once));
      return remove;
    },
  };
}
