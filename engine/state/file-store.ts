/**
 * The file state store: a lowdb snapshot (`orderform.state.json`) plus an append-only journal
 * (`orderform.state.json.journal`). `put` appends one fsync'd line, so an apply of N changes costs
 * O(N); `compact` (and `close`) folds the journal into the snapshot atomically, then truncates it.
 * Crash safety: the snapshot is only ever replaced by rename, journal lines carry serials so lines
 * already folded are skipped, and a torn last line is dropped before the next append.
 */
import { randomUUID } from 'node:crypto';
import { Low } from 'lowdb';
import { DiagnosticsError, error } from '../diagnostics.js';
import { nodeFs, type FsOps } from './fs-ops.js';
import { applyEntry, encodeEntry, parseJournal, replay } from './journal.js';
import { acquireFileLock, type HeldLock, type LockOptions } from './lock.js';
import { emptySnapshot, SnapshotFile, type SnapshotAdapter } from './snapshot-file.js';
import type { ResourceState, StateSnapshot, StateStore, Unlock } from './types.js';

export const DEFAULT_STATE_FILE = 'orderform.state.json';

export interface FileStoreOptions {
  fs?: FsOps;
  /** Where the snapshot lives (default: an atomic JSON file at the state path, through `fs`). */
  adapter?: SnapshotAdapter;
  lock?: LockOptions;
  newLineage?: () => string;
  /** A missing snapshot reads as empty (lineage '') instead of being created: nothing is written. */
  readOnly?: boolean;
  /** Told when the journal is repaired (a torn last line dropped), so the user hears of it. */
  onNotice?: (message: string) => void;
}

export class FileStateStore implements StateStore {
  readonly journalPath: string;
  private readonly fs: FsOps;
  private readonly db: Low<StateSnapshot>;
  private held: HeldLock | null = null;
  /** The state as this writer knows it; kept only while locked (nobody else writes then). */
  private cache: StateSnapshot | null = null;
  private journalBytes = 0;
  private validJournalBytes = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly opts: FileStoreOptions = {},
  ) {
    this.fs = opts.fs ?? nodeFs;
    this.journalPath = `${path}.journal`;
    this.db = new Low<StateSnapshot>(opts.adapter ?? new SnapshotFile(path, this.fs), emptySnapshot(''));
  }

  async lock(owner: string): Promise<Unlock> {
    if (this.held) throw new Error(`state ${this.path} is already locked by this run`);
    this.held = await acquireFileLock(this.path, owner, this.opts.lock);
    this.cache = null;
    return () => this.close();
  }

  async read(): Promise<StateSnapshot> {
    return structuredClone(await this.current());
  }

  put(address: string, resource: ResourceState | null): Promise<void> {
    return this.serialized(async () => {
      const state = await this.writable();
      if (this.validJournalBytes < this.journalBytes) {
        await this.fs.truncateSynced(this.journalPath, this.validJournalBytes);
        this.journalBytes = this.validJournalBytes;
      }
      const entry = { serial: state.serial + 1, address, resource: resource && structuredClone(resource) };
      const line = encodeEntry(entry);
      try {
        await this.fs.appendSynced(this.journalPath, line, 0o600);
      } catch (e) {
        // A partial append (full disk) must not stay: the next line would be glued onto it. Cut it back; if
        // that fails too, the next open drops the torn tail (it has no newline) before appending.
        this.journalBytes = this.validJournalBytes + Buffer.byteLength(line);
        await this.fs.truncateSynced(this.journalPath, this.validJournalBytes).then(() => (this.journalBytes = this.validJournalBytes), () => undefined);
        throw e;
      }
      this.journalBytes += Buffer.byteLength(line);
      this.validJournalBytes = this.journalBytes;
      applyEntry(state, entry);
    });
  }

  compact(): Promise<void> {
    return this.serialized(async () => {
      const state = await this.writable();
      if (this.journalBytes === 0) return;
      this.db.data = structuredClone(state);
      await this.db.write();
      await this.fs.truncateSynced(this.journalPath, 0);
      this.journalBytes = this.validJournalBytes = 0;
    });
  }

  /** Replaces the whole state (migration), keeping the given lineage and serial. */
  replace(snapshot: StateSnapshot): Promise<void> {
    return this.serialized(async () => {
      await this.writable();
      this.db.data = structuredClone(snapshot);
      await this.db.write();
      if (this.journalBytes > 0) await this.fs.truncateSynced(this.journalPath, 0);
      this.journalBytes = this.validJournalBytes = 0;
      this.cache = structuredClone(snapshot);
    });
  }

  /** Folds the journal and releases the lock, if this store holds it. */
  async close(): Promise<void> {
    if (!this.held) return;
    try {
      if (!this.held.lost()) await this.compact();
    } finally {
      const held = this.held;
      this.held = null;
      this.cache = null;
      await held.release();
    }
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writable(): Promise<StateSnapshot> {
    if (!this.held) throw new Error(`state ${this.path} must be locked before it is written`);
    const lost = this.held.lost();
    if (lost) {
      throw new DiagnosticsError([error('STATE_LOCK_LOST', `lost the lock on state ${this.path}: ${lost.message}`, undefined,
        'Another run may have taken over the state. Run `orderform plan` again to see where things stand.')]);
    }
    return this.current();
  }

  private async current(): Promise<StateSnapshot> {
    if (this.cache) return this.cache;
    const state = replay(await this.snapshot(), this.journal(await this.fs.read(this.journalPath)));
    if (this.held) this.cache = state;
    return state;
  }

  private journal(bytes: Buffer | null) {
    const parsed = parseJournal(bytes, this.journalPath);
    this.journalBytes = bytes?.length ?? 0;
    this.validJournalBytes = parsed.validBytes;
    const torn = this.journalBytes - this.validJournalBytes;
    if (torn > 0) {
      this.opts.onNotice?.(`the last line of ${this.journalPath} (${torn} bytes, no newline) is a write that was never acknowledged (a crash or a full disk); it is ignored and cut before the next write`);
    }
    return parsed.entries;
  }

  /** The snapshot, created with a fresh lineage at first use so that plan and apply agree on it. */
  private async snapshot(): Promise<StateSnapshot> {
    this.db.data = emptySnapshot(''); // lowdb keeps the previous data when the file is gone
    await this.db.read();
    // A copy: the cache is mutated by puts, and a memory adapter hands out the object it stores.
    if (this.db.data.lineage) return structuredClone(this.db.data);
    if (this.opts.readOnly) return emptySnapshot('');
    const fresh = emptySnapshot((this.opts.newLineage ?? randomUUID)());
    const adapter = this.db.adapter as SnapshotAdapter;
    const created = adapter.create ? await adapter.create(fresh) : (await adapter.write(structuredClone(fresh)), true);
    return created ? fresh : this.snapshot(); // another run created it first: use theirs
  }
}
