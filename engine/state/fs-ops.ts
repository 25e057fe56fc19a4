/**
 * The few file-system calls the state store makes, one method per syscall-sized step. Injected so
 * that crash tests can stop the store between any two of them (or tear a write half-way).
 */
import { constants } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';

export interface FsOps {
  /** Whole file as bytes; null when it does not exist. */
  read(path: string): Promise<Buffer | null>;
  /** Create (or replace) `path` with `data`, fsync'd before returning. */
  writeSynced(path: string, data: string, mode: number): Promise<void>;
  /** Append `data` and fsync before returning; creates the file. */
  appendSynced(path: string, data: string, mode: number): Promise<void>;
  /** Cut the file to `length` bytes and fsync. */
  truncateSynced(path: string, length: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Hard link that fails with EEXIST when `to` exists: an exclusive publish. */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Make a rename or a new name in `dir` durable. */
  syncDir(dir: string): Promise<void>;
}

async function withHandle(path: string, flags: number, mode: number, fn: (fh: import('node:fs/promises').FileHandle) => Promise<unknown>): Promise<void> {
  const fh = await open(path, flags, mode);
  try {
    await fn(fh);
    await fh.sync();
  } catch (e) {
    // A write through a handle fails without a path (ENOSPC): name the file.
    (e as NodeJS.ErrnoException).path ??= path;
    throw e;
  } finally {
    await fh.close();
  }
}

export const nodeFs: FsOps = {
  async read(path) {
    try {
      return await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  writeSynced: (path, data, mode) =>
    withHandle(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, mode, (fh) => fh.writeFile(data)),
  appendSynced: (path, data, mode) =>
    withHandle(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, mode, (fh) => fh.writeFile(data)),
  truncateSynced: (path, length) => withHandle(path, constants.O_WRONLY, 0o600, (fh) => fh.truncate(length)),
  rename: (from, to) => rename(from, to),
  link: (from, to) => link(from, to),
  unlink: (path) => unlink(path),
  async syncDir(dir) {
    // Directories cannot be fsync'd on every platform (Windows); durability there rests on rename.
    try {
      await withHandle(dir, constants.O_RDONLY, 0, async () => undefined);
    } catch (e) {
      if (!['EISDIR', 'EPERM', 'EINVAL'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
  },
};
