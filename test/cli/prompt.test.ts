/** The approval question reads the injected stdin: a line answers, Ctrl-C (SIGINT) or the end of input interrupts. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { StopSignal } from '../../cli/io.js';
import { ask, Interrupted } from '../../cli/prompt.js';

function terminal() {
  const stdin = new PassThrough();
  let shown = '';
  const listeners = new Set<(s: StopSignal) => void>();
  const io = {
    stdin,
    stdout: (t: string) => void (shown += t),
    onSignal: (_signals: readonly StopSignal[], listener: (s: StopSignal) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { io, stdin, shown: () => shown, listeners, ctrlC: () => [...listeners].forEach((l) => l('SIGINT')) };
}

describe('ask', () => {
  it('shows the question and resolves with the line typed, stopping to listen for Ctrl-C', async () => {
    const t = terminal();
    const answer = ask(t.io, 'Apply? ');
    expect(t.shown()).toBe('Apply? ');
    t.stdin.write('yes\nsomething typed ahead\n');
    await expect(answer).resolves.toBe('yes');
    expect(t.listeners.size).toBe(0);
  });

  it('a line that arrives in pieces is read whole', async () => {
    const t = terminal();
    const answer = ask(t.io, '? ');
    t.stdin.write('y');
    t.stdin.write('es\n');
    await expect(answer).resolves.toBe('yes');
  });

  it('Ctrl-C at the question rejects with Interrupted', async () => {
    const t = terminal();
    const answer = ask(t.io, '? ');
    t.ctrlC();
    await expect(answer).rejects.toBeInstanceOf(Interrupted);
    expect(t.listeners.size).toBe(0);
  });

  it('the end of input (Ctrl-D, or a closed pipe) rejects with Interrupted', async () => {
    const t = terminal();
    const answer = ask(t.io, '? ');
    t.stdin.end();
    await expect(answer).rejects.toBeInstanceOf(Interrupted);
  });
});
