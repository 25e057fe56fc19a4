/** A state store in memory, for tests: same contract as the file store (lock before writing, serials). */
import { randomUUID } from 'node:crypto';
import { applyEntry } from './journal.js';
import { currentOwner, lockedError, type LockOwner } from './lock.js';
import { emptySnapshot } from './snapshot-file.js';
import type { ResourceState, StateSnapshot, StateStore, Unlock } from './types.js';

export class MemoryStateStore implements StateStore {
  private state: StateSnapshot;
  private owner: LockOwner | null = null;
  /** Every put, in order: tests assert what was recorded and when. */
  readonly puts: { address: string; resource: ResourceState | null }[] = [];

  constructor(initial?: StateSnapshot) {
    this.state = initial ? structuredClone(initial) : emptySnapshot(randomUUID());
  }

  async lock(owner: string): Promise<Unlock> {
    if (this.owner) throw lockedError('(memory)', this.owner);
    this.owner = currentOwner(owner);
    return () => this.close();
  }

  async read(): Promise<StateSnapshot> {
    return structuredClone(this.state);
  }

  async put(address: string, resource: ResourceState | null): Promise<void> {
    this.requireLock();
    const copy = resource && structuredClone(resource);
    this.puts.push({ address, resource: copy });
    applyEntry(this.state, { serial: this.state.serial + 1, address, resource: copy });
  }

  async compact(): Promise<void> {}

  async replace(snapshot: StateSnapshot): Promise<void> {
    this.requireLock();
    this.state = structuredClone(snapshot);
  }

  async close(): Promise<void> {
    this.owner = null;
  }

  private requireLock(): void {
    if (!this.owner) throw new Error('memory state must be locked before it is written');
  }
}
