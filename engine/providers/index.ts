/**
 * Builds the vendor clients a config needs, over one shared HttpClient. Credentials come only from
 * the environment variable each provider names; base URLs are already resolved by engine/config.
 */
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Config } from '../model.js';
import { HttpClient, type HttpOptions } from './http.js';
import type { Credential } from './provider.js';
import { allProviders, type ShippedClients } from './registry.js';

export interface CreateProvidersOptions {
  config: Pick<Config, 'providers'>;
  env: Record<string, string | undefined>;
  /** Options for a new client, or a client to share (then the caller closes it). */
  http?: HttpOptions | HttpClient;
}

/** The clients of the providers the config declares, by vendor (the registry's list), over one HttpClient. */
export type ProviderClients = ShippedClients & {
  http: HttpClient;
  /** Closes the connection pool when this call created it. */
  close(): Promise<void>;
};

/** Throws a `DiagnosticsError` with one `MISSING_CREDENTIALS` per credential variable a configured provider needs and finds unset. */
export function createProviders({ config, env, http }: CreateProvidersOptions): ProviderClients {
  const missing: Diagnostic[] = [];
  const need = ({ what, variable }: Credential): string => {
    const value = env[variable]?.trim();
    if (!value) {
      missing.push(
        error('MISSING_CREDENTIALS', `No ${what}: the environment variable ${variable} is not set`, undefined,
          `Set ${variable} to your ${what} (credentials are never written in the config).`),
      );
    }
    return value ?? '';
  };
  const declared = allProviders().flatMap((p) => {
    const settings = (config.providers as Record<string, unknown>)[p.vendor];
    if (!settings || !p.settings) return [];
    const secrets = Object.fromEntries(Object.entries(p.settings.credentials(settings)).map(([name, c]) => [name, need(c)]));
    return [{ vendor: p.vendor, settings, secrets, build: p.settings.client }];
  });
  if (missing.length > 0) throw new DiagnosticsError(missing);

  const shared = http instanceof HttpClient ? http : new HttpClient(http);
  const clients = Object.fromEntries(declared.map((d) => [d.vendor, d.build(d.settings, d.secrets, { http: shared, env })]));
  return {
    ...(clients as ShippedClients),
    http: shared,
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
