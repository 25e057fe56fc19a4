/**
 * Atomic file replacement: write a temp file beside the target, fsync it, rename over the target,
 * fsync the directory. A reader sees the old content or the new, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DiagnosticsError, error } from '../diagnostics.js';
import { nodeFs, type FsOps } from './fs-ops.js';

export interface AtomicWriteOptions {
  mode?: number;
  /** Publish only if the target does not exist yet; returns false when it did. */
  exclusive?: boolean;
  fs?: FsOps;
}

/**
 * Refuses to replace anything but a regular file: a rename over a device (run as root, `/dev/null`),
 * a symlink or a directory would destroy it rather than write through it.
 */
async function assertReplaceable(path: string): Promise<void> {
  const info = await lstat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (info && !info.isFile()) {
    const what = info.isSymbolicLink() ? 'a symbolic link' : info.isDirectory() ? 'a directory' : 'not a regular file (a device, socket or pipe)';
    throw new DiagnosticsError([error('FILE_NOT_REGULAR', `${path} is ${what}; orderform replaces only regular files`, undefined,
      'Give the path of a regular file (or of one that does not exist yet).')]);
  }
}

export async function writeFileAtomic(path: string, data: string, opts: AtomicWriteOptions = {}): Promise<boolean> {
  const fs = opts.fs ?? nodeFs;
  if (fs === nodeFs) await assertReplaceable(path);
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
