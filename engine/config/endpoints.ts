/**
 * Endpoint resolution (docs/wire-contract.md): the config value, else the environment variable,
 * else the real vendor host. Trailing slashes are dropped so that paths can be appended.
 */
import type { OneAtlasEndpoints } from '../model.js';

export type Env = Record<string, string | undefined>;

export const ONEATLAS_DEFAULTS: OneAtlasEndpoints = {
  auth: 'https://authenticate.foundation.api.oneatlas.airbus.com',
  order: 'https://order.api.oneatlas.airbus.com',
  search: 'https://search.foundation.api.oneatlas.airbus.com',
  data: 'https://data.api.oneatlas.airbus.com',
};

export const MAXAR_DEFAULT = 'https://ard.maxar.com';

export const ONEATLAS_API_KEY_ENV = 'ORDERFORM_ONEATLAS_API_KEY';
export const MAXAR_API_KEY_ENV = 'ORDERFORM_MAXAR_API_KEY';

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
