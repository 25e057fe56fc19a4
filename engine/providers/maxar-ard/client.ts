/**
 * Typed calls to the Maxar ARD endpoints orderform uses: account, acquisition lookup, the
 * account's order listing, placing and fetching an order.
 */
import { joinUrl, mutation, nullOn404, type BearerAuth, type HttpClient, type HttpMethod, type QueryValue } from '../http.js';
import { clampPage, paginate } from '../paging.js';
import {
  readAccount,
  readAcquisition,
  readOrderEnvelope,
  readOrderList,
  readToken,
  type WireAccount,
  type WireAcquisition,
  type WireOrder,
  type WireOrderQuery,
  type WireOrderRequest,
} from './wire.js';

export interface MaxarClientOptions {
  http: HttpClient;
  /** Base URL, e.g. `https://ard.maxar.com` (may carry a path prefix). */
  endpoint: string;
  accountId: string;
  apiKey: string;
  apiKeyEnv: string;
}

const seg = encodeURIComponent;

/** Largest `limit` the order listing accepts [I: wire contract]. */
const MAX_ORDERS_PAGE = 100;

export class MaxarClient {
  private readonly auth: BearerAuth;

  constructor(private readonly opts: MaxarClientOptions) {
    this.auth = opts.http.apiKeyAuth({
      name: 'maxar',
      vendor: 'Maxar ARD',
      url: joinUrl(opts.endpoint, '/api/v1/auth/token'),
      apiKey: opts.apiKey,
      apiKeyEnv: opts.apiKeyEnv,
      read: readToken,
    });
  }

  get accountId(): string {
    return this.opts.accountId;
  }

  async account(): Promise<WireAccount> {
    return readAccount(await this.call('GET', `/api/v1/admin/account/${seg(this.opts.accountId)}`));
  }

  /** Null for an unknown acquisition id. */
  async acquisition(acquisitionId: string): Promise<WireAcquisition | null> {
    const body = await this.call('GET', `/api/v1/acquisition/${seg(acquisitionId)}`).catch(nullOn404);
    return body === null ? null : readAcquisition(body);
  }

  /**
   * The account's orders matching `query`, page by page as the caller iterates: forward with
   * `starting_after` (the last id seen), or backward with `ending_before` when the query starts so.
   */
  orders(query: WireOrderQuery = {}): AsyncGenerator<WireOrder> {
    const backward = query.ending_before !== undefined && query.starting_after === undefined;
    const first = { ...query, ...(query.limit !== undefined ? { limit: clampPage(query.limit, MAX_ORDERS_PAGE) } : {}) };
    return paginate(first, async (q: WireOrderQuery) => {
      const { filter, ...rest } = q;
      const params: Record<string, QueryValue> = { ...rest, filter };
      const res = readOrderList(await this.call('GET', `/api/v1/admin/account/${seg(this.opts.accountId)}/order`, params));
      const edge = backward ? res.orders[0] : res.orders.at(-1);
      const next = res.has_more && edge ? (backward ? { ...q, ending_before: edge.order_id } : { ...q, starting_after: edge.order_id }) : undefined;
      return { items: res.orders, next };
    }, 'Maxar GET /api/v1/admin/account/{id}/order');
  }

  /** Places an order: spends money, never retried once sent. */
  async placeOrder(body: WireOrderRequest): Promise<WireOrder> {
    const call = 'POST /api/v1/order';
    return mutation('POST', call, () => this.call('POST', '/api/v1/order', undefined, body), (b) => readOrderEnvelope(b, call));
  }

  /** Null for an unknown order id. */
  async order(orderId: string): Promise<WireOrder | null> {
    const body = await this.call('GET', `/api/v1/order/${seg(orderId)}`).catch(nullOn404);
    return body === null ? null : readOrderEnvelope(body, 'GET /api/v1/order/{id}');
  }

  private async call(method: HttpMethod, path: string, query?: Record<string, QueryValue>, json?: unknown): Promise<unknown> {
    const res = await this.opts.http.request({ method, url: joinUrl(this.opts.endpoint, path), auth: this.auth, query, json });
    return res.body;
  }
}
