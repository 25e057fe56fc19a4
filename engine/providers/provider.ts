/**
 * The seam between the engine and a vendor. A provider says which resource kinds it owns (with their
 * money traits), how to observe them remotely (list reads into neutral observations) and how to run
 * a planned change on them (handlers). Plan, apply and state reach a vendor only through this
 * interface, by kind, via the registry (registry.ts); a provider imports nothing from plan/ or apply/.
 */
import type { ChangeHandler } from '../core/handler.js';
import type { KindTraits } from '../core/kinds.js';
import type { RemoteObservation } from '../core/remote.js';
import type { Tracked } from '../core/tracked.js';
import type { ProviderClients } from './index.js';

/** One list read refresh makes: what it reads (for progress), and the observations it yields by address. */
export interface RemoteRead {
  what: string;
  read(): Promise<Record<string, RemoteObservation>>;
}

export interface Provider<Client = unknown> {
  /** The key under `providers:` in the config, and `Cost.vendor`. */
  readonly vendor: string;
  /** The vendor's name for people, e.g. in "needs the OneAtlas provider". */
  readonly title: string;
  /** The resource kinds it owns, with their money traits. */
  readonly kinds: Readonly<Record<string, KindTraits>>;
  /** Its client among the ones built for this run; undefined when the config does not declare it. */
  clientOf(clients: ProviderClients): Client | undefined;
  /** Refresh: the reads that observe what is tracked of its kinds (`tracked` holds only those). */
  reads(client: Client, tracked: readonly Tracked[], now: () => Date): RemoteRead[];
  /** The handler for each of its kinds (`forget` is the executor's: it touches nothing remote). */
  handlers(client: Client): Readonly<Record<string, ChangeHandler>>;
}
