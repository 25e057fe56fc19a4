/**
 * The vendor accounts a command can reach before the config is complete (discover, search): the
 * config's providers when the file exists and is valid, and what each provider reaches without a
 * declaration (`ProviderSettings.reachable`: default variables and endpoints, an account given on
 * the command line).
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import type { Env } from '../config/endpoints.js';
import { DiagnosticsError, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Config, Providers } from '../model.js';
import { allProviders } from '../providers/registry.js';

export interface ReachableProviders {
  providers: Providers;
  /** The loaded config, or null when no config file exists yet. */
  config: Config | null;
  /** Warnings from loading the config. */
  diagnostics: Diagnostic[];
}

/** `accounts`: an account id given on the command line, by vendor (discover's account option). */
export async function reachableProviders(paths: string[], opts: { cwd: string; env: Env; accounts?: Readonly<Record<string, string | undefined>> }): Promise<ReachableProviders> {
  const exists = await Promise.all(paths.map((p) => access(resolve(opts.cwd, p)).then(() => true, () => false)));
  let config: Config | null = null;
  let diagnostics: Diagnostic[] = [];
  if (exists.some(Boolean)) {
    const loaded = await loadConfig(paths.filter((_, i) => exists[i]), { cwd: opts.cwd, env: opts.env });
    if (!loaded.config || hasErrors(loaded.diagnostics)) throw new DiagnosticsError(loaded.diagnostics);
    config = loaded.config;
    diagnostics = loaded.diagnostics;
  }
  const providers: Record<string, unknown> = { ...config?.providers };
  for (const p of allProviders()) {
    const account = opts.accounts?.[p.vendor];
    const reached = p.settings?.reachable?.(providers[p.vendor], { env: opts.env, ...(account ? { account } : {}) });
    if (reached) providers[p.vendor] = reached;
  }
  return { providers: providers as Providers, config, diagnostics };
}
