/** The types every route handler shares: the request as parsed once, the answer as data, the world it acts on. */
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenIssuer } from './auth.js';
import type { Catalog } from './catalog.js';
import type { SandboxKnobs } from './knobs.js';
import type { Store } from './store.js';

/** Which vendor host a route imitates: decides the error body shape and which token is accepted. */
export type Host = 'auth' | 'order' | 'search' | 'data' | 'maxar';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Values of the `{name}` segments of the route template. */
  params: Record<string, string>;
}

/** An answer as data: JSON `body`, raw `bytes`, or neither (204). */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  bytes?: Buffer;
}

/** What handlers read and change. `now()` already includes the clock-offset knob. */
export interface Sim {
  store: Store;
  catalog: Catalog;
  knobs: SandboxKnobs;
  tokens: TokenIssuer;
  now(): Date;
  /** `http://127.0.0.1:PORT`, for links in responses. */
  baseUrl: string;
}

export type Handler = (req: SimRequest, sim: Sim) => SimResponse;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * Path template with `{name}` segments, relative to the vendor base URL; `METHOD template` is the key
   * for counters and fault knobs (e.g. `POST /api/v1/orders`, `POST /api/v1/order` for Maxar).
   */
  template: string;
  /** Where the vendor's base URL sits on the sandbox port (`/maxar` for Maxar, none for OneAtlas). */
  prefix?: string;
  host: Host;
  handler: Handler;
  /**
   * A variant of the route counted (and faulted) under its own key `METHOD template (variant)`, e.g. a Maxar
   * dry-run order, which shares its route with a real one but changes nothing.
   */
  variant?: (query: URLSearchParams, rawBody: Buffer) => string | undefined;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}
