/**
 * Endpoint resolution (docs/wire-contract.md): the config value, else the environment variable,
 * else the real vendor host. Trailing slashes are dropped so that paths can be appended.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { OneAtlasEndpoints } from '../model.js';
import { locate, type MergedConfig } from './merge.js';

export type Env = Record<string, string | undefined>;

const ONEATLAS_DEFAULTS: OneAtlasEndpoints = {
  auth: 'https://authenticate.foundation.api.oneatlas.airbus.com',
  order: 'https://order.api.oneatlas.airbus.com',
  search: 'https://search.foundation.api.oneatlas.airbus.com',
  data: 'https://data.api.oneatlas.airbus.com',
};

const MAXAR_DEFAULT = 'https://ard.maxar.com';

export const ONEATLAS_API_KEY_ENV = 'ORDERFORM_ONEATLAS_API_KEY';
export const MAXAR_USERNAME_ENV = 'ORDERFORM_MAXAR_USERNAME';
export const MAXAR_PASSWORD_ENV = 'ORDERFORM_MAXAR_PASSWORD';

const pick = (configured: string | undefined, env: Env, name: string, fallback: string): string =>
  (configured || env[name] || fallback).replace(/\/+$/, '');

export function resolveOneAtlasEndpoints(configured: Partial<OneAtlasEndpoints> | undefined, env: Env): OneAtlasEndpoints {
  const one = (host: keyof OneAtlasEndpoints) =>
    pick(configured?.[host], env, `ORDERFORM_ONEATLAS_${host.toUpperCase()}_URL`, ONEATLAS_DEFAULTS[host]);
  return { auth: one('auth'), order: one('order'), search: one('search'), data: one('data') };
}

export function resolveMaxarEndpoint(configured: string | undefined, env: Env): string {
  return pick(configured, env, 'ORDERFORM_MAXAR_URL', MAXAR_DEFAULT);
}

/**
 * Every endpoint in use must be an http(s) URL: anything else (a `file:` URL, a bare host, a typo)
 * is refused offline, where it was written (the config line, or the environment variable's name).
 */
export function endpointDiagnostics(merged: MergedConfig, env: Env): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = (configured: string | undefined, envName: string, at: () => ReturnType<typeof locate>) => {
    const url = configured || env[envName];
    if (!url || isHttpUrl(url)) return;
    const where = configured ? 'this endpoint' : `environment variable ${envName}`;
    diagnostics.push(
      error('ENDPOINT_URL_INVALID', `${where} is not an http(s) URL: ${JSON.stringify(url)}`, configured ? at() : undefined, 'Vendor endpoints are reached over HTTP: give an https:// (or, for the sandbox, http://) URL.'),
    );
  };
  const oneatlas = merged.oneatlas;
  if (oneatlas) {
    for (const host of Object.keys(ONEATLAS_DEFAULTS) as (keyof OneAtlasEndpoints)[]) {
      check(oneatlas.value.endpoints?.[host], `ORDERFORM_ONEATLAS_${host.toUpperCase()}_URL`, () => locate(oneatlas, 'endpoints', host));
    }
  }
  const maxar = merged.maxar;
  if (maxar) check(maxar.value.endpoint, 'ORDERFORM_MAXAR_URL', () => locate(maxar, 'endpoint'));
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
