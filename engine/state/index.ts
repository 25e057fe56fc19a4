/** The state module's public surface. */
export { DEFAULT_STATE_FILE, FileStateStore, type FileStoreOptions } from './file-store.js';
export { MemoryStateStore } from './memory-store.js';
export { exportSnapshot, importSnapshot } from './migrate.js';
export type { LockOptions, LockOwner } from './lock.js';
export type { ResourceState, ResourceStatus, RemoteIds, StateSnapshot, StateStore, Unlock } from './types.js';
