/**
 * The seam between the engine and a vendor. A provider says which resource kinds it owns (with their
 * money traits), how to observe them remotely (list reads into neutral observations) and how to run
 * a planned change on them (handlers). Plan, apply and state reach a vendor only through this
 * interface, by kind, via the registry (registry.ts); a provider imports nothing from plan/ or apply/.
 */
import type { Alert, Order, QuotationDecision } from '../../schemas/generated/config.js';
import type { Normalized, ResourceContext } from '../config/context.js';
import type { EndpointUse, Env } from '../config/endpoints.js';
import type { Entry, Located } from '../config/merge.js';
import type { AccountLimit } from '../core/account-limit.js';
import type { Adoption, Change, Cost, FieldDiff } from '../core/change.js';
import type { Document, YAMLMap } from 'yaml';
import type { DiscoverOptions } from '../core/discovery.js';
import type { DeliveriesContext, Downloader, OrderDeliveries } from '../core/deliveries.js';
import type { ChangeHandler } from '../core/handler.js';
import type { QuotationExport, QuotationQuery } from '../core/quotation.js';
import type { SearchQuery, Skeleton, SkeletonContext } from '../core/search.js';
import type { KindTraits } from '../core/kinds.js';
import type { VendorPurchases } from '../core/purchases.js';
import type { Footprint, ListedOrder, RemoteObservation, RemoteView } from '../core/remote.js';
import type { Tracked } from '../core/tracked.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Config, Money, ResourceSpec } from '../model.js';
import type { RemoteIds, ResourceState, ResourceStatus } from '../state/types.js';
import type { HttpClient } from './http.js';
import type { ProviderClients } from './index.js';

/** One list read refresh makes: what it reads (for progress), and the observations it yields by address. */
export interface RemoteRead {
  what: string;
  read(): Promise<RemoteReadResult>;
}

export interface RemoteReadResult {
  observations: Record<string, RemoteObservation>;
  /** Every order the list showed (with its reference), tracked or not: plan compares new orders with them. */
  listed?: ListedOrder[];
}

/** What pricing sees besides its client: the config (its resources of this provider's kinds only) and the clock. */
export interface PricingContext {
  config: Pick<Config, 'providers' | 'resources'>;
  now: () => Date;
  /**
   * The most a purchase may cost, by the address of the change that spends (engine/plan/ceilings.ts: an
   * accept is bounded by the lower of its own and its order's maxPrice). Undefined: no ceiling.
   */
  ceilingOf(address: string): Money | undefined;
}

/**
 * Pricing for one plan or one apply. The reads it makes (price lists, contracts, acquisitions) are
 * shared within that run and held by this object only: a new run starts a new one.
 */
export interface ProviderPricing {
  /** The limits of the accounts its resources spend against (contract credit, fee limits). Reads only. */
  accountLimits(): Promise<AccountLimit[]>;
  /** A planned change's cost; null: nothing to show. Throws what the vendor refuses (HttpError, DiagnosticsError). */
  price(change: Change, spec: ResourceSpec | undefined, remote: RemoteView): Promise<Cost | null>;
  /** The price right before buying, read again from the vendor (apply's spend guard). */
  reprice(change: Change, spec: ResourceSpec, current: (address: string) => ResourceState | undefined): Promise<Cost | null>;
  /**
   * Plan only, optional: reads what the vendor offers for the resources of its kinds not placed yet, and
   * returns the check of a creation about to be planned against it (its problems; none when acceptable).
   * A creation with problems is not priced.
   */
  offer?(unplaced: readonly ResourceSpec[]): Promise<(change: Change, spec: ResourceSpec) => Diagnostic[]>;
  /**
   * Optional, for budget.total / perVendor: what the vendor lists as bought on the accounts and contracts of
   * this config since `since` (null: all it lists), with a fixed number of list calls (never one per order).
   */
  purchases?(since: Date | null): Promise<VendorPurchases>;
  /** Optional: what this run's reads could not see (e.g. a usage resource the login may not read), as warnings for the plan. */
  notes?(): Diagnostic[];
}

