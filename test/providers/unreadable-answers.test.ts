import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, OutcomeUnknownError, WireFormatError } from '../../engine/providers/index.js';
import { MaxarClient } from '../../engine/providers/maxar-ard/client.js';
import { OneAtlasClient } from '../../engine/providers/oneatlas/client.js';
import { toWorkOrder } from '../../engine/providers/oneatlas/convert.js';
import { oneAtlasOrder } from './fixtures.js';
import { json, startServer, type Handler, type TestServer } from './test-server.js';

let server: TestServer | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await server?.close();
});

/** Tokens for both vendors; every other route answers what `api` says. */
async function clients(api: Handler): Promise<{ oa: OneAtlasClient; mx: MaxarClient }> {
  server = await startServer((req, res, raw) =>
    req.url.endsWith('/token') || req.url.endsWith('/auth/authenticate') ? json(res, 200, { access_token: 'tok-0123456789', expires_in: 3600 }) : api(req, res, raw),
  );
  http = new HttpClient();
  const u = server.url;
  return {
    oa: new OneAtlasClient({ http, endpoints: { auth: u, order: u, search: u, data: u }, apiKey: 'key-0123456789', apiKeyEnv: 'K' }),
    mx: new MaxarClient({ http, endpoint: u, accountId: '1', username: 'me@example.com', password: 'pw-0123456789', usernameEnv: 'U', passwordEnv: 'P', env: {} }),
  };
}

describe('answers that cannot be read', () => {
  it('makes an order answered 201 without an id an unknown outcome, not a failure to retry', async () => {
    const { oa } = await clients((_req, res) => json(res, 201, { currency: 'EUR', totalAmount: 10 }));
    const err = await oa.createOrder(toWorkOrder(oneAtlasOrder())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect((err as Error).message).toMatch(/salesOrderId/);
  });

  it('makes a non-JSON 201 to a Maxar order an unknown outcome', async () => {
    const { mx } = await clients((_req, res) => {
      res.writeHead(201, { 'content-type': 'text/html' });
      res.end('<html>created</html>');
    });
    await expect(mx.placeOrder({ acquisitions: [], intersects: { type: 'Polygon', coordinates: [] }, settings: {}, output_config: {}, metadata: { reference: 'r' } })).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it('reports an unreadable read as a WireFormatError naming the field', async () => {
    const { oa } = await clients((_req, res) => json(res, 200, { contracts: [{ contractId: 'C', currency: 'EUR', backendSource: 'legacy' }] }));
    await expect(oa.contracts()).rejects.toMatchObject({ name: 'WireFormatError', field: 'contracts[0].creditRemaining' });
    await expect(oa.contracts()).rejects.toBeInstanceOf(WireFormatError);
  });
});
