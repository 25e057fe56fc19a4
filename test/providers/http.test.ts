import { afterEach, describe, expect, it } from 'vitest';
import {
  HttpClient,
  HttpError,
  NetworkError,
  OutcomeUnknownError,
  parseRetryAfter,
  vendorError,
  type HttpEvent,
  type HttpOptions,
  type TokenFetcher,
} from '../../engine/providers/http.js';
import { json, startServer, type Handler, type TestServer } from './test-server.js';

const API_KEY = 'key-SUPER-secret-0123456789';

let server: TestServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** A client whose sleeps are recorded instead of slept, so retries run instantly. */
function makeClient(extra: HttpOptions = {}): { http: HttpClient; waits: number[]; events: HttpEvent[] } {
  const waits: number[] = [];
  const events: HttpEvent[] = [];
  client = new HttpClient({
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 1,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { http: client, waits, events };
}

async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

/** Serves tokens on POST /token (counting them) and hands the rest to `api`. */
function withTokens(api: Handler, expiresIn = 3600): { handler: Handler; issued: string[] } {
  const issued: string[] = [];
  const handler: Handler = (req, res, raw) => {
    if (req.url === '/token') {
      const token = `tok-${issued.length + 1}-abcdefghijklmnop`;
      issued.push(token);
      setTimeout(() => json(res, 200, { access_token: token, expires_in: expiresIn, token_type: 'Bearer' }), 10);
      return;
    }
    api(req, res, raw);
  };
  return { handler, issued };
}

function fetcher(base: () => string): TokenFetcher {
  return async (http) => {
    const res = await http.request<{ access_token: string; expires_in: number }>({
      method: 'POST',
      url: `${base()}/token`,
      form: { apikey: API_KEY, grant_type: 'api_key' },
      safe: true,
    });
    return { accessToken: res.body.access_token, expiresInSec: res.body.expires_in };
  };
}

describe('retries of safe calls', () => {
  it('retries a GET on 503 with backoff and returns the eventual answer', async () => {
    let n = 0;
    const s = await serve((_req, res) => (++n < 3 ? json(res, 503, { message: 'busy' }) : json(res, 200, { ok: true })));
    const { http, waits, events } = makeClient({ retry: { baseDelayMs: 100 } });
    const res = await http.request({ method: 'GET', url: `${s.url}/x` });
    expect(res.body).toEqual({ ok: true });
    expect(s.seen).toHaveLength(3);
    expect(waits).toEqual([100, 200]); // full jitter with random()=1 hits the exponential cap
    expect(events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.reason)).toEqual(['HTTP 503', 'HTTP 503']);
  });

  it('honours Retry-After seconds on a 429', async () => {
    let n = 0;
    const s = await serve((_req, res) => (++n === 1 ? json(res, 429, {}, { 'retry-after': '3' }) : json(res, 200, [])));
    const { http, waits } = makeClient();
    await http.request({ method: 'POST', url: `${s.url}/api/v2/opensearch`, json: {}, safe: true });
    expect(waits).toEqual([3000]);
  });

  it('reads Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('gives up after maxAttempts with the vendor error parsed', async () => {
    const s = await serve((_req, res) => json(res, 500, { code: 'UNEXPECTED_SERVER_ERROR', description: 'boom' }));
    const { http } = makeClient({ retry: { maxAttempts: 3 } });
    const err = await http.request({ method: 'GET', url: `${s.url}/x` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 500, code: 'UNEXPECTED_SERVER_ERROR', vendorMessage: 'boom', method: 'GET' });
    expect(s.seen).toHaveLength(3);
  });

  it('does not wait past the total wait budget for a long Retry-After', async () => {
    const s = await serve((_req, res) => json(res, 429, { message: 'slow down' }, { 'retry-after': '120' }));
    const { http, waits } = makeClient({ retry: { maxTotalWaitMs: 10_000 } });
    await expect(http.request({ method: 'GET', url: `${s.url}/x` })).rejects.toMatchObject({ status: 429 });
    expect(waits).toEqual([]);
    expect(s.seen).toHaveLength(1);
  });

  it('does not retry a 4xx', async () => {
    const s = await serve((_req, res) => json(res, 404, { errorCode: 'E2203', message: 'not found' }));
    const { http } = makeClient();
    await expect(http.request({ method: 'GET', url: `${s.url}/x` })).rejects.toMatchObject({ status: 404, code: 'E2203' });
    expect(s.seen).toHaveLength(1);
  });

  it('retries a safe POST whose connection dropped', async () => {
    let n = 0;
    const s = await serve((_req, res) => (++n === 1 ? res.socket?.destroy() : json(res, 201, { totalAmount: 1 })));
    const { http } = makeClient();
    const res = await http.request({ method: 'POST', url: `${s.url}/api/v1/prices`, json: {}, safe: true });
    expect(res.status).toBe(201);
    expect(s.seen).toHaveLength(2);
  });
});

