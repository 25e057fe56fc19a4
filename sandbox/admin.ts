/**
 * The sandbox's own control surface under `/__sandbox/` (never counted, never faulted): call counters,
 * knobs, and making a quotation expire, for processes that only have the URL.
 */
import type { SimResponse } from './context.js';
import { patchKnobs, type SandboxKnobs } from './knobs.js';

export interface AdminDeps {
  knobs: SandboxKnobs;
  calls(): Record<string, number>;
  resetCalls(): void;
  /** False when no quotation has that id. */
  expireQuotation(quotationId: string): boolean;
}

function parse(raw: Buffer): unknown {
  try {
    return raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function handleAdmin(method: string, path: string, raw: Buffer, deps: AdminDeps): SimResponse {
  const route = `${method} ${path.replace(/^\/__sandbox/, '')}`;
  if (route === 'GET /calls') return { status: 200, body: { calls: deps.calls() } };
  if (route === 'POST /reset') {
    deps.resetCalls();
    return { status: 200, body: { calls: {} } };
  }
  if (route === 'GET /knobs') return { status: 200, body: deps.knobs };
  if (route === 'POST /knobs') {
    const problems = patchKnobs(deps.knobs, parse(raw) ?? null);
    return problems.length > 0 ? { status: 400, body: { error: 'INVALID_KNOBS', problems } } : { status: 200, body: deps.knobs };
  }
  const expire = /^POST \/quotations\/([^/]+)\/expire$/.exec(route);
  if (expire) {
    const id = decodeURIComponent(expire[1] as string);
    return deps.expireQuotation(id)
      ? { status: 200, body: { quotationId: id, status: 'EXPIRED' } }
      : { status: 404, body: { error: 'NOT_FOUND', message: `no quotation ${id}` } };
  }
  return { status: 404, body: { error: 'NOT_FOUND', message: `no sandbox control route ${route}` } };
}
