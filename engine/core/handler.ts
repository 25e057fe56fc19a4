/**
 * The seam between the executor and a provider's change handlers: a handler runs one planned change
 * against its vendor and records state through the context; it never sees the executor itself.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ResourceSpec } from '../model.js';
import type { ResourceState } from '../state/types.js';
import type { Change, Cost } from './change.js';

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
  /**
   * A problem with a change that was done all the same (the vendor accepted an order, then failed it): it
   * is recorded like any done change, and the diagnostic, tied to `address`, is apply's data to show; an
   * error makes apply exit 1.
   */
  report(address: string, diagnostic: Diagnostic): void;
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
