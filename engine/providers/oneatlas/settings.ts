/** `providers.oneatlas`: the API key variable, the four hosts and the contracts; the client built from them. */
import type { OneAtlasProvider as Written } from '../../../schemas/generated/config.js';
import { resolveEndpoint, type Env } from '../../config/endpoints.js';
import { locate } from '../../config/merge.js';
import type { OneAtlasContractRef, OneAtlasEndpoints, OneAtlasProvider } from '../../model.js';
import type { ProviderSettings } from '../provider.js';
import { OneAtlasClient } from './client.js';

const DEFAULTS: OneAtlasEndpoints = {
  auth: 'https://authenticate.foundation.api.oneatlas.airbus.com',
  order: 'https://order.api.oneatlas.airbus.com',
  search: 'https://search.foundation.api.oneatlas.airbus.com',
  data: 'https://data.api.oneatlas.airbus.com',
};
const HOSTS = Object.keys(DEFAULTS) as (keyof OneAtlasEndpoints)[];

export const ONEATLAS_API_KEY_ENV = 'ORDERFORM_ONEATLAS_API_KEY';

const hostEnv = (host: keyof OneAtlasEndpoints) => `ORDERFORM_ONEATLAS_${host.toUpperCase()}_URL`;

export function resolveOneAtlasEndpoints(configured: Partial<OneAtlasEndpoints> | undefined, env: Env): OneAtlasEndpoints {
  const one = (host: keyof OneAtlasEndpoints) => resolveEndpoint(configured?.[host], env, hostEnv(host), DEFAULTS[host]);
  return { auth: one('auth'), order: one('order'), search: one('search'), data: one('data') };
}

export const oneatlasSettings: ProviderSettings<Written, OneAtlasProvider, OneAtlasClient> = {
  normalize({ value: p }, env) {
    const contracts: OneAtlasContractRef[] = Object.entries(p.contracts).map(([name, c]) => ({
      name,
      contractId: c.contractId,
      backend: c.backend,
      ...(c.workspace ? { workspace: c.workspace } : {}),
    }));
    return { apiKeyEnv: p.credentials?.apiKeyEnv ?? ONEATLAS_API_KEY_ENV, endpoints: resolveOneAtlasEndpoints(p.endpoints, env), contracts };
  },
  endpoints: (at) => HOSTS.map((host) => ({ configured: at.value.endpoints?.[host], envName: hostEnv(host), at: () => locate(at, 'endpoints', host) })),
  credentials: (s) => ({ apiKey: { what: 'OneAtlas API key', variable: s.apiKeyEnv } }),
  client: (s, secrets, { http }) => new OneAtlasClient({ http, endpoints: s.endpoints, apiKey: secrets.apiKey!, apiKeyEnv: s.apiKeyEnv }),
  // Before the config declares it (a fresh `orderform init` file): the default key variable and endpoints.
  reachable: (declared, { env }) => declared ?? { apiKeyEnv: ONEATLAS_API_KEY_ENV, endpoints: resolveOneAtlasEndpoints(undefined, env), contracts: [] },
};
