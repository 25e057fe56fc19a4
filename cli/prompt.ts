/** The one question the CLI asks (apply's approval), read from the injected stdin. */
import { createInterface } from 'node:readline';
import type { CliIo } from './io.js';

/** Ctrl-C (or the end of input) at a question. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/**
 * Writes `question`, then reads one line. The terminal stays in its normal line mode (it echoes and
 * edits the line), so Ctrl-C arrives as SIGINT: it and the end of input (Ctrl-D) reject with Interrupted.
 */
export function ask(io: Pick<CliIo, 'stdin' | 'stdout' | 'onSignal'>, question: string): Promise<string> {
  io.stdout(question);
  return new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: io.stdin, terminal: false });
    let answer: string | undefined;
    const stopListening = io.onSignal(['SIGINT'], () => rl.close());
    rl.once('line', (line) => {
      answer = line;
      rl.close();
    });
    rl.once('close', () => {
      stopListening();
      if (answer === undefined) reject(new Interrupted());
      else resolve(answer);
    });
  });
}
