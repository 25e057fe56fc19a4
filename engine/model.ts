/**
 * The normalized domain model: what the config means once loaded, validated, defaulted and checked.
 * Only engine/config/ sees the as-written (generated) config types; everything else uses these.
 */
import type { ShippedSettings } from './providers/registry.js';
import type { SourceLocation } from './diagnostics.js';

export type Currency = string; // ISO 4217, e.g. EUR, USD

export interface Money {
  amount: number;
  currency: Currency;
}

export interface Polygon {
  type: 'Polygon';
  coordinates: number[][][];
}

export type Mission = 'SPOT' | 'PLEIADES' | 'PLEIADESNEO';
export type Backend = 'legacy' | 'neo';
export type AcquisitionMode = 'mono' | 'stereo' | 'tristereo';

/** An AOI as sent to OneAtlas: integer id (1-based, per order), a name, a polygon and its geodesic area. */
export interface Aoi {
  id: number;
  name: string;
  /** Null only for Pléiades Neo fullStrip orders, where the vendor ignores the geometry. */
  geometry: Polygon | null;
  areaKm2: number;
  source: SourceLocation;
}

export interface OneAtlasEndpoints {
  auth: string;
  order: string;
  search: string;
  data: string;
}

export interface OneAtlasContractRef {
  /** The user's name for the contract in `providers.oneatlas.contracts`. */
  name: string;
  contractId: string;
  backend: Backend;
  /** Delivery workspace, when declared (discovered otherwise). */
  workspace?: string;
}

export interface OneAtlasProvider {
  apiKeyEnv: string;
  endpoints: OneAtlasEndpoints;
  contracts: OneAtlasContractRef[];
}

export interface MaxarProvider {
  /** Environment variables holding the ARD login (username = the account's email). */
  usernameEnv: string;
  passwordEnv: string;
  endpoint: string;
  /** Absent: the login's own account, asked from Maxar (`GET /auth/self`). */
  accountId?: string;
}

/** The `providers:` block as the engine uses it, keyed by vendor: the registry's list, each provider's settings type. */
export type Providers = ShippedSettings;

export type Vendor = 'oneatlas' | 'maxar';

/** Ceilings per currency. Absent currency: no ceiling. */
export type Ceilings = Record<Currency, number>;

/** What budget.total and perVendor count as already spent: everything, or the current calendar year or month (UTC). */
export type BudgetPeriod = 'all-time' | 'calendar-year' | 'calendar-month';

export interface Budget {
  /** What this config spends: already bought (within `period`) plus this apply. */
  total: Ceilings;
  perOrder: Ceilings;
  /** Keyed by provider (`Cost.vendor`). */
  perVendor: Partial<Record<string, Ceilings>>;
  period: BudgetPeriod;
}

export type ResourceKind = 'oneatlas_order' | 'maxar_ard_order' | 'quotation_decision' | 'oneatlas_alert';

interface ResourceBase {
  /** Stable address, e.g. `orders.paris-2024-q3`, `alerts.paris-low-cloud`, `quotations.neo-decision`. */
  address: string;
  /** The user's key (the last part of the address). */
  key: string;
  /** sha256 hex of the canonical spec fields that define the remote object (see each kind). */
  digest: string;
  source: SourceLocation;
}

export interface OneAtlasOrderSpec extends ResourceBase {
  kind: 'oneatlas_order';
  contract: OneAtlasContractRef;
  mission: Mission;
  productTypeId: string;
  acquisitionMode: AcquisitionMode;
  aois: Aoi[];
  items: { catalogItemId: string; aoiId: number }[];
  /** Wire production options (values are strings), including per-AOI `dem_<id>` / `projection_<id>`. */
  options: Record<string, string>;
  primaryMarket: string;
  secondaryMarket?: string;
  endUser: { name: string; country: string; label?: string };
  deliveryType: string;
  /** SPOT/Pléiades: addresses the vendor e-mails about the order (not part of the digest: not the product). */
  notificationEmails: string[];
  /** Deterministic from the key and digest unless the user set one. */
  customerReference: string;
  /** Optional per-order ceiling, checked by plan and apply. */
  maxPrice?: Money;
}

