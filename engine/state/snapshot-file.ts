/** The lowdb adapter for the state snapshot: an atomically replaced JSON file, checked on read. */
import type { Adapter } from 'lowdb';
import { DiagnosticsError, error } from '../diagnostics.js';
import { writeFileAtomic } from './atomic-file.js';
import { nodeFs, type FsOps } from './fs-ops.js';
import type { StateSnapshot } from './types.js';

/** A snapshot adapter; `create` publishes only when no snapshot exists yet (two first runs agree on one lineage). */
export interface SnapshotAdapter extends Adapter<StateSnapshot> {
  create?(data: StateSnapshot): Promise<boolean>;
}

export function emptySnapshot(lineage: string): StateSnapshot {
  return { version: 1, lineage, serial: 0, resources: {} };
}

export function checkSnapshot(data: unknown, file: string): StateSnapshot {
  const s = data as Partial<StateSnapshot> | null;
  if (!s || typeof s !== 'object' || typeof s.lineage !== 'string' || typeof s.serial !== 'number' || !s.resources) {
    throw new DiagnosticsError([error('STATE_CORRUPT', `state file ${file} is not an orderform state`, undefined,
      'Check the path given for the state, or restore the file from a backup.')]);
  }
  if (s.version !== 1) {
    throw new DiagnosticsError([error('STATE_VERSION', `state file ${file} has version ${String(s.version)}; this orderform reads version 1`, undefined,
      'Use the orderform release that wrote it, or upgrade orderform.')]);
  }
  return s as StateSnapshot;
}

export class SnapshotFile implements SnapshotAdapter {
  constructor(
    private readonly path: string,
    private readonly fs: FsOps = nodeFs,
  ) {}

  async read(): Promise<StateSnapshot | null> {
    const bytes = await this.fs.read(this.path);
    if (!bytes) return null;
    let data: unknown;
    try {
      data = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      throw new DiagnosticsError([error('STATE_CORRUPT', `state file ${this.path} is not valid JSON (${(e as Error).message})`, undefined,
        'Restore the file from a backup; orderform writes it atomically, so this damage came from elsewhere.')]);
    }
    return checkSnapshot(data, this.path);
  }

  /** Replaces the snapshot, keeping the one it replaces as `<path>.backup` (a hard link: no copy). */
  async write(data: StateSnapshot): Promise<void> {
    await this.keepBackup();
    await writeFileAtomic(this.path, serialize(data), { fs: this.fs });
  }

  get backupPath(): string {
    return `${this.path}.backup`;
  }

  private async keepBackup(): Promise<void> {
    const temp = `${this.backupPath}.${process.pid}.tmp`;
    try {
      await this.fs.link(this.path, temp);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // no snapshot yet
      if (code !== 'EEXIST') throw e;
      await this.fs.unlink(temp);
      await this.fs.link(this.path, temp);
    }
    await this.fs.rename(temp, this.backupPath);
  }

  create(data: StateSnapshot): Promise<boolean> {
    return writeFileAtomic(this.path, serialize(data), { fs: this.fs, exclusive: true });
  }
}

function serialize(data: StateSnapshot): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
