/**
 * The one HTTP transport both vendors share (the only module importing undici): bearer tokens with
 * a lifecycle, bounded concurrency, retries for safe calls only, timeouts, secret redaction, and
 * progress through a hook instead of printing.
 *
 * Retry policy (money is at stake, so mutations are conservative):
 * - A *safe* call (GET, or a POST marked `safe`: token, opensearch, prices, options, v2 orders
 *   search) is retried on network errors, timeouts, 429 and 5xx, with exponential backoff and full
 *   jitter, honouring `Retry-After`, within `maxAttempts` and `maxTotalWaitMs`.
 * - An *unsafe* call (order, quotation request, accept/refuse, alert create/rename/delete) is
 *   retried only when the server cannot have acted on it: the connection was never established
 *   (refused, DNS, connect timeout), or a 429 *with* `Retry-After` (the server says it shed the
 *   request and when to come back). A 503 is not enough: gateways answer it after forwarding too.
 *   A dropped connection, a timeout or a 5xx after the request may have reached the server throws
 *   `OutcomeUnknownError`; the executor then looks the object up instead of sending it again.
 * - A 401 on an authenticated call means the token was refused before any processing: the token is
 *   renewed once and the call repeated, for safe and unsafe calls alike.
 */
import type { Dispatcher } from 'undici';
import { DiagnosticsError, error } from '../diagnostics.js';
import { Redactor } from './redact.js';
import { WireFormatError } from './wire-read.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type QueryValue = string | number | boolean | undefined | readonly (string | number | boolean)[];

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL (base + path). */
  url: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Safe to repeat (no remote effect). Default: true for GET, false otherwise. */
  safe?: boolean;
  auth?: BearerAuth;
  /** `bytes` for binary downloads (quotation PDF). Default `json`. */
  responseType?: 'json' | 'bytes';
}

/** A streamed GET (delivered products): the body goes to `sink` chunk by chunk instead of into memory. */
export interface DownloadRequest {
  url: string;
  auth?: BearerAuth;
  /** Bytes already held: asks for the rest with `Range: bytes=<offset>-`. */
  offset?: number;
  /** Called once the status is known, before the first chunk (206: the range was honoured). */
  onStart?: (status: number, headers: Record<string, string>) => void | Promise<void>;
  sink: (chunk: Uint8Array) => void | Promise<void>;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON (undefined when empty) or the raw bytes. */
  body: T;
}

export type HttpEvent =
  | { type: 'request'; method: HttpMethod; url: string; attempt: number }
  | { type: 'response'; method: HttpMethod; url: string; attempt: number; status: number; ms: number }
  | { type: 'retry'; method: HttpMethod; url: string; attempt: number; reason: string; waitMs: number }
  | { type: 'token'; name: string; reason: TokenRefreshReason; ms: number };

export type TokenRefreshReason = 'initial' | 'expiring' | 'rejected';

export interface RetryOptions {
  /** Total tries including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up rather than wait past this in total (a longer Retry-After is not honoured). */
  maxTotalWaitMs: number;
}

export interface HttpOptions {
  /** undici dispatcher; default a keep-alive Agent owned (and closed) by the client. */
  dispatcher?: Dispatcher;
  /** Requests in flight at once. Default 10. */
  concurrency?: number;
  retry?: Partial<RetryOptions>;
  timeouts?: { connectMs?: number; requestMs?: number };
  onEvent?: (e: HttpEvent) => void;
  /** Injected for tests: jitter source and sleeping. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const DEFAULT_RETRY: RetryOptions = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 8_000, maxTotalWaitMs: 60_000 };

/** A non-2xx answer, with the vendor's `{code, description}` / `{message}` / `{error, message}` parsed. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly method: HttpMethod,
    /** Redacted. */
    readonly url: string,
    readonly code: string | undefined,
    readonly vendorMessage: string,
    /** Redacted parsed JSON, or text. */
    readonly body: unknown,
  ) {
    super(`${method} ${url} failed: HTTP ${status}${code ? ` ${code}` : ''}${vendorMessage ? `: ${vendorMessage}` : ''}`);
  }
}

