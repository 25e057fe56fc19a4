/**
 * One writer per state: proper-lockfile on the state path (a `.lock` directory whose mtime is kept
 * fresh, so a crashed holder's lock goes stale), plus a sidecar naming the holder so that the
 * second run can say who to wait for.
 */
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import { DiagnosticsError, error } from '../diagnostics.js';
import { writeFileAtomic } from './atomic-file.js';
import { nodeFs } from './fs-ops.js';

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface LockOptions {
  /** Wait up to this long for the holder to finish (default 0: fail at once). */
  waitMs?: number;
  /** A lock not refreshed for this long belongs to a dead process (default 10 s). */
  staleMs?: number;
}

export interface HeldLock {
  release(): Promise<void>;
  /** Set when the lock was lost (stale-stolen, lock dir removed): writing on would be unsafe. */
  lost(): Error | null;
}

function ownerPath(statePath: string): string {
  return `${statePath}.lock-owner.json`;
}

export function currentOwner(command: string, now = new Date()): LockOwner {
  return { pid: process.pid, host: hostname(), command, since: now.toISOString() };
}

export function lockedError(what: string, owner: LockOwner | null): DiagnosticsError {
  const who = owner
    ? `pid ${owner.pid} on ${owner.host} (${owner.command}) since ${owner.since}`
    : 'another orderform run';
  return new DiagnosticsError([
    error('STATE_LOCKED', `state ${what} is locked by ${who}`, undefined,
      'Wait for that run to finish and try again, or pass a lock timeout to wait for it. A lock left by a ' +
        'process that died is released automatically once it goes stale.'),
  ]);
}

async function readOwner(statePath: string): Promise<LockOwner | null> {
  try {
    const bytes = await nodeFs.read(ownerPath(statePath));
    return bytes ? (JSON.parse(bytes.toString('utf8')) as LockOwner) : null;
  } catch {
    return null;
  }
}

export async function acquireFileLock(statePath: string, command: string, opts: LockOptions = {}): Promise<HeldLock> {
  let lost: Error | null = null;
  const waitMs = opts.waitMs ?? 0;
  const step = 100;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(statePath, {
      realpath: false, // the state file may not exist yet
      stale: opts.staleMs ?? 10_000,
      retries: waitMs > 0 ? { retries: Math.ceil(waitMs / step), factor: 1, minTimeout: step, maxTimeout: step } : 0,
      onCompromised: (e) => {
        lost = e;
      },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw lockedError(statePath, await readOwner(statePath));
    throw e;
  }
  await writeFileAtomic(ownerPath(statePath), `${JSON.stringify(currentOwner(command))}\n`);
  return {
    async release() {
      await nodeFs.unlink(ownerPath(statePath)).catch(() => undefined);
      if (!lost) await release();
    },
    lost: () => lost,
  };
}
