/**
 * Typed calls to the Maxar ARD API (https://ard.maxar.com/api/v1): login, who am I, account, usage, cell
 * metadata, the dry-run estimate, placing an order, its status, both order listings, select.
 */
import { DiagnosticsError, error } from '../../diagnostics.js';
import { HttpError, joinUrl, mutation, nullOn404, type BearerAuth, type HttpClient, type HttpMethod, type QueryValue } from '../http.js';
import { clampPage, collect, paginate } from '../paging.js';
import { maxarLogin } from './login.js';
import {
  readAccount,
  readAccountUsage,
  readDownloadLink,
  readEstimate,
  readOrder,
  readOrderList,
  readPlaced,
  readSelect,
  readSelf,
  readTiles,
  type WireAccount,
  type WireAccountUsage,
  type WireOrder,
  type WireOrderQuery,
  type WireOrderRequest,
  type WireSelect,
  type WireSelectRequest,
  type WireSelf,
  type WireTile,
  type WireTileCollection,
  type WireUsage,
} from './wire.js';

export interface MaxarClientOptions {
  http: HttpClient;
  /** Base URL without `/api/v1`, e.g. `https://ard.maxar.com` (may carry a path prefix). */
  endpoint: string;
  /** Absent: the login's own account, from `GET /auth/self`. */
  accountId?: string;
  username: string;
  password: string;
  usernameEnv: string;
  passwordEnv: string;
  /** Where output write secrets are read, by the variable names the config gives. */
  env: Record<string, string | undefined>;
}

const seg = encodeURIComponent;

/** Largest `limit` asked of a listing: what the SDK always asks (session.py paginated_response). */
const MAX_ORDERS_PAGE = 100;

export class MaxarClient {
  private readonly auth: BearerAuth;
  private me: Promise<WireSelf> | undefined;
  /** The account listing answered 403 once: this login lists its own orders for the rest of the run. */
  private accountListingRefused = false;

  constructor(private readonly opts: MaxarClientOptions) {
    opts.http.addSecret(opts.password);
    this.auth = opts.http.bearer(
      'maxar',
      maxarLogin({ url: joinUrl(opts.endpoint, '/api/v1/auth/authenticate'), username: opts.username, password: opts.password, usernameEnv: opts.usernameEnv, passwordEnv: opts.passwordEnv }),
    );
  }

  /** Who the login is (read once per client). */
  self(): Promise<WireSelf> {
    if (!this.me) {
      this.me = this.call('GET', '/api/v1/auth/self').then(readSelf);
      this.me.catch(() => (this.me = undefined));
    }
    return this.me;
  }

  /** The configured account id, else the login's own. */
  async accountId(): Promise<string> {
    return this.opts.accountId ?? (await this.self()).user.account_id;
  }

  async account(): Promise<WireAccount> {
    return readAccount(await this.ofAccount('/api/v1/admin/account/'));
  }

  /** Spent so far since `since` (YYYY-MM-DD), else in the subscription period (USAGE docs: optional start_date, default period). */
  async usage(since?: string): Promise<WireAccountUsage> {
    return readAccountUsage(await this.call('GET', `/api/v1/usage/account/${seg(await this.accountId())}`, since ? { start_date: since } : undefined));
  }

  /**
   * A read of the account's own resource. Seed 004 opens it to the account's admins and users: a 403 (or 404)
   * says the configured account is not this login's [I].
   */
  private async ofAccount(path: string): Promise<unknown> {
    const id = await this.accountId();
    try {
      return await this.call('GET', `${path}${seg(id)}`);
    } catch (err) {
      if (!(err instanceof HttpError && (err.status === 403 || err.status === 404))) throw err;
      throw new DiagnosticsError([error('MAXAR_ACCOUNT_REFUSED', `Maxar refused account ${id} to the login in ${this.opts.usernameEnv}: ${err.vendorMessage || `HTTP ${err.status}`}`, undefined,
        `Check providers.maxar.accountId, or leave it out: orderform then uses the login's own account (\`orderform discover\` shows it). Nothing was ordered.`)]);
    }
  }

  /** Tiles of the given acquisitions, one call for all (META docs, SDK metadata.py search_by_area). */
  async tiles(acquisitionIds: readonly string[]): Promise<WireTile[]> {
    const body: WireTileCollection = readTiles(await this.call('POST', '/api/v1/metadata/cells/acquisitions', { format: 'geojson' }, { ids: acquisitionIds }, true));
    return body.features;
  }

  /** The vendor's own price and validation of an order: `dry_run: true` places nothing, so it is safe to repeat. */
  async estimate(body: WireOrderRequest): Promise<WireUsage> {
    return readEstimate(await this.call('POST', '/api/v1/order', undefined, { ...body, dry_run: true }, true));
  }

