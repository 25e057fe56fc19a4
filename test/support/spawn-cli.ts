/** The built CLI as a real process (what SIGKILL, locks between processes and exit statuses need). */
import { spawn } from 'node:child_process';
import type { Captured } from './fixture.js';
import { BIN } from './project.js';

/** Milliseconds after start, or a condition polled every 10 ms (e.g. "the state lock is held"). */
export type KillAt = number | (() => boolean);

/** `orderform ARGV` in `cwd`; SIGKILLed after `kill` ms or once `kill()` says so, when given. */
export function spawnCli(argv: string[], cwd: string, env: Record<string, string>, kill?: KillAt): Promise<Captured & { killed: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (b: Buffer) => void (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => void (err += b.toString()));
    const sigkill = () => {
      killed = child.kill('SIGKILL');
    };
    const timer =
      kill === undefined ? undefined
      : typeof kill === 'number' ? setTimeout(sigkill, kill)
      : setInterval(() => kill() && (clearInterval(timer), sigkill()), 10);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(timer);
      done({ code: code ?? (signal ? 137 : 1), out, err, killed: killed && signal === 'SIGKILL' });
    });
  });
}
