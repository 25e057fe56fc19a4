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

/** OneAtlas exchanges an API key; Maxar ARD logs in with a username and password (sandbox/maxar/seed.ts USERS). */
export const API_KEYS: Pick<Record<Audience, string>, 'oneatlas'> = {
  oneatlas: 'sandbox-oneatlas-key',
};

export type TokenCheck = 'ok' | 'missing' | 'unknown' | 'expired';

export class TokenIssuer {
  private readonly tokens = new Map<string, { audience: Audience; expiresAt: number; subject?: string }>();
  private readonly refreshTokens = new Map<string, { subject: string; expiresAt: number }>();
  private issued = 0;

  constructor(private readonly rand: Rand) {}

  /** `subject`: the user a Maxar token belongs to (roles, own orders). */
  issue(audience: Audience, now: Date, lifetimeSec: number, subject?: string): string {
    const token = `sbx.${audience}.${this.digest(audience)}`;
    this.tokens.set(token, { audience, expiresAt: now.getTime() + lifetimeSec * 1000, ...(subject ? { subject } : {}) });
    return token;
  }

  /** A refresh token for `subject`, valid `lifetimeSec`. */
  issueRefresh(subject: string, now: Date, lifetimeSec: number): string {
    const token = `sbx.refresh.${this.digest('refresh')}`;
    this.refreshTokens.set(token, { subject, expiresAt: now.getTime() + lifetimeSec * 1000 });
    return token;
  }

  /** The subject of a live refresh token, or undefined. */
  redeem(refreshToken: string, now: Date): string | undefined {
    const entry = this.refreshTokens.get(refreshToken);
    return entry && now.getTime() < entry.expiresAt ? entry.subject : undefined;
  }

  /** The subject of the request's bearer token (call after `requireToken`). */
  subject(req: SimRequest): string | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    return match ? this.tokens.get(match[1] as string)?.subject : undefined;
  }

  private digest(kind: string): string {
    this.issued += 1;
    return createHash('sha256').update(`${kind}:${this.issued}:${this.rand()}`).digest('base64url').slice(0, 32);
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
