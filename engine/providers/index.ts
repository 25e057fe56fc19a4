/**
 * Builds the vendor clients a config needs, over one shared HttpClient. Credentials come only from
 * the environment variable each provider names; base URLs are already resolved by engine/config.
 */
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Config } from '../model.js';
import { HttpClient, type HttpOptions } from './http.js';
import { MaxarClient } from './maxar-ard/client.js';
import { OneAtlasClient } from './oneatlas/client.js';

export interface CreateProvidersOptions {
  config: Pick<Config, 'providers'>;
  env: Record<string, string | undefined>;
  /** Options for a new client, or a client to share (then the caller closes it). */
  http?: HttpOptions | HttpClient;
}

export interface ProviderClients {
  oneatlas?: OneAtlasClient;
  maxar?: MaxarClient;
  http: HttpClient;
  /** Closes the connection pool when this call created it. */
  close(): Promise<void>;
}

/** Throws a `DiagnosticsError` with one `MISSING_CREDENTIALS` per credential variable a configured provider needs and finds unset. */
export function createProviders({ config, env, http }: CreateProvidersOptions): ProviderClients {
  const { oneatlas, maxar } = config.providers;
  const missing: Diagnostic[] = [];
  const need = (what: string, variable: string): string => {
    const value = env[variable]?.trim();
    if (!value) {
      missing.push(
        error('MISSING_CREDENTIALS', `No ${what}: the environment variable ${variable} is not set`, undefined,
          `Set ${variable} to your ${what} (credentials are never written in the config).`),
      );
    }
    return value ?? '';
  };
  const oneatlasKey = oneatlas ? need('OneAtlas API key', oneatlas.apiKeyEnv) : '';
  const maxarUser = maxar ? need('Maxar ARD username (the email address of your ARD account)', maxar.usernameEnv) : '';
  const maxarPassword = maxar ? need('Maxar ARD password', maxar.passwordEnv) : '';
  if (missing.length > 0) throw new DiagnosticsError(missing);

  const shared = http instanceof HttpClient ? http : new HttpClient(http);
  return {
    http: shared,
    ...(oneatlas
      ? { oneatlas: new OneAtlasClient({ http: shared, endpoints: oneatlas.endpoints, apiKey: oneatlasKey, apiKeyEnv: oneatlas.apiKeyEnv }) }
      : {}),
    ...(maxar
      ? {
          maxar: new MaxarClient({
            http: shared,
            endpoint: maxar.endpoint,
            ...(maxar.accountId ? { accountId: maxar.accountId } : {}),
            username: maxarUser,
            password: maxarPassword,
            usernameEnv: maxar.usernameEnv,
            passwordEnv: maxar.passwordEnv,
            env,
          }),
        }
      : {}),
    close: async () => {
      if (shared !== http) await shared.close();
    },
  };
}

export { HttpClient, HttpError, NetworkError, OutcomeUnknownError, type HttpEvent, type HttpOptions } from './http.js';
export { WireFormatError } from './wire-read.js';
export { collect } from './paging.js';
export type { MaxarClient } from './maxar-ard/client.js';
export type { OneAtlasClient } from './oneatlas/client.js';
