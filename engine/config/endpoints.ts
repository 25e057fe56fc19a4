/**
 * Endpoint resolution (docs/wire-contract.md): the config value, else the environment variable,
 * else the real vendor host. Trailing slashes are dropped so that paths can be appended. Each
 * provider says which endpoints it has (`ProviderSettings`); the check here is the same for all.
 */
import { error, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { allProviders } from '../providers/registry.js';
import type { MergedConfig } from './merge.js';

export type Env = Record<string, string | undefined>;

/** One endpoint a provider uses: its configured value, the environment variable that stands in for it, and where it is written. */
export interface EndpointUse {
  configured: string | undefined;
  envName: string;
  at(): SourceLocation;
}

export const resolveEndpoint = (configured: string | undefined, env: Env, name: string, fallback: string): string =>
  (configured || env[name] || fallback).replace(/\/+$/, '');

/**
 * Every endpoint in use must be an http(s) URL: anything else (a `file:` URL, a bare host, a typo)
 * is refused offline, where it was written (the config line, or the environment variable's name).
 */
export function endpointDiagnostics(merged: MergedConfig, env: Env): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = ({ configured, envName, at }: EndpointUse) => {
    const url = configured || env[envName];
    if (!url || isHttpUrl(url)) return;
    const where = configured ? 'this endpoint' : `environment variable ${envName}`;
    diagnostics.push(
      error('ENDPOINT_URL_INVALID', `${where} is not an http(s) URL: ${JSON.stringify(url)}`, configured ? at() : undefined, 'Vendor endpoints are reached over HTTP: give an https:// (or, for the sandbox, http://) URL.'),
    );
  };
  for (const p of allProviders()) {
    const written = merged.providers[p.vendor];
    if (written && p.settings) p.settings.endpoints(written).forEach(check);
  }
  return diagnostics;
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
