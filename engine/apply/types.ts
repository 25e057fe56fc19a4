import type { Diagnostic } from '../diagnostics.js';
import type { ResourceSpec } from '../model.js';
import type { Change } from '../plan/types.js';
import type { ResourceState } from '../state/types.js';

/** What a handler may do besides calling the vendor: record state durably, now. */
export interface ApplyContext {
  now(): Date;
  /** Persist one resource before returning (intent before a creating call, result after). */
  record(address: string, resource: ResourceState | null): Promise<void>;
}

/**
 * Executes one planned change against one vendor. Throws on failure; returns the resource's new
 * state (null when it no longer exists, e.g. a deleted alert or a forgotten order).
 */
export interface ChangeHandler {
  apply(change: Change, spec: ResourceSpec | undefined, prior: ResourceState | undefined, ctx: ApplyContext): Promise<ResourceState | null>;
}

export type HandlerFor = (change: Change) => ChangeHandler;

export interface ApplyHooks {
  onStart?(change: Change): void;
  onDone?(change: Change): void;
  onFail?(change: Change, diagnostic: Diagnostic): void;
  onSkip?(change: Change, reason: string): void;
}

export interface ApplyOptions {
  parallelism: number;
  /** Continue with changes that do not depend on a failed one (default: stop starting new changes). */
  keepGoing: boolean;
  hooks?: ApplyHooks;
}

export interface ApplyOutcome {
  done: { address: string; action: Change['action'] }[];
  failed: { address: string; action: Change['action']; diagnostic: Diagnostic }[];
  skipped: { address: string; action: Change['action']; reason: string }[];
}