export interface MaxarOrderSpec extends ResourceBase {
  kind: 'maxar_ard_order';
  /** Absent: the login's own account (known once connected). */
  accountId?: string;
  acquisitions: string[];
  aoi: Aoi;
  bundleAdjust: boolean;
  /** The other wire `settings` switches the config sets, e.g. `{ cloud_mask: false }`. */
  settings: Record<string, boolean>;
  /** The wire `output_config` without secrets, e.g. `{ amazon_s3: { bucket, prefix } }`. */
  outputConfig: Record<string, Record<string, string>>;
  /** A write secret of the destination, by the environment variable holding it (read only when sending). */
  outputSecret?: { field: 'service_credentials' | 'sas_url'; env: string };
  /** Wire notifications: `{type: 'email', address}` or `{type: 'sns', topic_arn}`. */
  notifications: MaxarNotification[];
  /** Deterministic `metadata.reference`, used to find the order again. */
  customerReference: string;
  maxPrice?: Money;
}

export type MaxarNotification = { type: 'email'; address: string } | { type: 'sns'; topic_arn: string };

export const REJECTION_REASONS = {
  expired: 1,
  'another-provider': 2,
  budget: 3,
  'proposal-not-answering-needs': 4,
  licence: 5,
  'modify-request': 6,
  other: 7,
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;

export interface QuotationDecisionSpec extends ResourceBase {
  kind: 'quotation_decision';
  /** Either the address of a Pléiades Neo order in this config, or a quotation id placed elsewhere. */
  target: { order: string } | { quotationId: string; contract: OneAtlasContractRef };
  decision: 'accept' | 'refuse';
  reason?: RejectionReason;
  /** Accept only if the quoted total is at or below this. */
  maxPrice?: Money;
  /** When the quotation is past its validity: refuse it with reason 1 (true) or only report it (false). */
  refuseIfExpired: boolean;
}

export interface AlertSpec extends ResourceBase {
  kind: 'oneatlas_alert';
  /** The digest covers every field but the name: a rename is an in-place update, anything else replaces. */
  name: string;
  context: string;
  constellations: string[];
  productTypes: string[];
  cloudCover: [number, number];
  incidenceAngle: [number, number];
  geometry: Polygon;
}

export type ResourceSpec = OneAtlasOrderSpec | MaxarOrderSpec | QuotationDecisionSpec | AlertSpec;

export interface SafetyThresholds {
  /** Share (0..1) of managed alerts that may be replaced or deleted without --allow-destructive. */
  maxDestructiveShare: number;
  /** Spend per currency above which apply needs --allow-large-spend. */
  maxSpendWithoutFlag: Ceilings;
  /** Relative price rise tolerated between plan and apply (0 = none). */
  priceTolerance: number;
  /** Approvals reviewed in the config that stand in for a flag, each bound to what was reviewed. */
  approvals: SafetyApprovals;
}

export interface SafetyApprovals {
  /** A spend above maxSpendWithoutFlag is approved while it is at most `upTo` in its currency. */
  largeSpend?: { upTo: Ceilings; reason: string };
  /** Replacing or deleting exactly these addresses is approved. */
  destructive?: { changes: string[]; reason: string };
}

/** A renamed key (`moved:` in the config): state's resource at `from` now belongs to `to`. */
export interface Move {
  from: string;
  to: string;
  source: SourceLocation;
}

export interface Config {
  files: string[];
  /** sha256 of the normalized config: a saved plan is stale when it moves. */
  digest: string;
  providers: Providers;
  budget: Budget;
  safety: SafetyThresholds;
  /** State location: a file path (default `orderform.state.json` beside the first config file) or a postgres URL. */
  state: { backend: 'file'; path: string } | { backend: 'postgres'; url: string };
  resources: ResourceSpec[];
  moved: Move[];
}
