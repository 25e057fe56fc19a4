/**
 * Typed calls to every OneAtlas endpoint orderform uses (order, search, data and auth hosts).
 * Answers are checked by the readers in wire.ts; nothing here knows the domain model.
 */
import type { OneAtlasEndpoints } from '../../model.js';
import { joinUrl as url, mutation, nullOn404, type BearerAuth, type DownloadRequest, type HttpClient, type HttpMethod, type QueryValue } from '../http.js';
import { clampPage, offsetList, type PagedList } from '../paging.js';
import {
  readAlert,
  readAlertList,
  readContracts,
  readDeliveryTypes,
  readMarkets,
  readMe,
  readOptions,
  readOrderCreated,
  readOrdersSearch,
  readPrice,
  readProductTypes,
  readProperties,
  readQuotation,
  readQuotationDecision,
  readSearch,
  readToken,
  type WireAlert,
  type WireAlertCreate,
  type WireContract,
  type WireDeliveryType,
  type WireFeature,
  type WireMarket,
  type WireMe,
  type WireOption,
  type WireOptionsRequest,
  type WireOrderCreated,
  type WireOrderLine,
  type WirePrice,
  type WireProductType,
  type WireProperty,
  type WireQuotation,
  type WireQuotationDecision,
  type WireSearchRequest,
  type WireWorkOrder,
} from './wire.js';

export interface OneAtlasClientOptions {
  http: HttpClient;
  endpoints: OneAtlasEndpoints;
  apiKey: string;
  /** Named in the error when the key is refused. */
  apiKeyEnv: string;
}

type Host = keyof OneAtlasEndpoints;

interface Call {
  query?: Record<string, QueryValue>;
  json?: unknown;
  safe?: boolean;
}

/** Opensearch never serves past item 10 000 (vendor cap). */
const SEARCH_WINDOW = 10_000;
/** Largest pages each list accepts (vendor caps; alerts and order lines per the wire contract). */
const MAX_SEARCH_PAGE = 500;
const MAX_ORDER_LINES_PAGE = 500;
const MAX_ALERTS_PAGE = 100;

export class OneAtlasClient {
  private readonly auth: BearerAuth;

  constructor(private readonly opts: OneAtlasClientOptions) {
    this.auth = opts.http.apiKeyAuth({
      name: 'oneatlas',
      vendor: 'OneAtlas',
      url: url(opts.endpoints.auth, '/auth/realms/IDP/protocol/openid-connect/token'),
      apiKey: opts.apiKey,
      apiKeyEnv: opts.apiKeyEnv,
      form: { grant_type: 'api_key', client_id: 'IDP' },
      read: readToken,
    });
  }

  // ---- discovery ----

  async contracts(): Promise<WireContract[]> {
    return readContracts(await this.call('order', 'GET', '/api/v1/contracts'));
  }

  /** The legacy (SPOT/Pléiades) delivery workspace lives on the user profile. */
  async me(): Promise<WireMe> {
    return readMe(await this.call('data', 'GET', '/api/v1/me'));
  }

  async productTypes(contractId: string): Promise<WireProductType[]> {
    return readProductTypes(await this.call('order', 'GET', `/api/v1/contracts/${seg(contractId)}/productTypes`));
  }

  async markets(contractId: string): Promise<WireMarket[]> {
    return readMarkets(await this.contractScoped(contractId, 'properties'));
  }

  async deliveryTypes(contractId: string): Promise<WireDeliveryType[]> {
    return readDeliveryTypes(await this.contractScoped(contractId, 'deliveryTypes'));
  }

  async options(contractId: string, productTypeId: string, body: WireOptionsRequest): Promise<WireOption[]> {
    const path = `/api/v1/contracts/${seg(contractId)}/productTypes/${seg(productTypeId)}/options`;
    return readOptions(await this.call('order', 'POST', path, { json: body, safe: true }));
  }

  /** Countries and end-user labels (`key: "countries" | "labels"`). */
  async properties(): Promise<WireProperty[]> {
    return readProperties(await this.call('order', 'GET', '/api/v1/properties'));
  }

  // ---- catalogue and workspace search ----

  /** Every feature matching `criteria`, fetched page by page as the caller iterates (documented paging: 1-based `startPage`). */
  search(criteria: Omit<WireSearchRequest, 'startPage' | 'itemsPerPage'>, pageSize = 100): PagedList<WireFeature> {
    return offsetList(clampPage(pageSize, MAX_SEARCH_PAGE), async ({ startPage, itemsPerPage }) => {
      const body: WireSearchRequest = { ...criteria, itemsPerPage, startPage };
      const res = readSearch(await this.call('search', 'POST', '/api/v2/opensearch', { json: body, safe: true }));
      return { items: res.features, start: res.startIndex, total: Math.min(res.totalResults, SEARCH_WINDOW) };
    }, 'OneAtlas POST /api/v2/opensearch');
  }

  /** Delivered products in a workspace, optionally those of one order (`customerReference`) matching `criteria`. */
  workspaceItems(workspace: string, customerReference?: string, criteria: Omit<WireSearchRequest, 'startPage' | 'itemsPerPage' | 'workspace'> = {}): PagedList<WireFeature> {
    return this.search({ ...criteria, workspace, ...(customerReference ? { customerReference } : {}) });
  }

  // ---- pricing, quotations, orders ----

