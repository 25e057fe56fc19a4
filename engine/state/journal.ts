/**
 * The state journal: one JSON line per `put`, appended and fsync'd, so that recording a change costs
 * O(1) whatever the state size. Reading replays the lines newer than the snapshot's serial; a last
 * line without its newline is a write torn by a crash and was never acknowledged, so it is ignored.
 */
import { DiagnosticsError, error } from '../diagnostics.js';
import type { ResourceState, StateSnapshot } from './types.js';

export interface JournalEntry {
  serial: number;
  address: string;
  /** Null removes the resource. */
  resource: ResourceState | null;
}

export interface ParsedJournal {
  entries: JournalEntry[];
  /** Bytes up to and including the last complete line: where the next append must start. */
  validBytes: number;
}

export function encodeEntry(entry: JournalEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

export function parseJournal(bytes: Buffer | null, file: string): ParsedJournal {
  if (!bytes || bytes.length === 0) return { entries: [], validBytes: 0 };
  const validBytes = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, validBytes).toString('utf8').split('\n').slice(0, -1);
  const entries = lines.map((line, i) => {
    try {
      const e = JSON.parse(line) as JournalEntry;
      if (typeof e.serial !== 'number' || typeof e.address !== 'string') throw new Error('missing serial or address');
      return e;
    } catch (err) {
      throw new DiagnosticsError([
        error('STATE_CORRUPT', `state journal ${file} line ${i + 1} is not a journal entry (${(err as Error).message})`, undefined,
          `A line before the last is damaged (not a torn last write). Rename the journal to ${file}.damaged (keep it: it names paid orders), then run \`orderform plan\`: what the snapshot misses is found at the vendor and adopted, except orders the vendor does not list yet (ORDER_NOT_CHECKABLE lists them; find their ids in the kept journal and \`orderform import\` them). See docs/state.md.`),
      ]);
    }
  });
  return { entries, validBytes };
}

/** Records one resource in a snapshot (in place) and bumps its serial. */
export function applyEntry(snapshot: StateSnapshot, entry: JournalEntry): void {
  if (entry.resource) snapshot.resources[entry.address] = entry.resource;
  else delete snapshot.resources[entry.address];
  snapshot.serial = entry.serial;
}

/** Applies the entries the snapshot does not contain yet (a crash may leave folded entries behind). */
export function replay(snapshot: StateSnapshot, entries: readonly JournalEntry[]): StateSnapshot {
  for (const e of entries) if (e.serial > snapshot.serial) applyEntry(snapshot, e);
  return snapshot;
}
