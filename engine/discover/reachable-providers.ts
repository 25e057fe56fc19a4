/**
 * The vendor accounts a command can reach before the config is complete (discover, search): the
 * config's providers when the file exists and is valid, with OneAtlas at the default key variable
 * and endpoints when the config does not declare it yet (a fresh `orderform init` file), and Maxar
 * when declared, when an account id is given, or when its username variable is set (the account is then
 * the login's own).
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import type { Env } from '../config/endpoints.js';
import { MAXAR_PASSWORD_ENV, MAXAR_USERNAME_ENV, resolveMaxarEndpoint } from '../providers/maxar-ard/settings.js';
import { ONEATLAS_API_KEY_ENV, resolveOneAtlasEndpoints } from '../providers/oneatlas/settings.js';
import { DiagnosticsError, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Config, Providers } from '../model.js';

export interface ReachableProviders {
  providers: Providers;
  /** The loaded config, or null when no config file exists yet. */
  config: Config | null;
  /** Warnings from loading the config. */
  diagnostics: Diagnostic[];
}

export async function reachableProviders(paths: string[], opts: { cwd: string; env: Env; maxarAccount?: string }): Promise<ReachableProviders> {
  const exists = await Promise.all(paths.map((p) => access(resolve(opts.cwd, p)).then(() => true, () => false)));
  let config: Config | null = null;
  let diagnostics: Diagnostic[] = [];
  if (exists.some(Boolean)) {
    const loaded = await loadConfig(paths.filter((_, i) => exists[i]), { cwd: opts.cwd, env: opts.env });
    if (!loaded.config || hasErrors(loaded.diagnostics)) throw new DiagnosticsError(loaded.diagnostics);
    config = loaded.config;
    diagnostics = loaded.diagnostics;
  }
  const providers: Providers = { ...config?.providers };
  providers.oneatlas ??= { apiKeyEnv: ONEATLAS_API_KEY_ENV, endpoints: resolveOneAtlasEndpoints(undefined, opts.env), contracts: [] };
  if (opts.maxarAccount || (!providers.maxar && opts.env[MAXAR_USERNAME_ENV])) {
    providers.maxar = {
      usernameEnv: providers.maxar?.usernameEnv ?? MAXAR_USERNAME_ENV,
      passwordEnv: providers.maxar?.passwordEnv ?? MAXAR_PASSWORD_ENV,
      endpoint: providers.maxar?.endpoint ?? resolveMaxarEndpoint(undefined, opts.env),
      ...(opts.maxarAccount ? { accountId: opts.maxarAccount } : {}),
    };
  }
  return { providers, config, diagnostics };
}
