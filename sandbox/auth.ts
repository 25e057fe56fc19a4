/**
 * Bearer tokens for both vendors: issued against an API key, valid for the token-lifetime knob at issue
 * time, checked on every API call. Tokens live in memory only: after a restart clients get a 401 and
 * renew, as they would against the vendor.
 */
import { createHash } from 'node:crypto';
import type { Host, Sim, SimRequest } from './context.js';
import { hostError } from './errors.js';
import type { Rand } from './prng.js';

export type Audience = 'oneatlas' | 'maxar';

export const API_KEYS: Record<Audience, string> = {
  oneatlas: 'sandbox-oneatlas-key',
  maxar: 'sandbox-maxar-key',
};

export type TokenCheck = 'ok' | 'missing' | 'unknown' | 'expired';

export class TokenIssuer {
  private readonly tokens = new Map<string, { audience: Audience; expiresAt: number }>();
  private issued = 0;

  constructor(private readonly rand: Rand) {}

  issue(audience: Audience, now: Date, lifetimeSec: number): string {
    this.issued += 1;
    const digest = createHash('sha256').update(`${audience}:${this.issued}:${this.rand()}`).digest('base64url');
    const token = `sbx.${audience}.${digest.slice(0, 32)}`;
    this.tokens.set(token, { audience, expiresAt: now.getTime() + lifetimeSec * 1000 });
    return token;
  }

  check(req: SimRequest, audience: Audience, now: Date): TokenCheck {
    const header = String(req.headers.authorization ?? '');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return 'missing';
    const entry = this.tokens.get(match[1] as string);
    if (!entry || entry.audience !== audience) return 'unknown';
    return now.getTime() >= entry.expiresAt ? 'expired' : 'ok';
  }
}

const AUDIENCE_OF: Record<Exclude<Host, 'auth'>, Audience> = { order: 'oneatlas', search: 'oneatlas', data: 'oneatlas', maxar: 'maxar' };

/** Throws the host's 401 unless the request carries a live token of that vendor. */
export function requireToken(req: SimRequest, sim: Sim, host: Exclude<Host, 'auth'>): void {
  const check = sim.tokens.check(req, AUDIENCE_OF[host], sim.now());
  if (check === 'ok') return;
  // The wire contract fixes one OneAtlas message for a missing, expired or wrong token alike.
  const cause = check === 'expired' ? 'token expired' : check === 'missing' ? 'no bearer token' : 'invalid token';
  const message = host === 'maxar' ? `Unauthorized: ${cause}` : 'Authentication failed (cause: Token expired)';
  throw hostError(host, 401, 'UNAUTHORIZED', message);
}
