/** Moving a state between stores (`state migrate`): export from one, import into another, lineage kept. */
import { DiagnosticsError, error } from '../diagnostics.js';
import { checkSnapshot } from './snapshot-file.js';
import type { StateSnapshot, StateStore } from './types.js';

/** The full state, resources in address order so that an exported file diffs cleanly. */
export async function exportSnapshot(store: StateStore): Promise<StateSnapshot> {
  const s = await store.read();
  const resources = Object.fromEntries(Object.entries(s.resources).sort(([a], [b]) => a.localeCompare(b)));
  return { ...s, resources };
}

/**
 * Writes `snapshot` into `target` (which the caller has locked). Refuses a target that already
 * holds resources unless `force`: importing over a live state would silently forget purchases.
 */
export async function importSnapshot(target: StateStore, snapshot: unknown, opts: { force?: boolean; source?: string } = {}): Promise<void> {
  const incoming = checkSnapshot(snapshot, opts.source ?? 'import');
  const existing = await target.read();
  const count = Object.keys(existing.resources).length;
  if (count > 0 && !opts.force) {
    throw new DiagnosticsError([error('STATE_NOT_EMPTY', `the target state already records ${count} resource${count === 1 ? '' : 's'}`, undefined,
      'Import into an empty state, or pass --force to replace it (the resources it records will be forgotten).')]);
  }
  if (!target.replace) throw new Error('this state store cannot replace its content');
  await target.replace(incoming);
}