  /** Places an order: spends money, never retried once sent. */
  async placeOrder(body: WireOrderRequest): Promise<{ id: string; status?: string }> {
    const call = 'POST /api/v1/order';
    return mutation('POST', call, () => this.call('POST', '/api/v1/order', undefined, body), readPlaced);
  }

  /** Null for an unknown order id. */
  async order(orderId: string): Promise<WireOrder | null> {
    const body = await this.call('GET', `/api/v1/order/status/${seg(orderId)}`).catch(nullOn404);
    return body === null ? null : readOrder(body);
  }

  /** The login's own orders (any role). */
  myOrders(query: WireOrderQuery = {}): AsyncGenerator<WireOrder> {
    return this.list('/api/v1/order', 'GET /api/v1/order', query);
  }

  /** Every order of the account (seed 004: role admin). */
  async accountOrders(query: WireOrderQuery = {}): Promise<AsyncGenerator<WireOrder>> {
    return this.list(`/api/v1/admin/account/${seg(await this.accountId())}/order`, 'GET /api/v1/admin/account/{id}/order', query);
  }

  /**
   * Every order this login may list, whatever its role, never failing on the role: the account's listing
   * (seed 004, role admin: every user's orders) unless `/auth/self` says the login is no admin, else — or when
   * that listing answers 403 — the login's own (`GET /order`, any role; `user_id` applies to the account's only).
   */
  async visibleOrders(query: WireOrderQuery = {}): Promise<{ scope: 'account' | 'own'; orders: WireOrder[] }> {
    if (!this.accountListingRefused && (await this.self()).user.admin !== false) {
      try {
        return { scope: 'account', orders: await collect(await this.accountOrders(query)) };
      } catch (err) {
        if (!(err instanceof HttpError && err.status === 403)) throw err;
        this.accountListingRefused = true;
      }
    }
    const { user_id: _accountOnly, ...own } = query;
    return { scope: 'own', orders: await collect(this.myOrders(own)) };
  }

  /**
   * One listing page by page as the caller iterates: forward with `starting_after` (the last id seen), or
   * backward with `ending_before` when the query starts so (paginate refuses a cursor that comes back).
   */
  private list(path: string, call: string, query: WireOrderQuery): AsyncGenerator<WireOrder> {
    const backward = query.ending_before !== undefined && query.starting_after === undefined;
    const first = { ...query, ...(query.limit !== undefined ? { limit: clampPage(query.limit, MAX_ORDERS_PAGE) } : {}) };
    return paginate(first, async (q: WireOrderQuery) => {
      const { filter, ...rest } = q;
      const res = readOrderList(await this.call('GET', path, { ...rest, filter }), call);
      const edge = backward ? res.data[0] : res.data.at(-1);
      const next = res.has_more && edge ? (backward ? { ...q, ending_before: edge.id } : { ...q, starting_after: edge.id }) : undefined;
      return { items: res.data, next };
    }, `Maxar ${call}`);
  }

  /** Starts a select (SELECT docs); it costs nothing. */
  async select(body: WireSelectRequest): Promise<WireSelect> {
    return readSelect(await this.call('POST', '/api/v1/select', undefined, body, true), 'POST /api/v1/select');
  }

  async selectStatus(selectId: string): Promise<WireSelect> {
    return readSelect(await this.call('GET', `/api/v1/select/request/${seg(selectId)}`), 'GET /api/v1/select/request/{id}');
  }

  /** A select result file: its `links` entry gives a signed link, read without a token (SDK select.py get_link_contents). */
  async selectResult(link: string): Promise<WireTileCollection> {
    const { download_link } = readDownloadLink((await this.opts.http.request({ method: 'GET', url: link, auth: this.auth })).body);
    return readTiles((await this.opts.http.request({ method: 'GET', url: download_link })).body);
  }

  /** A secret named by the config (cloud write access), registered for redaction; MISSING_CREDENTIALS when unset. */
  secret(variable: string): string {
    const value = this.opts.env[variable]?.trim();
    if (!value) {
      throw new DiagnosticsError([error('MISSING_CREDENTIALS', `The environment variable ${variable} is not set`, undefined,
        `Set ${variable} to the write secret of the order's output location (it is sent to Maxar with the order, never written to state).`)]);
    }
    this.opts.http.addSecret(value);
    return value;
  }

  private async call(method: HttpMethod, path: string, query?: Record<string, QueryValue>, json?: unknown, safe?: boolean): Promise<unknown> {
    const res = await this.opts.http.request({ method, url: joinUrl(this.opts.endpoint, path), auth: this.auth, query, json, ...(safe ? { safe } : {}) });
    return res.body;
  }
}
