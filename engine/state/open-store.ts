import type { Config } from '../model.js';
import { FileStateStore } from './file-store.js';
import { PostgresStateStore, STATE_URL_ENV } from './postgres-store.js';
import type { StateStore } from './types.js';

/**
 * The store a config asks for. `ORDERFORM_STATE_URL` (a postgres:// URL) wins over the config, so a
 * CI job can share state without editing the file; the file store stays the default.
 */
export interface OpenStoreOptions {
  lockWaitMs?: number;
  /** File store: a missing state file reads as empty instead of being created (read-only commands). */
  readOnly?: boolean;
  /** File store: told when it repairs the journal (a torn last line dropped). */
  onNotice?: (message: string) => void;
}

export function openStateStore(state: Config['state'], env: Record<string, string | undefined>, opts: OpenStoreOptions = {}): StateStore {
  const lockWaitMs = opts.lockWaitMs ?? 0;
  const url = env[STATE_URL_ENV]?.trim();
  if (url) return new PostgresStateStore({ url, lockWaitMs });
  if (state.backend === 'postgres') return new PostgresStateStore({ url: state.url, lockWaitMs });
  return new FileStateStore(state.path, { lock: { waitMs: lockWaitMs }, readOnly: opts.readOnly ?? false, ...(opts.onNotice ? { onNotice: opts.onNotice } : {}) });
}

/** A human name for where state lives; never shows a password. */
export function describeStore(store: StateStore): string {
  if (store instanceof FileStateStore) return store.path;
  if (store instanceof PostgresStateStore) return `${store.displayUrl} (workspace ${store.workspace})`;
  return 'state';
}
