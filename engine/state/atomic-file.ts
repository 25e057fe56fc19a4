/**
 * Atomic file replacement: write a temp file beside the target, fsync it, rename over the target,
 * fsync the directory. A reader sees the old content or the new, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { nodeFs, type FsOps } from './fs-ops.js';

export interface AtomicWriteOptions {
  mode?: number;
  /** Publish only if the target does not exist yet; returns false when it did. */
  exclusive?: boolean;
  fs?: FsOps;
}

export async function writeFileAtomic(path: string, data: string, opts: AtomicWriteOptions = {}): Promise<boolean> {
  const fs = opts.fs ?? nodeFs;
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeSynced(temp, data, opts.mode ?? 0o600);
    if (opts.exclusive) {
      try {
        await fs.link(temp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      } finally {
        await fs.unlink(temp).catch(() => undefined);
      }
    } else {
      await fs.rename(temp, path);
    }
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    // Name the file the user knows (a full disk, a folder not writable), not the temp file beside it.
    if ((e as NodeJS.ErrnoException).path === temp) (e as NodeJS.ErrnoException).path = path;
    throw e;
  }
  await fs.syncDir(dirname(path));
  return true;
}
