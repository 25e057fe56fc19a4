/**
 * Behaviour knobs: mutable at any time in-process (`sandbox.knobs.x = …`), from CLI flags, and over
 * HTTP (`POST /__sandbox/knobs` with a partial JSON object). Random faults draw from the seeded PRNG.
 */
import type { Rand } from './prng.js';

/**
 * How a fault fires on a route: `rate` is a probability (0..1) per call; `next` fires on the next N calls
 * (consumed before `rate` is considered). A bare number is shorthand for `{rate}`.
 */
export interface FaultSpec {
  rate?: number;
  next?: number;
}
export type Fault = number | FaultSpec;

/** Keys are route keys as counted (`POST /api/v1/orders`, `PUT /api/v1/alerts/{id}`) or `*` for every route. */
export type FaultMap = Record<string, Fault>;

export type MaxarLimitName =
  | 'annual_subscription_fee_limit'
  | 'fresh_imagery_fee_limit'
  | 'standard_imagery_fee_limit'
  | 'training_imagery_fee_limit'
  | 'tasking_imagery_fee_limit';

export interface SandboxKnobs {
  /** Added before every counted request: `latencyMs` + uniform random [0, jitterMs). */
  latencyMs: number;
  jitterMs: number;
  /** Answer 5xx (`errorStatus`) before handling: nothing happens remotely. */
  errorRate: FaultMap;
  errorStatus: number;
  /** Answer 429 with `Retry-After: retryAfterSec` before handling. */
  rateLimit: FaultMap;
  retryAfterSec: number;
  /** Destroy the socket without handling the request. */
  dropConnection: FaultMap;
  /** Handle the request (the mutation happens), then destroy the socket instead of answering. */
  dropAfterCommit: FaultMap;
  /** Lifetime of newly issued tokens (both vendors). */
  tokenLifetimeSec: number;
  /** Time from order placement (or quotation accept) to delivery; 0 = delivered on the next read. */
  deliveryDelayMs: number;
  /** Validity of new quotations. */
  quotationValidityMs: number;
  /** Multiplies every OneAtlas price computed from now on (plan vs apply price changes). */
  priceMultiplier: number;
  /** Shifts the sandbox clock (time travel for processes that only have the URL). */
  clockOffsetMs: number;
  /**
   * Catalogue items made private by their owner (seed: "products available to order at a moment may become
   * unavailable the next day"): searches no longer show them and work orders naming them fail UNKNOWN_CATALOG_ITEM.
   */
  privateCatalogItems: string[];
  /** How the alert list reads the request's page (undocumented [I]): 1-based `startPage` or 0-based `startIndex`. */
  alertPaging: 'startPage' | 'startIndex';
  /** Overrides of the Maxar account's fee limits (`-1`/null = no limit, 0 = not orderable). */
  maxarLimits: Partial<Record<MaxarLimitName, number | null>>;
  /** The status of a Maxar order refused over a fee limit: undocumented (seed 004: "will return an error") [I]. */
  maxarLimitStatus: 400 | 403 | 422;
  /** Where a failing Maxar order ends: the SDK counts both FAILED and ERROR as failed (order.py). */
  maxarFailStatus: 'FAILED' | 'ERROR';
  /** Whether Maxar's `/auth/self` carries `user.admin` [I]; without it a client learns the role from a 403. */
  maxarSelfAdmin: boolean;
  /**
   * Whether the usage resource answers a user-role login: the documents do not say who may read it, so
   * `false` (the default) serves everyone of the account and `true` answers a user 403, like the admin listing.
   */
  maxarUsageAdminOnly: boolean;
}

export function defaultKnobs(overrides: Partial<SandboxKnobs> = {}): SandboxKnobs {
  return {
    latencyMs: 0,
    jitterMs: 0,
    errorRate: {},
    errorStatus: 503,
    rateLimit: {},
    retryAfterSec: 1,
    dropConnection: {},
    dropAfterCommit: {},
    tokenLifetimeSec: 3600,
    deliveryDelayMs: 3000,
    quotationValidityMs: 24 * 3600 * 1000,
    priceMultiplier: 1,
    clockOffsetMs: 0,
    maxarLimits: {},
    maxarLimitStatus: 400,
    maxarFailStatus: 'FAILED',
    maxarSelfAdmin: true,
    maxarUsageAdminOnly: false,
    alertPaging: 'startPage',
    privateCatalogItems: [],
    ...overrides,
  };
}

/** Whether the fault configured for `route` fires on this call (consumes one `next` when it does). */
export function fires(map: FaultMap, route: string, rand: Rand): boolean {
  const key = route in map ? route : '*' in map ? '*' : undefined;
  if (key === undefined) return false;
  const fault = map[key] as Fault;
  if (typeof fault === 'number') return fault > 0 && rand() < fault;
  if (fault.next !== undefined && fault.next > 0) {
    fault.next -= 1;
    return true;
  }
  return fault.rate !== undefined && fault.rate > 0 && rand() < fault.rate;
}

