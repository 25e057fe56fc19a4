import type { Diagnostic } from '../diagnostics.js';
import type { ResourceSpec } from '../model.js';
import type { Change, Cost } from '../plan/types.js';
import type { ResourceState } from '../state/types.js';

/** What a handler may do besides calling the vendor: record state durably, now. */
export interface ApplyContext {
  now(): Date;
  /** Persist one resource before returning (intent before a creating call, result after). */
  record(address: string, resource: ResourceState | null): Promise<void>;
  /** The resource as this run knows it now: state plus what earlier changes of the run recorded. */
  current(address: string): ResourceState | undefined;
  /**
   * Wraps the one call that spends money: re-prices and checks the guards first (throws a
   * DiagnosticsError to refuse), counts the spend for later checks of the same run, then buys.
   */
  spend<T>(change: Change, spec: ResourceSpec, buy: (cost: Cost | null) => Promise<T>): Promise<T>;
}

/** Guards around a purchase (engine/apply/guard.ts); without one, apply buys at the planned price. */
export type SpendGuard = ApplyContext['spend'];

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
  /** `result`: the resource as recorded (its vendor ids), null when it no longer exists. */
  onDone?(change: Change, result: ResourceState | null): void;
  onFail?(change: Change, diagnostic: Diagnostic): void;
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
  failed: { address: string; action: Change['action']; diagnostic: Diagnostic }[];
  skipped: { address: string; action: Change['action']; reason: string }[];
  /** Purchases done but charged above the amount checked before buying (CHARGED_ABOVE_PLAN): apply exits 1. */
  overcharged?: Diagnostic[];
}
