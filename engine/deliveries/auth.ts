/**
 * The bearer token download links need: the same OneAtlas API-key exchange as the client's, on the
 * shared HttpClient. (OneAtlasClient keeps its own token private; a `download` method there would
 * let both share one token.)
 */
import type { OneAtlasProvider } from '../model.js';
import { joinUrl, type BearerAuth, type HttpClient } from '../providers/http.js';
import { readToken } from '../providers/oneatlas/wire.js';

export function oneAtlasDownloadAuth(http: HttpClient, provider: OneAtlasProvider, env: Record<string, string | undefined>): BearerAuth {
  return http.apiKeyAuth({
    name: 'oneatlas-download',
    vendor: 'OneAtlas',
    url: joinUrl(provider.endpoints.auth, '/auth/realms/IDP/protocol/openid-connect/token'),
    apiKey: env[provider.apiKeyEnv]?.trim() ?? '',
    apiKeyEnv: provider.apiKeyEnv,
    form: { grant_type: 'api_key', client_id: 'IDP' },
    read: readToken,
  });
}