  async price(body: WireWorkOrder): Promise<WirePrice> {
    return readPrice(await this.call('order', 'POST', '/api/v1/prices', { json: body, safe: true }));
  }

  /** Creates a remote quotation (Pléiades Neo): never retried once sent. */
  async requestQuotation(body: WireWorkOrder): Promise<WireQuotation> {
    return this.mutate('order', 'POST', '/api/v1/quotations', body, readQuotation);
  }

  /** Places an order (legacy: spends credit; Neo: answers a quotation id). Never retried once sent. */
  async createOrder(body: WireWorkOrder): Promise<WireOrderCreated> {
    return this.mutate('order', 'POST', '/api/v1/orders', body, readOrderCreated);
  }

  /** The quotation as a PDF. */
  async exportQuotation(quotationId: string): Promise<Uint8Array> {
    const res = await this.opts.http.request<Uint8Array>({
      method: 'GET',
      url: url(this.opts.endpoints.order, `/api/v1/quotations/${seg(quotationId)}/export`),
      auth: this.auth,
      responseType: 'bytes',
    });
    return res.body;
  }

  /** Streams a delivered product (a workspace item's download link) with this client's token: one exchange for both. */
  async download(req: Omit<DownloadRequest, 'auth'>): Promise<number> {
    return this.opts.http.download({ ...req, auth: this.auth });
  }

  async acceptQuotation(contractId: string, quotationId: string): Promise<WireQuotationDecision> {
    const path = `/api/v1/contracts/${seg(contractId)}/quotations/${seg(quotationId)}/accept`;
    return this.mutate('order', 'PUT', path, undefined, (b) => readQuotationDecision(b, 'accept'));
  }

  /** `rejectionReasonId` 1–7 (see REJECTION_REASONS). */
  async refuseQuotation(contractId: string, quotationId: string, rejectionReasonId: number): Promise<WireQuotationDecision> {
    const path = `/api/v1/contracts/${seg(contractId)}/quotations/${seg(quotationId)}/refuse`;
    return this.mutate('order', 'PUT', path, { rejectionReasonId }, (b) => readQuotationDecision(b, 'refuse'));
  }

  /** Pléiades Neo order lines matching a query such as `(customerReference:abc) AND (contractId:CTR1)`. */
  searchOrders(q: string, pageSize = 50): PagedList<WireOrderLine> {
    return offsetList(clampPage(pageSize, MAX_ORDER_LINES_PAGE), async ({ startIndex, itemsPerPage }) => {
      const body = { paging: { itemsPerPage, startIndex, pagingMode: 'item' }, criteria: { q } };
      const res = readOrdersSearch(await this.call('order', 'POST', '/api/v2/orders/search', { json: body, safe: true }));
      return { items: res.features, start: res.paging.startIndex, total: res.paging.totalResults };
    }, 'OneAtlas POST /api/v2/orders/search');
  }

  // ---- alerts (data host) ----

  /**
   * Alerts of a context. The seed documents the answer's 0-based `startIndex` but not the request's paging
   * parameters: both `startIndex` and the 1-based `startPage` are sent (always naming the same page).
   */
  alerts(context: string, pageSize = MAX_ALERTS_PAGE): PagedList<WireAlert> {
    return offsetList(clampPage(pageSize, MAX_ALERTS_PAGE), async ({ startIndex, startPage, itemsPerPage }) => {
      const query = { context, itemsPerPage, startIndex, startPage };
      const res = readAlertList(await this.call('data', 'GET', '/api/v1/alerts', { query }));
      return { items: res.items, start: res.startIndex, total: res.totalResults };
    }, 'OneAtlas GET /api/v1/alerts');
  }

  async createAlert(body: WireAlertCreate): Promise<WireAlert> {
    return this.mutate('data', 'POST', '/api/v1/alerts', body, readAlert);
  }

  /** Only the name of an alert can change in place. */
  async renameAlert(id: string, name: string): Promise<WireAlert> {
    return this.mutate('data', 'PUT', `/api/v1/alerts/${seg(id)}`, { name }, readAlert);
  }

  /** False when the alert was already gone. */
  async deleteAlert(id: string): Promise<boolean> {
    const res = await this.call('data', 'DELETE', `/api/v1/alerts/${seg(id)}`)
      .then(() => true)
      .catch(nullOn404);
    return res !== null;
  }

  // ---- plumbing ----

  private async call(host: Host, method: HttpMethod, path: string, c: Call = {}): Promise<unknown> {
    const res = await this.opts.http.request({ method, url: url(this.opts.endpoints[host], path), auth: this.auth, ...c });
    return res.body;
  }

  /** An unsafe call whose unreadable 2xx answer is an unknown outcome (see `mutation`). */
  private mutate<T>(host: Host, method: HttpMethod, path: string, json: unknown, read: (body: unknown) => T): Promise<T> {
    return mutation(method, `${method} ${path}`, () => this.call(host, method, path, { json }), read);
  }

  /** The vendor documents both `/api/v1/contracts/{id}/X` and `/api/v1/{id}/X`: try the first, fall back on 404. */
  private async contractScoped(contractId: string, what: 'properties' | 'deliveryTypes'): Promise<unknown> {
    const first = await this.call('order', 'GET', `/api/v1/contracts/${seg(contractId)}/${what}`).catch(nullOn404);
    return first ?? this.call('order', 'GET', `/api/v1/${seg(contractId)}/${what}`);
  }
}

const seg = encodeURIComponent;
