/**
 * The HTTP side: reads each request, counts it under its route key, applies the fault knobs in a fixed
 * order (latency → drop → 429 → 5xx → handle → drop-after-commit), and writes the handler's answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdmin, type AdminDeps } from './admin.js';
import type { Sim, SimRequest, SimResponse } from './context.js';
import { errorBody, HttpFailure } from './errors.js';
import { fires } from './knobs.js';
import type { Rand } from './prng.js';
import type { Router } from './router.js';

export interface ServerDeps {
  sim: Sim;
  router: Router;
  admin: AdminDeps;
  count(route: string): void;
  rand: Rand;
  sleep(ms: number): Promise<void>;
  log(line: string): void;
}

const MAX_BODY = 16 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: SimResponse, head: boolean): void {
  const payload = r.bytes ?? (r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body)));
  const headers: Record<string, string | number> = { ...r.headers };
  if (r.body !== undefined && r.bytes === undefined) headers['content-type'] = 'application/json';
  if (payload) headers['content-length'] = payload.length;
  res.writeHead(r.status, headers);
  res.end(head ? undefined : payload);
}

function drop(res: ServerResponse): void {
  res.socket?.destroy();
}

export function createSimServer(deps: ServerDeps): Server {
  const { sim, router } = deps;
  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      deps.log(`sandbox: internal error: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, { status: 500, body: { code: 'UNEXPECTED_SERVER_ERROR' } }, false);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/__sandbox/')) {
      send(res, handleAdmin(method, url.pathname, raw ?? Buffer.alloc(0), deps.admin), false);
      return;
    }
    const match = router.match(method, url.pathname);
    const variant = match.kind === 'route' && raw !== undefined ? match.route.variant?.(url.searchParams, raw) : undefined;
    const key = `${method} ${match.kind === 'route' ? match.route.template : url.pathname}${variant ? ` (${variant})` : ''}`;
    deps.count(key);
    const { knobs } = sim;
    const delay = knobs.latencyMs + (knobs.jitterMs > 0 ? deps.rand() * knobs.jitterMs : 0);
    if (delay > 0) await deps.sleep(delay);
    if (match.kind === 'none') {
      send(res, { status: 404, body: { error: 'NOT_FOUND', message: `No route for ${method} ${url.pathname}` } }, false);
      return;
    }
    if (match.kind === 'wrong-method') {
      send(res, { status: 405, headers: { allow: match.allowed.join(', ') }, body: { error: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here` } }, false);
      return;
    }
    const { route } = match;
    if (fires(knobs.dropConnection, key, deps.rand)) return drop(res);
    if (fires(knobs.rateLimit, key, deps.rand)) {
      const body = errorBody(route.host, 429, 'TOO_MANY_REQUESTS', 'Too many requests');
      send(res, { status: 429, headers: { 'retry-after': String(knobs.retryAfterSec) }, body }, false);
      return;
    }
    if (fires(knobs.errorRate, key, deps.rand)) {
      const body = route.host === 'order' && knobs.errorStatus === 500
        ? { code: 'UNEXPECTED_SERVER_ERROR' }
        : errorBody(route.host, knobs.errorStatus, 'SERVICE_UNAVAILABLE', 'Service temporarily unavailable (sandbox fault)');
      send(res, { status: knobs.errorStatus, body }, false);
      return;
    }
    if (raw === undefined) {
      send(res, { status: 413, body: errorBody(route.host, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large') }, false);
      return;
    }
    const simReq: SimRequest = { method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody: raw, params: match.params };
    let response: SimResponse;
    try {
      response = route.handler(simReq, sim);
    } catch (e) {
      if (!(e instanceof HttpFailure)) throw e;
      response = e.response;
    }
    if (fires(knobs.dropAfterCommit, key, deps.rand)) return drop(res);
    send(res, response, method === 'HEAD');
  }
}