/** The request could not be completed and never took effect (or was safe): nothing was answered. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly method: HttpMethod,
    readonly url: string,
    readonly reason: string,
    /** The OS or undici error code (ECONNREFUSED, ENOTFOUND, …), for engine/system-errors.ts. */
    readonly code?: string,
  ) {
    super(`${method} ${url} failed: ${reason}`);
  }
}

/** A mutation may or may not have happened remotely: look the object up, never resend blindly. */
export class OutcomeUnknownError extends Error {
  override readonly name = 'OutcomeUnknownError';
  constructor(
    readonly method: HttpMethod,
    readonly url: string,
    readonly reason: string,
    /** The HTTP status when the server answered with a 5xx. */
    readonly status?: number,
  ) {
    super(`${method} ${url}: outcome unknown (${reason}); the request may have been processed`);
  }
}

export interface Token {
  accessToken: string;
  /** Lifetime in seconds from now. */
  expiresInSec: number;
}

/** Exchanges an API key for a token (one vendor's token endpoint), through the given client. */
export type TokenFetcher = (http: HttpClient) => Promise<Token>;

/**
 * A bearer token cached until shortly before expiry (margin: 60 s or 10 % of the lifetime,
 * whichever is smaller), renewed once when refused, and single-flight: concurrent callers share
 * one token request.
 */
export class BearerAuth {
  private current: { token: string; renewAt: number } | undefined;
  private inflight: Promise<string> | undefined;

  constructor(
    readonly name: string,
    private readonly fetcher: TokenFetcher,
    private readonly http: HttpClient,
  ) {}

  async token(): Promise<string> {
    if (this.current && this.http.now() < this.current.renewAt) return this.current.token;
    return this.refresh(this.current ? 'expiring' : 'initial');
  }

  /** The server refused `token`: renew unless someone already did. */
  async rejected(token: string): Promise<string> {
    if (this.current?.token === token) {
      this.current = undefined;
      return this.refresh('rejected');
    }
    return this.inflight ?? this.token();
  }

  private refresh(reason: TokenRefreshReason): Promise<string> {
    this.inflight ??= this.fetch(reason).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetch(reason: TokenRefreshReason): Promise<string> {
    const started = this.http.now();
    const t = await this.fetcher(this.http);
    this.http.addSecret(t.accessToken);
    const lifetimeMs = Math.max(0, t.expiresInSec) * 1000;
    const marginMs = Math.min(60_000, lifetimeMs * 0.1);
    this.current = { token: t.accessToken, renewAt: this.http.now() + lifetimeMs - marginMs };
    this.http.emit({ type: 'token', name: this.name, reason, ms: this.http.now() - started });
    return t.accessToken;
  }
}

/** How a vendor exchanges its API key for a token: a form POST answering `{access_token, expires_in}`. */
export interface ApiKeyAuthOptions {
  /** Token cache name shown in events, e.g. `oneatlas`. */
  name: string;
  /** Vendor name for messages, e.g. `OneAtlas`. */
  vendor: string;
  url: string;
  apiKey: string;
  /** The variable the key came from, named when the vendor refuses it. */
  apiKeyEnv: string;
  /** Form fields besides `apikey`. */
  form?: Record<string, string>;
  read: (body: unknown) => { access_token: string; expires_in: number | string };
}

/**
 * The API-key-for-token exchange both vendors use: a safe form POST. A refused key (401/403) becomes
 * a user-facing `INVALID_CREDENTIALS` diagnostic naming the variable that holds it.
 */
function apiKeyTokenFetcher(opts: ApiKeyAuthOptions): TokenFetcher {
  return async (http) => {
    try {
      const res = await http.request({ method: 'POST', url: opts.url, form: { apikey: opts.apiKey, ...opts.form }, safe: true });
      const t = opts.read(res.body);
      return { accessToken: t.access_token, expiresInSec: Number(t.expires_in) };
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 403)) {
        throw new DiagnosticsError([
          error(
            'INVALID_CREDENTIALS',
            `${opts.vendor} refused the API key in ${opts.apiKeyEnv}`,
            undefined,
            `Set ${opts.apiKeyEnv} to a valid, unexpired API key. (${err.message})`,
          ),
        ]);
      }
      throw err;
    }
  };
}