describe('unsafe calls are never resent once they may have reached the server', () => {
  it('throws OutcomeUnknownError on a dropped connection, after exactly one call', async () => {
    const s = await serve((_req, res) => res.socket?.destroy());
    const { http } = makeClient();
    const err = await http.request({ method: 'POST', url: `${s.url}/api/v1/orders`, json: { a: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(s.seen).toHaveLength(1);
  });

  it('throws OutcomeUnknownError on a 5xx without retrying', async () => {
    const s = await serve((_req, res) => json(res, 503, { message: 'unavailable' }, { 'retry-after': '1' }));
    const { http } = makeClient();
    await expect(http.request({ method: 'PUT', url: `${s.url}/accept` })).rejects.toMatchObject({
      name: 'OutcomeUnknownError',
      status: 503,
    });
    expect(s.seen).toHaveLength(1);
  });

  it('retries a 429 only when the server gave Retry-After', async () => {
    let n = 0;
    const s = await serve((req, res) => {
      if (req.url === '/with') return ++n === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 201, { id: 'a' });
      json(res, 429, { message: 'too many' });
    });
    const { http } = makeClient();
    expect((await http.request({ method: 'POST', url: `${s.url}/with`, json: {} })).status).toBe(201);
    await expect(http.request({ method: 'POST', url: `${s.url}/without`, json: {} })).rejects.toBeInstanceOf(HttpError);
    expect(s.seen.map((r) => r.url)).toEqual(['/with', '/with', '/without']);
  });

  it('retries when the connection could not even be opened', async () => {
    const s = await serve(() => undefined);
    const deadUrl = s.url;
    await s.close();
    server = undefined;
    const { http, events } = makeClient({ retry: { maxAttempts: 3 } });
    const err = await http.request({ method: 'POST', url: `${deadUrl}/api/v1/orders`, json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });
});

describe('timeouts', () => {
  it('times out a request that gets no answer: safe → NetworkError, unsafe → OutcomeUnknownError', async () => {
    const s = await serve(() => undefined); // never answers
    const { http } = makeClient({ timeouts: { requestMs: 150 }, retry: { maxAttempts: 2 } });
    const safe = await http.request({ method: 'GET', url: `${s.url}/slow` }).catch((e: unknown) => e);
    expect(safe).toBeInstanceOf(NetworkError);
    expect((safe as Error).message).toMatch(/timed out/);
    const unsafe = await http.request({ method: 'POST', url: `${s.url}/orders`, json: {} }).catch((e: unknown) => e);
    expect(unsafe).toBeInstanceOf(OutcomeUnknownError);
    expect(s.seen.map((r) => r.method)).toEqual(['GET', 'GET', 'POST']);
  });
});

describe('bearer tokens', () => {
  it('shares one token request among concurrent callers', async () => {
    const { handler, issued } = withTokens((_req, res) => json(res, 200, {}));
    const s = await serve(handler);
    const { http, events } = makeClient();
    const auth = http.bearer('test', fetcher(() => s.url));
    await Promise.all(Array.from({ length: 20 }, () => http.request({ method: 'GET', url: `${s.url}/x`, auth })));
    expect(issued).toHaveLength(1);
    expect(s.seen.filter((r) => r.url === '/x').every((r) => r.headers.authorization === `Bearer ${issued[0]}`)).toBe(true);
    expect(events.filter((e) => e.type === 'token')).toEqual([expect.objectContaining({ name: 'test', reason: 'initial' })]);
  });

  it('renews the token shortly before it expires', async () => {
    let clock = 1_000_000;
    const { handler, issued } = withTokens((_req, res) => json(res, 200, {}), 100);
    const s = await serve(handler);
    const { http } = makeClient({ now: () => clock });
    const auth = http.bearer('test', fetcher(() => s.url));
    await http.request({ method: 'GET', url: `${s.url}/x`, auth });
    clock += 85_000; // margin is 10 s of a 100 s lifetime
    await http.request({ method: 'GET', url: `${s.url}/x`, auth });
    expect(issued).toHaveLength(1);
    clock += 6_000;
    await http.request({ method: 'GET', url: `${s.url}/x`, auth });
    expect(issued).toHaveLength(2);
    expect(s.seen.at(-1)?.headers.authorization).toBe(`Bearer ${issued[1]}`);
  });

  it('renews once on a 401 and repeats the call, even a mutation', async () => {
    const { handler, issued } = withTokens((req, res) =>
      req.headers.authorization === `Bearer ${issued[0]}`
        ? json(res, 401, { message: 'Authentication failed (cause: Token expired)' })
        : json(res, 201, { salesOrderId: 'SAL1' }),
    );
    const s = await serve(handler);
    const { http, events } = makeClient();
    const auth = http.bearer('test', fetcher(() => s.url));
    const res = await http.request({ method: 'POST', url: `${s.url}/orders`, json: {}, auth });
    expect(res.body).toEqual({ salesOrderId: 'SAL1' });
    expect(issued).toHaveLength(2);
    expect(events.filter((e) => e.type === 'token').map((e) => e.type === 'token' && e.reason)).toEqual(['initial', 'rejected']);
  });

  it('fails with the 401 when a fresh token is refused too', async () => {
    const { handler, issued } = withTokens((_req, res) => json(res, 401, { message: 'Authentication failed' }));
    const s = await serve(handler);
    const { http } = makeClient();
    const auth = http.bearer('test', fetcher(() => s.url));
    await expect(http.request({ method: 'GET', url: `${s.url}/x`, auth })).rejects.toMatchObject({ status: 401 });
    expect(issued).toHaveLength(2);
  });
});

describe('pooling and concurrency', () => {
  it('never has more requests in flight than the configured bound', async () => {
    const s = await serve((_req, res) => setTimeout(() => json(res, 200, {}), 20));
    const { http } = makeClient({ concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => http.request({ method: 'GET', url: `${s.url}/${i}` })));
    expect(s.seen).toHaveLength(12);
    expect(s.maxInFlight()).toBe(3);
  });

  it('reuses kept-alive connections', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const { http } = makeClient();
    for (let i = 0; i < 30; i++) await http.request({ method: 'GET', url: `${s.url}/${i}` });
    // undici may open a second socket while the first finishes its first exchange; never one per request.
    expect(s.connections()).toBeLessThanOrEqual(2);
  });
});

describe('secret redaction', () => {
  it('keeps the API key and tokens out of errors and events', async () => {
    const { handler, issued } = withTokens((req, res) =>
      json(res, 400, { code: 'BAD', description: `you sent ${req.headers.authorization} with key ${API_KEY}` }),
    );
    const s = await serve(handler);
    const { http, events } = makeClient();
    http.addSecret(API_KEY);
    const auth = http.bearer('test', fetcher(() => s.url));
    const err = (await http.request({ method: 'POST', url: `${s.url}/orders?apikey=${API_KEY}`, json: {}, auth }).catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(HttpError);
    const everything = [err.message, err.url, JSON.stringify(err.body), String(err.cause), JSON.stringify(events)].join('\n');
    expect(everything).toContain('[REDACTED]');
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(issued[0]);
  });

  it('keeps the key out of a failed token request', async () => {
    const s = await serve((req, res) => json(res, 403, { error: 'invalid_grant', error_description: `bad ${req.body}` }));
    const { http } = makeClient();
    http.addSecret(API_KEY);
    const err = (await fetcher(() => s.url)(http).catch((e: unknown) => e)) as HttpError;
    expect(err).toMatchObject({ status: 403, code: 'invalid_grant' });
    expect(err.message).not.toContain(API_KEY);
    expect(JSON.stringify(err.body)).not.toContain(API_KEY);
  });
});

describe('vendor error shapes', () => {
  it.each([
    [{ code: 'UNSUPPORTED_HD_OPTIONS_COMBINATION', description: 'HD' }, 'UNSUPPORTED_HD_OPTIONS_COMBINATION', 'HD'],
    [{ errorCode: 'E2203', message: 'CIS contract not found' }, 'E2203', 'CIS contract not found'],
    [{ message: 'Authentication failed (cause: Token expired)' }, undefined, 'Authentication failed (cause: Token expired)'],
    [{ error: 'LIMIT_EXCEEDED', message: 'fresh fee limit' }, 'LIMIT_EXCEEDED', 'fresh fee limit'],
    [{ error: 'invalid_grant', error_description: 'Invalid user credentials' }, 'invalid_grant', 'Invalid user credentials'],
    [{ correlationId: 'c', hint: 'check the range', internalCode: 400, message: 'bad range' }, undefined, 'bad range'],
    [{ correlationId: 'c', hint: 'NOT_FOUND', internalCode: 404, message: 'no alert' }, 'NOT_FOUND', 'no alert'],
  ])('reads %j', (body, code, message) => {
    expect(vendorError(body)).toEqual({ code, message });
  });
});