/** How plan creates a resource of one of its kinds. Pure and offline: the diff asks it for every creation. */
export interface Creation {
  /** `request-quotation` when the price comes by quotation (a decision then buys), else `create`. */
  action: 'create' | 'request-quotation';
  /** The vendor lists it as soon as it exists: an unconfirmed creation not listed was never made. */
  listedAtOnce: boolean;
  /** The remote id `orderform import` takes to resolve an unconfirmed creation, as a placeholder (e.g. `ORDER_ID`). */
  importId: string;
  /** Only when not listed at once: what plan tells the user. */
  unlisted?: {
    /** An unconfirmed creation not listed yet: how to resolve it (`importCommand` is the `orderform import` line). */
    hint(importCommand: string): string;
    /** The note on a creation plan could not check at the vendor (state holds none, the vendor cannot show it yet). */
    note: string;
    /** The one ORDER_NOT_CHECKABLE warning for all such creations of the provider (`names`: the first few addresses). */
    uncheckable(count: number, names: string): { summary: string; detail: string };
  };
}

/** An object refresh found under a declared resource's reference (state holds none): what apply records, or why it is another object. */
export type AdoptionFound = { adopt: Adoption } | { refused: Diagnostic; fieldDiffs: FieldDiff[] };

/** What a provider found remotely for `orderform import`: the core turns it into the resource's state. */
export interface ImportFound {
  status: ResourceStatus;
  remote: RemoteIds;
  price?: Money;
  diagnostics?: Diagnostic[];
  /** A renamable object: its remote name, and whether anything else differs (then the next plan replaces it). */
  name?: string;
  criteriaDiffer?: boolean;
}

/** The config's resource blocks besides `orders:` (schemas/orderform.schema.json), each owned by one provider. */
export interface ConfigBlocks {
  quotations(entry: Entry<QuotationDecision>, ctx: ResourceContext): Normalized<ResourceSpec> | Promise<Normalized<ResourceSpec>>;
  alerts(entry: Entry<Alert>, ctx: ResourceContext): Normalized<ResourceSpec> | Promise<Normalized<ResourceSpec>>;
}

/** A secret the client needs, read only from the environment variable the settings name. */
export interface Credential {
  /** What it is, for people: "No <what>: the environment variable … is not set". */
  what: string;
  variable: string;
}

/**
 * The provider's block under `providers:` (its schema fragment is in schemas/orderform.schema.json, its
 * as-written type generated), and the client built from it. Endpoints and credential variables resolve
 * here; engine/config and providers/index.ts only loop over the registry.
 */
export interface ProviderSettings<Written, Settings, Client> {
  /** As written (schema-valid) → as the engine uses it: defaults applied, endpoints resolved (config, else environment, else the vendor host). */
  normalize(written: Located<Written>, env: Env): Settings;
  /** Every endpoint it uses, as configured or named by an environment variable (engine/config refuses one that is not an http(s) URL). */
  endpoints(written: Located<Written>): EndpointUse[];
  /** The secrets its client needs, by name (all of them are checked before any client is built). */
  credentials(settings: Settings): Readonly<Record<string, Credential>>;
  /** Its client, given the secrets `credentials` named (each set). */
  client(settings: Settings, secrets: Readonly<Record<string, string>>, ctx: { http: HttpClient; env: Env }): Client;
  /**
   * Optional: the settings a command that runs before the config is complete (discover, search) uses, from what
   * the config declares (if anything), the environment and an account given on the command line; undefined: not reachable.
   */
  reachable?(declared: Settings | undefined, opts: { env: Env; account?: string }): Settings | undefined;
}

/** `orderform discover`: what the account holds, and how it is written into the provider's block under `providers:`. */
export interface ProviderDiscovery<Client, Settings, Found> {
  /** Reads only. */
  run(client: Client, opts: DiscoverOptions): Promise<Found>;
  /** The as-written `credentials:` of its block: the variables these settings read. */
  credentials(settings: Settings): Record<string, string>;
  /** Fills its block (comments and names already there are kept); `credentials` goes in when the block has none. */
  write(found: Found, block: YAMLMap, doc: Document, credentials: Readonly<Record<string, string>>): void;
}

/** `orderform quotation export`: the vendor's quotation document for an address. */
export interface Quotations<Client> {
  /** The code said when the config declares no block for this provider (e.g. `NO_ONEATLAS_PROVIDER`). */
  readonly notDeclared: string;
  /** The quotation ADDRESS stands for (config, state, else the vendor by reference) and its PDF. Reads only. */
  export(client: Client, query: QuotationQuery): Promise<QuotationExport>;
}

