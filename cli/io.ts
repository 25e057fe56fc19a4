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
  /** Asks one question on the terminal; rejects with Interrupted on Ctrl-C or the end of input. */
  ask(question: string): Promise<string>;
  /** Calls `listener` on the first Ctrl-C (a second one ends the process as usual); returns the remover. */
  onInterrupt(listener: () => void): () => void;
}

/** Ctrl-C (or the end of input) at a question. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
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
    ask: async (question) => {
      const { createInterface } = await import('node:readline');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      return new Promise<string>((resolve, reject) => {
        let answered = false;
        rl.on('SIGINT', () => rl.close());
        rl.on('close', () => answered || reject(new Interrupted()));
        rl.question(question, (answer) => {
          answered = true;
          rl.close();
          resolve(answer);
        });
      });
    },
    onInterrupt: (listener) => {
      process.once('SIGINT', listener);
      return () => void process.off('SIGINT', listener);
    },
  };
}