const NUMBER_KNOBS = [
  'latencyMs',
  'jitterMs',
  'errorStatus',
  'retryAfterSec',
  'tokenLifetimeSec',
  'deliveryDelayMs',
  'quotationValidityMs',
  'priceMultiplier',
  'clockOffsetMs',
] as const;
const FAULT_KNOBS = ['errorRate', 'rateLimit', 'dropConnection', 'dropAfterCommit'] as const;
const LIMIT_NAMES: readonly MaxarLimitName[] = [
  'annual_subscription_fee_limit',
  'fresh_imagery_fee_limit',
  'standard_imagery_fee_limit',
  'training_imagery_fee_limit',
  'tasking_imagery_fee_limit',
];

/**
 * Applies a partial knob object (from JSON). Fault maps and maxarLimits merge per key; a `null` entry
 * removes that key. Returns the problems found; nothing is applied when there is any.
 */
export function patchKnobs(knobs: SandboxKnobs, patch: unknown): string[] {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return ['knobs must be a JSON object'];
  const problems: string[] = [];
  const entries = Object.entries(patch as Record<string, unknown>);
  for (const [key, value] of entries) {
    if ((NUMBER_KNOBS as readonly string[]).includes(key)) {
      const bad = typeof value !== 'number' || !Number.isFinite(value) || (key !== 'clockOffsetMs' && value < 0);
      if (bad) problems.push(`${key} must be a ${key === 'clockOffsetMs' ? '' : 'non-negative '}number`);
      else if (key === 'errorStatus' && (value < 500 || value > 599)) problems.push('errorStatus must be 500..599');
      else if (key === 'priceMultiplier' && value === 0) problems.push('priceMultiplier must be > 0');
    } else if ((FAULT_KNOBS as readonly string[]).includes(key)) {
      problems.push(...faultMapProblems(key, value));
    } else if (key === 'maxarLimits') {
      problems.push(...limitProblems(value));
    } else if (key === 'privateCatalogItems') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) problems.push('privateCatalogItems must be an array of catalog item ids');
    } else if (key === 'maxarLimitStatus') {
      if (value !== 400 && value !== 403 && value !== 422) problems.push('maxarLimitStatus must be 400, 403 or 422');
    } else if (key === 'maxarFailStatus') {
      if (value !== 'FAILED' && value !== 'ERROR') problems.push("maxarFailStatus must be 'FAILED' or 'ERROR'");
    } else if (key === 'maxarSelfAdmin') {
      if (typeof value !== 'boolean') problems.push('maxarSelfAdmin must be true or false');
    } else if (key === 'maxarUsageAdminOnly') {
      if (typeof value !== 'boolean') problems.push('maxarUsageAdminOnly must be true or false');
    } else if (key === 'alertPaging') {
      if (value !== 'startPage' && value !== 'startIndex') problems.push("alertPaging must be 'startPage' or 'startIndex'");
    } else {
      problems.push(`unknown knob '${key}'`);
    }
  }
  if (problems.length > 0) return problems;
  for (const [key, value] of entries) {
    if (key === 'maxarLimits' || (FAULT_KNOBS as readonly string[]).includes(key)) {
      mergeMap(knobs[key as 'maxarLimits'] as Record<string, unknown>, value as Record<string, unknown>, key === 'maxarLimits');
    } else {
      (knobs as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return [];
}

function mergeMap(target: Record<string, unknown>, patch: Record<string, unknown>, keepNull: boolean): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null && !keepNull) delete target[k];
    else target[k] = typeof v === 'object' && v !== null ? { ...v } : v;
  }
}

function faultMapProblems(key: string, value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${key} must be an object {route: fault}`];
  const problems: string[] = [];
  for (const [route, fault] of Object.entries(value as Record<string, unknown>)) {
    if (fault === null) continue;
    const rate = typeof fault === 'number' ? fault : (fault as FaultSpec | undefined)?.rate;
    const next = typeof fault === 'object' ? (fault as FaultSpec).next : undefined;
    const rateOk = rate === undefined || (typeof rate === 'number' && rate >= 0 && rate <= 1);
    const nextOk = next === undefined || (Number.isInteger(next) && next >= 0);
    const shapeOk = typeof fault === 'number' || (typeof fault === 'object' && !Array.isArray(fault));
    if (!shapeOk || !rateOk || !nextOk) problems.push(`${key}['${route}'] must be a rate 0..1 or {rate?, next?}`);
  }
  return problems;
}

function limitProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['maxarLimits must be an object'];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    if (!(LIMIT_NAMES as readonly string[]).includes(k)) return [`unknown Maxar limit '${k}'`];
    return v === null || typeof v === 'number' ? [] : [`maxarLimits.${k} must be a number or null`];
  });
}
