/**
 * Error answers in each host's own shape (docs/wire-contract.md § Errors). Handlers throw `HttpFailure`;
 * the server turns it into the response, so validation can bail out from any depth.
 */
import { randomUUID } from 'node:crypto';
import type { Host, SimRequest, SimResponse } from './context.js';

export class HttpFailure extends Error {
  constructor(readonly response: SimResponse) {
    super(`HTTP ${response.status}`);
  }
}

/** A failure with the host's generic error body (`code` is the machine-readable part). */
export function hostError(host: Host, status: number, code: string, message: string): HttpFailure {
  return new HttpFailure({ status, body: errorBody(host, status, code, message) });
}

/** OneAtlas order-host business rule: 400 `{code, description}` exactly as the seed shows. */
export function ruleError(code: string, description: string, status = 400): HttpFailure {
  return new HttpFailure({ status, body: { code, description } });
}

export function errorBody(host: Host, status: number, code: string, message: string): unknown {
  switch (host) {
    case 'order':
      return status === 401 ? { message } : { errorCode: code, message };
    case 'search':
    case 'data':
      return { correlationId: randomUUID(), hint: code, internalCode: status, message, timestamp: Date.now() };
    case 'auth':
      return { error: code, error_description: message };
    case 'maxar':
      // SDK exceptions.py reads `r.json()["message"]` for every error status; AWS API Gateway style.
      return { message };
  }
}

/** The request body as JSON; a malformed body is the host's 400. */
export function jsonBody(req: SimRequest, host: Host): unknown {
  const text = req.rawBody.toString('utf8');
  if (text.trim() === '') throw hostError(host, 400, 'INVALID_PAYLOAD', 'Request body is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch {
    throw hostError(host, 400, 'INVALID_PAYLOAD', 'Request body is not valid JSON');
  }
}

/** The request body as a JSON object (not an array, not a scalar). */
export function jsonObject(req: SimRequest, host: Host): Record<string, unknown> {
  const body = jsonBody(req, host);
  if (!isObject(body)) throw hostError(host, 400, 'INVALID_PAYLOAD', 'Request body must be a JSON object');
  return body;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Form-urlencoded fields, or a JSON object's string fields (token endpoints accept both). */
export function formFields(req: SimRequest): Record<string, string> {
  const text = req.rawBody.toString('utf8');
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isObject(parsed)) {
        return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      }
    } catch {
      return {};
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(text));
}
