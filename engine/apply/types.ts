import type { Diagnostic } from '../diagnostics.js';
import type { ChangeHandler } from '../core/handler.js';
import type { Change } from '../plan/types.js';
import type { ResourceState } from '../state/types.js';

export type HandlerFor = (change: Change) => ChangeHandler;

export interface ApplyHooks {
  onStart?(change: Change): void;
  /** `result`: the resource as recorded (its vendor ids), null when it no longer exists. */
  onDone?(change: Change, result: ResourceState | null): void;
  onFail?(change: Change, diagnostics: Diagnostic[]): void;
  onSkip?(change: Change, reason: string): void;
}

export interface ApplyOptions {
  parallelism: number;
  /** Continue with changes that do not depend on a failed one (default: stop starting new changes). */
  keepGoing: boolean;
  hooks?: ApplyHooks;
  /** Aborted (Ctrl-C): start no new change; those in flight finish and are recorded. */
  signal?: AbortSignal;
}

export interface ApplyOutcome {
  done: { address: string; action: Change['action'] }[];
  /** `diagnostics`: every problem the change reported, in order; `diagnostic`: the first (the headline). */
  failed: { address: string; action: Change['action']; diagnostic: Diagnostic; diagnostics: Diagnostic[] }[];
  skipped: { address: string; action: Change['action']; reason: string }[];
  /** Purchases done but charged above the amount checked before buying (CHARGED_ABOVE_PLAN): apply exits 1. */
  overcharged?: Diagnostic[];
  /** Problems with changes that were done (ApplyContext.report), each naming its resource; an error makes apply exit 1. */
  reported?: Diagnostic[];
}