/** Errors raised before a connection existed: the server cannot have seen the request. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

interface Failure {
  reason: string;
  code?: string;
  mayHaveReachedServer: boolean;
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** undici's request function and the dispatcher a client sends through. */
interface Transport {
  request: (typeof import('undici'))['request'];
  dispatcher: Dispatcher;
}

export class HttpClient {
  /** Loaded on the first request: commands that never call a vendor (validate) start without undici. */
  private transportP?: Promise<Transport>;
  private readonly connectMs: number;
  private readonly ownsDispatcher: boolean;
  private readonly slots: Semaphore;
  private readonly retry: RetryOptions;
  private readonly requestMs: number;
  private readonly redactor = new Redactor();
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;

  constructor(private readonly options: HttpOptions = {}) {
    this.connectMs = options.timeouts?.connectMs ?? 10_000;
    this.requestMs = options.timeouts?.requestMs ?? 60_000;
    this.ownsDispatcher = !options.dispatcher;
    this.slots = new Semaphore(Math.max(1, options.concurrency ?? 10));
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = options.now ?? Date.now;
  }

  /** Registers a secret (API key, token) to be masked in everything this client reports. */
  addSecret(secret: string): void {
    this.redactor.add(secret);
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }

  bearer(name: string, fetcher: TokenFetcher): BearerAuth {
    return new BearerAuth(name, fetcher, this);
  }

  /** Bearer tokens from an API key; the key is registered for redaction. */
  apiKeyAuth(opts: ApiKeyAuthOptions): BearerAuth {
    this.addSecret(opts.apiKey);
    return this.bearer(opts.name, apiKeyTokenFetcher(opts));
  }

  emit(e: HttpEvent): void {
    try {
      this.options.onEvent?.(e);
    } catch {
      // A faulty progress hook must not break a purchase.
    }
  }