/** `orderform search --vendor <vendor>`: its archive over an AOI, and the orders of the items picked. */
export interface ProviderSearch<Client, Settings, Found> {
  /** Reads only (a search may cost a request, never money). */
  run(client: Client, query: SearchQuery): Promise<Found>;
  /** How many items it found, numbered from 1 (what --pick refers to). */
  count(found: Found): number;
  /** The orders of the items picked (all when `pick` is undefined); a number not shown is an INVALID_PICK error. */
  orders(found: Found, pick: readonly number[] | undefined, ctx: SkeletonContext<Settings>): Skeleton;
  /** What the command says when it reaches no account of this provider (no declaration, no login in the environment). */
  unreachable?: { summary: string; detail: string };
}

export interface Provider<Client = unknown, Settings = unknown, Found = unknown, Searched = unknown> {
  /** The key under `providers:` in the config, and `Cost.vendor`. */
  readonly vendor: string;
  /** The vendor's name for people, e.g. in "needs the OneAtlas provider". */
  readonly title: string;
  /**
   * The currency its prices are in: `fixed` when known offline (validate checks budget ceilings against it), else
   * where it comes from, for people (e.g. the contract's, read by plan).
   */
  readonly currency?: { fixed: string } | { from: string };
  /** The resource kinds it owns, with their money traits. */
  readonly kinds: Readonly<Record<string, KindTraits>>;
  /**
   * Config: an order whose `vendor:` names this provider, as written → its normalized spec (or positioned
   * diagnostics). Offline; the schema has validated its shape.
   */
  normalizeOrder(entry: Entry<Order>, ctx: ResourceContext): Promise<Normalized<ResourceSpec>>;
  /** Config: its block under `providers:` and the client built from it; absent: it has no block (a test's fake brings its own client). */
  readonly settings?: ProviderSettings<unknown, Settings, Client>;
  /** Config: the normalizers of the other resource blocks it owns (the registry gives every block one owner). */
  readonly blocks?: Partial<ConfigBlocks>;
  /** Optional: a spec of its kinds (digest and derived reference already left out) in the config's own terms, for field diffs. Pure. */
  asWritten?(spec: Record<string, unknown>): unknown;
  /** Its vendor rules, checked offline on the normalized config (each diagnostic positioned at the field at fault). */
  rules(resources: readonly ResourceSpec[]): Diagnostic[];
  /** How a resource of its kinds is created (see Creation). */
  creation(spec: ResourceSpec): Creation;
  /** Its client among the ones built for this run; undefined when the config does not declare it. */
  clientOf(clients: ProviderClients): Client | undefined;
  /** Refresh: the reads that observe what is tracked of its kinds (`tracked` holds only those). */
  reads(client: Client, tracked: readonly Tracked[], now: () => Date): RemoteRead[];
  /** Pricing and account limits for one run (a newcomer finds a vendor's prices in its pricing.ts). */
  pricing(client: Client, ctx: PricingContext): ProviderPricing;
  /** Plan's adoption of what refresh found under a declared resource's reference (lost state, `state rm`). Pure. */
  adoption(spec: ResourceSpec, found: RemoteObservation): AdoptionFound;
  /** What an order of its kinds buys (its catalog items and AOIs), from its spec as config or state holds it; none for other kinds. Pure. */
  footprints(spec: unknown): Footprint[];
  /** `orderform import`: looks a remote id up for a declared resource of its kinds. Reads only. */
  importResource(client: Client, spec: ResourceSpec, remoteId: string, current: (address: string) => ResourceState | undefined): Promise<ImportFound>;
  /** The handler for each of its kinds (`forget` is the executor's: it touches nothing remote). */
  handlers(client: Client): Readonly<Record<string, ChangeHandler>>;
  /** `orderform deliveries`, optional: what the vendor delivered for its orders in state (`ctx.resources`). Reads only. */
  deliveries?(client: Client, ctx: DeliveriesContext): Promise<OrderDeliveries[]>;
  /** `orderform discover`, optional: what the account holds (the CLI shows it through a view by vendor, cli/render/discovery.ts). */
  readonly discovery?: ProviderDiscovery<Client, Settings, Found>;
  /** `orderform search`, optional (the CLI shows what it found through a view by vendor, cli/render/search.ts). */
  readonly search?: ProviderSearch<Client, Settings, Searched>;
  /** `orderform quotation export`, optional: a provider whose prices come by quotation. */
  readonly quotations?: Quotations<Client>;
  /** Downloads the products its `deliveries` lists, with the client's own login (one token for both). */
  downloader?(client: Client): Downloader;
}
