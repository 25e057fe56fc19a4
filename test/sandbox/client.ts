/** A tiny fetch client for sandbox tests: tokens for both vendors and JSON calls through real HTTP. */
import { MAXAR_LOGIN, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';
import { useSandbox as useFileSandbox } from '../support/sandbox.js';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export class TestClient {
  private tokens: Partial<Record<'oneatlas' | 'maxar', string>> = {};
  constructor(readonly sb: Sandbox) {}

  async token(vendor: 'oneatlas' | 'maxar'): Promise<string> {
    const cached = this.tokens[vendor];
    if (cached) return cached;
    const r =
      vendor === 'oneatlas'
        ? await this.form('/auth/realms/IDP/protocol/openid-connect/token', { apikey: 'sandbox-oneatlas-key', grant_type: 'api_key', client_id: 'IDP' })
        : await this.form('/maxar/api/v1/auth/authenticate', { grant_type: 'password', username: MAXAR_LOGIN.username, password: MAXAR_LOGIN.password });
    if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
    this.tokens[vendor] = r.body.access_token;
    return r.body.access_token;
  }

  async form(path: string, fields: Record<string, string>): Promise<Reply> {
    return this.raw(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  }

  /** A JSON call with the vendor's token (Maxar for paths under /maxar). */
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const token = await this.token(path.startsWith('/maxar') ? 'maxar' : 'oneatlas');
    return this.raw(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }

  async raw(path: string, init: RequestInit): Promise<Reply> {
    const res = await fetch(`${this.sb.url}${path}`, init);
    const type = res.headers.get('content-type') ?? '';
    const buf = Buffer.from(await res.arrayBuffer());
    const body = type.includes('json') ? JSON.parse(buf.toString('utf8')) : buf;
    return { status: res.status, headers: res.headers, body };
  }
}

/**
 * The file's sandbox (test/support/sandbox.ts) with a small catalog, and a client for it: `ctx.sb` and `ctx.c` in
 * tests. Kept between tests: these call the simulator directly and build on what earlier tests created.
 */
export function useSandbox(opts: SandboxOptions = {}): { readonly sb: Sandbox; readonly c: TestClient } {
  const { sb } = useFileSandbox({ catalogSize: 2000, ...opts }, { keepBetweenTests: true });
  let client: TestClient | undefined;
  return {
    get sb() {
      return sb();
    },
    get c() {
      client ??= new TestClient(sb());
      return client;
    },
  };
}

export const PARIS_AOI = {
  type: 'Polygon',
  coordinates: [[[2.3, 48.83], [2.4, 48.83], [2.4, 48.89], [2.3, 48.89], [2.3, 48.83]]],
};

/** Catalog ids that are the same for every seed (sandbox/README.md). */
export const IDS = {
  phrParisMono: '5eed0000-0000-4000-8000-000000000001',
  phrParisStereo: '5eed0000-0000-4000-8000-000000000002',
  phrToulouseTristereo: '5eed0000-0000-4000-8000-000000000003',
  spotToulouseMono: '5eed0000-0000-4000-8000-000000000004',
  spotRotterdamStereo: '5eed0000-0000-4000-8000-000000000005',
  pneoParisMono: '5eed0000-0000-4000-8000-000000000007',
  pneoRotterdamStereo: '5eed0000-0000-4000-8000-000000000008',
};

/** A valid work order body; override fields per test. */
export function workOrder(over: Record<string, unknown> = {}, options: { key: string; value: string }[] = []): Record<string, unknown> {
  const productTypeId = (over.productTypeId as string | undefined) ?? 'PleiadesArchiveMono';
  const catalogItemId = (over.catalogItemId as string | undefined) ?? IDS.phrParisMono;
  const { productTypeId: _p, catalogItemId: _c, ...rest } = over;
  return {
    contractId: 'CTR21000411',
    customerReference: 'test-ref',
    primaryMarket: 'CARTO',
    aoi: [{ id: 1, name: 'paris', geometry: PARIS_AOI }],
    items: [{ productTypeId, aoiId: 1, dataSourceIds: [{ catalogId: 'PublicMOC', catalogItemId }] }],
    optionsPerProductType: [{ productTypeId, options }],
    endUsers: [{ endUserName: 'ACME', country: 'FR' }],
    delivery: { type: 'network' },
    notificationEmails: [],
    ...rest,
  };
}