  private transport(): Promise<Transport> {
    this.transportP ??= import('undici').then((u) => ({
      request: u.request,
      dispatcher: this.options.dispatcher ?? new u.Agent({ connect: { timeout: this.connectMs }, keepAliveTimeout: 4_000 }),
    }));
    return this.transportP;
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher && this.transportP) await (await this.transportP).dispatcher.close();
  }

  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    const safe = req.safe ?? req.method === 'GET';
    const url = withQuery(req.url, req.query);
    const shown = this.redact(url);
    let waited = 0;
    let tokenRenewed = false;
    for (let attempt = 1; ; attempt++) {
      const token = req.auth ? await req.auth.token() : undefined;
      const result = await this.slots.run(() => this.send(req, url, shown, token, attempt));

      let wait: number;
      let reason: string;
      let giveUp: Error;
      if ('reason' in result) {
        if (!safe && result.mayHaveReachedServer) throw new OutcomeUnknownError(req.method, shown, result.reason);
        giveUp = new NetworkError(req.method, shown, result.reason, result.code);
        wait = this.backoff(attempt);
        reason = result.reason;
      } else {
        if (result.status === 401 && req.auth && token && !tokenRenewed) {
          tokenRenewed = true;
          await req.auth.rejected(token);
          attempt--;
          continue;
        }
        if (result.status < 400) return { status: result.status, headers: result.headers, body: this.decode(result, req) as T };
        const error = this.httpError(req.method, shown, result);
        const retryAfter = parseRetryAfter(result.headers['retry-after'], this.now());
        const transient = result.status === 429 || result.status >= 500;
        if (!transient) throw error;
        if (!safe) {
          if (result.status >= 500) throw new OutcomeUnknownError(req.method, shown, `HTTP ${result.status}`, result.status);
          if (retryAfter === undefined) throw error;
        }
        giveUp = error;
        wait = retryAfter ?? this.backoff(attempt);
        reason = `HTTP ${result.status}${retryAfter !== undefined ? ` (Retry-After ${Math.ceil(retryAfter / 1000)} s)` : ''}`;
      }
      if (attempt >= this.retry.maxAttempts || waited + wait > this.retry.maxTotalWaitMs) throw giveUp;
      this.emit({ type: 'retry', method: req.method, url: shown, attempt, reason, waitMs: wait });
      await this.sleep(wait);
      waited += wait;
    }
  }

  /**
   * A streamed GET (delivered products) into `req.sink`, one attempt, the token renewed once on a
   * 401: a broken stream is a NetworkError and the caller resumes from what it kept. Non-2xx answers
   * (416 included) are HttpErrors. Returns the status (200, or 206 when the range was honoured).
   */
  async download(req: DownloadRequest): Promise<number> {
    const shown = this.redact(req.url);
    for (let renewed = false; ; renewed = true) {
      const token = req.auth ? await req.auth.token() : undefined;
      const headers: Record<string, string> = { accept: '*/*' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (req.offset) headers.range = `bytes=${req.offset}-`;
      const status = await this.slots.run(async () => {
        let ownError: unknown;
        this.emit({ type: 'request', method: 'GET', url: shown, attempt: 1 });
        const started = this.now();
        try {
          const { request, dispatcher } = await this.transport();
          const res = await request(req.url, { dispatcher, method: 'GET', headers, headersTimeout: this.requestMs, bodyTimeout: this.requestMs });
          this.emit({ type: 'response', method: 'GET', url: shown, attempt: 1, status: res.statusCode, ms: this.now() - started });
          const resHeaders = flattenHeaders(res.headers);
          if (res.statusCode >= 300) {
            const bytes = new Uint8Array(await res.body.arrayBuffer());
            if (res.statusCode === 401 && token && !renewed) return 401;
            throw this.httpError('GET', shown, { status: res.statusCode, headers: resHeaders, bytes });
          }
          // The caller's own failures (a full disk while writing) pass through as they are, not as network errors.
          const own = async (step: () => void | Promise<void>) => {
            try {
              await step();
            } catch (e) {
              ownError = e;
              throw e;
            }
          };
          await own(() => req.onStart?.(res.statusCode, resHeaders));
          for await (const chunk of res.body) await own(() => req.sink(chunk as Uint8Array));
          return res.statusCode;
        } catch (err) {
          if (err instanceof HttpError || err === ownError) throw err;
          const code = errorCode(err);
          throw new NetworkError('GET', shown, this.redact(`${code ?? 'network error'}: ${(err as Error).message ?? String(err)}`), code);
        }
      });
      if (status === 401 && token && !renewed) {
        await req.auth!.rejected(token);
        continue;
      }
      return status;
    }
  }

  /** Full jitter: uniform in [0, min(max, base·2^(attempt−1))]. */
  private backoff(attempt: number): number {
    const cap = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(this.random() * cap);
  }

  private async send(
    req: HttpRequest,
    url: string,
    shown: string,
    token: string | undefined,
    attempt: number,
  ): Promise<RawResponse | Failure> {
    const headers: Record<string, string> = {
      accept: req.responseType === 'bytes' ? '*/*' : 'application/json',
      ...req.headers,
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    } else if (req.form) {
      body = new URLSearchParams(req.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (token) headers.authorization = `Bearer ${token}`;

    const { request, dispatcher } = await this.transport();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.requestMs);
    const started = this.now();
    this.emit({ type: 'request', method: req.method, url: shown, attempt });
    try {
      const res = await request(url, {
        dispatcher,
        method: req.method,
        headers,
        body,
        signal: abort.signal,
        headersTimeout: this.requestMs,
        bodyTimeout: this.requestMs,
      });
      const bytes = new Uint8Array(await res.body.arrayBuffer());
      const status = res.statusCode;
      this.emit({ type: 'response', method: req.method, url: shown, attempt, status, ms: this.now() - started });
      return { status, headers: flattenHeaders(res.headers), bytes };
    } catch (err) {
      if (abort.signal.aborted) return { reason: `timed out after ${this.requestMs} ms`, mayHaveReachedServer: true };
      const code = errorCode(err);
      return {
        reason: this.redact(`${code ?? 'network error'}: ${(err as Error).message ?? String(err)}`),
        ...(code ? { code } : {}),
        mayHaveReachedServer: !(code && NOT_SENT_CODES.has(code)),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  private decode(res: RawResponse, req: HttpRequest): unknown {
    if (req.responseType === 'bytes') return res.bytes;
    const text = new TextDecoder().decode(res.bytes);
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new WireFormatError(`${req.method} ${this.redact(req.url)}`, '', 'JSON');
    }
  }

  private httpError(method: HttpMethod, shown: string, res: RawResponse): HttpError {
    const text = this.redact(new TextDecoder().decode(res.bytes));
    let body: unknown = text.slice(0, 2_000);
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (a proxy page): keep the text.
    }
    const { code, message } = vendorError(body);
    return new HttpError(res.status, method, shown, code, message, body);
  }
}

/** The shapes seen across hosts: `{code, description}`, `{errorCode?, message}`, `{error, message | error_description}`, ApiError `{internalCode, message, hint}`. */
export function vendorError(body: unknown): { code: string | undefined; message: string } {
  if (typeof body === 'string') return { code: undefined, message: body.slice(0, 200) };
  if (!body || typeof body !== 'object') return { code: undefined, message: '' };
  const b = body as Record<string, unknown>;
  const s = (k: string): string | undefined => (typeof b[k] === 'string' && b[k] !== '' ? (b[k] as string) : undefined);
  // ApiError's `hint` is prose on the real hosts, but a machine code when it looks like one.
  const hintCode = /^[A-Z][A-Z0-9_]+$/.test(s('hint') ?? '') ? s('hint') : undefined;
  const code = s('code') ?? s('errorCode') ?? s('error') ?? hintCode;
  const message = s('description') ?? s('message') ?? s('error_description') ?? s('hint') ?? '';
  return { code, message };
}

/** Retry-After as delta-seconds or an HTTP date → milliseconds to wait (undefined when absent or unreadable). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A base URL (which may carry a path prefix) plus an absolute path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/**
 * Sends a mutation and reads its answer. A 2xx that cannot be read (not JSON, a documented field
 * missing) still means the vendor acted, only we cannot tell on what: that is an unknown outcome
 * (the executor looks the object up by its reference), never a failure that invites a resend.
 */
export async function mutation<T>(method: HttpMethod, what: string, send: () => Promise<unknown>, read: (body: unknown) => T): Promise<T> {
  try {
    return read(await send());
  } catch (err) {
    if (err instanceof WireFormatError) throw new OutcomeUnknownError(method, what, `the answer could not be read: ${err.message}`);
    throw err;
  }
}

/** For lookups: a 404 means "not there" (null); any other failure propagates. */
export function nullOn404(err: unknown): null {
  if (err instanceof HttpError && err.status === 404) return null;
  throw err;
}

function withQuery(url: string, query: HttpRequest['query']): string {
  if (!query) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) u.searchParams.append(k, String(item));
  }
  return u.toString();
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The error code along the cause chain, preferring one that proves the request was never sent. */
function errorCode(err: unknown): string | undefined {
  const codes: string[] = [];
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
  }
  return codes.find((c) => NOT_SENT_CODES.has(c)) ?? codes[0];
}
