/**
 * The sandbox: a stateful HTTP simulator of the OneAtlas and Maxar ARD APIs on one loopback port, with
 * fault knobs and call counters. Started by `orderform sandbox` and in-process by tests.
 */
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_KEYS, TokenIssuer } from './auth.js';
import { buildCatalog, DEFAULT_CATALOG_SIZE, type Catalog } from './catalog.js';
import type { Sim } from './context.js';
import { defaultKnobs, type SandboxKnobs } from './knobs.js';
import { ACQUISITIONS as MAXAR_ACQUISITIONS, ACCOUNT_ID, MAXAR_PREFIX, seededOrders, USERS as MAXAR_USERS } from './maxar/seed.js';
import { CONTRACTS } from './oneatlas/seed.js';
import { mulberry32 } from './prng.js';
import { Router } from './router.js';
import { ROUTES } from './routes.js';
import { createSimServer } from './server.js';
import { Store, type StoreData } from './store.js';

export type { FaultMap, FaultSpec, SandboxKnobs } from './knobs.js';
export { SHOWCASE as SHOWCASE_CATALOG_ITEMS } from './catalog-showcase.js';
export { API_KEYS };
export const MAXAR_ACCOUNT_ID = ACCOUNT_ID;
export const MAXAR_ACQUISITION_IDS = MAXAR_ACQUISITIONS.map((a) => a.acquisition_id);
/** Sandbox Maxar logins: `user` (role user, what `env` exports) and `admin`. */
export const MAXAR_LOGIN = MAXAR_USERS.find((u) => !u.admin)!;
export const MAXAR_ADMIN_LOGIN = MAXAR_USERS.find((u) => u.admin)!;

export interface SandboxOptions {
  port?: number;
  host?: string;
  seed?: number;
  stateFile?: string;
  latencyMs?: number;
  jitterMs?: number;
  deliveryDelayMs?: number;
  tokenLifetimeSec?: number;
  quotationValidityMs?: number;
  now?: () => Date;
  /** Initial knobs beyond the options above (fault maps, price multiplier…). */
  knobs?: Partial<SandboxKnobs>;
  /** Catalog size (default 10600: past the 10000-result cap). */
  catalogSize?: number;
  /** Where log lines go (default: nowhere). */
  log?: (line: string) => void;
  /** Injected for tests of the latency knobs. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Sandbox {
  url: string;
  port: number;
  env: Record<string, string>;
  knobs: SandboxKnobs;
  calls(): Record<string, number>;
  resetCalls(): void;
  /** Makes a Pléiades Neo quotation past its validity now; false when there is no such quotation. */
  expireQuotation(quotationId: string): boolean;
  /** Back to what it held when started: seeded vendor data, the starting knobs, no calls counted (tests sharing one sandbox). */
  reset(): void;
  close(): Promise<void>;
}

function initialData(now: Date): StoreData {
  return {
    version: 1,
    seq: { maxarOrder: 3 },
    credit: Object.fromEntries(CONTRACTS.map((c) => [c.contractId, c.initialCredit])),
    workOrders: [],
    alerts: [],
    maxarOrders: seededOrders(now),
  };
}

export function sandboxEnv(url: string): Record<string, string> {
  return {
    ORDERFORM_ONEATLAS_AUTH_URL: url,
    ORDERFORM_ONEATLAS_ORDER_URL: url,
    ORDERFORM_ONEATLAS_SEARCH_URL: url,
    ORDERFORM_ONEATLAS_DATA_URL: url,
    ORDERFORM_ONEATLAS_API_KEY: API_KEYS.oneatlas,
    ORDERFORM_MAXAR_URL: `${url}${MAXAR_PREFIX}`,
    // The user-role login: everything orderform does must work without the admin role.
    ORDERFORM_MAXAR_USERNAME: MAXAR_LOGIN.username,
    ORDERFORM_MAXAR_PASSWORD: MAXAR_LOGIN.password,
  };
}

/**
 * Catalogs by seed and size, built once per process: building 10,600 items is most of a sandbox's start-up,
 * and tests start many sandboxes. Nothing writes to a catalog, so sharing one is safe.
 */
const catalogs = new Map<string, Catalog>();
function catalogFor(seed: number, size: number): Catalog {
  const key = `${seed}:${size}`;
  const catalog = catalogs.get(key) ?? buildCatalog(seed, size);
  catalogs.set(key, catalog);
  return catalog;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const seed = opts.seed ?? 1;
  const host = opts.host ?? '127.0.0.1';
  const clock = opts.now ?? (() => new Date());
  const knobs = defaultKnobs({
    latencyMs: opts.latencyMs ?? 0,
    jitterMs: opts.jitterMs ?? 0,
    deliveryDelayMs: opts.deliveryDelayMs ?? 3000,
    tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600,
    quotationValidityMs: opts.quotationValidityMs ?? 24 * 3600 * 1000,
    ...opts.knobs,
  });
  const rand = mulberry32(seed);
  const now = () => new Date(clock().getTime() + knobs.clockOffsetMs);
  const store = new Store(() => initialData(now()), opts.stateFile);
  const sim: Sim = { store, catalog: catalogFor(seed, opts.catalogSize ?? DEFAULT_CATALOG_SIZE), knobs, tokens: new TokenIssuer(rand), now, baseUrl: '' };
  let counters: Record<string, number> = {};
  const calls = () => ({ ...counters });
  const resetCalls = () => {
    counters = {};
  };
  const expireQuotation = (id: string): boolean => {
    const rec = store.data.workOrders.find((w) => w.quotationId === id);
    if (!rec) return false;
    rec.quotationEndOfValidityDate = new Date(now().getTime() - 1).toISOString();
    store.commit();
    return true;
  };
  const startingKnobs = structuredClone(knobs);
  const reset = () => {
    delete store.data.maxarSelects;
    Object.assign(store.data, initialData(now()));
    store.commit();
    Object.assign(knobs, structuredClone(startingKnobs));
    resetCalls();
  };
  const server = createSimServer({
    sim,
    router: new Router(ROUTES),
    admin: { knobs, calls, resetCalls, expireQuotation },
    count: (route) => {
      counters[route] = (counters[route] ?? 0) + 1;
    },
    rand,
    sleep: opts.sleep ?? ((ms) => sleep(ms)),
    log: opts.log ?? (() => undefined),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  sim.baseUrl = url;
  return {
    url,
    port,
    env: sandboxEnv(url),
    knobs,
    calls,
    resetCalls,
    expireQuotation,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
