/** Where a command writes. Injected so that tests run the CLI in-process and read what a user would see. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour on: a TTY and NO_COLOR unset. */
  color: boolean;
  isTty: boolean;
  /** Terminal width for --help (unset: not a terminal and no COLUMNS). */
  columns?: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Exit code the command asks for; set by handlers, read by main. */
  exitCode: number;
}

export function processIo(): CliIo {
  const isTty = Boolean(process.stdout.isTTY);
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: isTty && !process.env.NO_COLOR,
    isTty,
    columns: process.stdout.columns || Number(process.env.COLUMNS) || undefined,
    env: process.env,
    cwd: process.cwd(),
    exitCode: 0,
  };
}
