/**
 * What the commands that talk to vendors share: load and check the config (diagnostics become a
 * DiagnosticsError the CLI renders), open the state store, build the vendor clients.
 */
import { DiagnosticsError, hasErrors, type Diagnostic } from '../engine/diagnostics.js';
import { loadConfig } from '../engine/config/index.js';
import type { Config } from '../engine/model.js';
import { createProviders, type HttpEvent, type ProviderClients } from '../engine/providers/index.js';
import { openStateStore } from '../engine/state/open-store.js';
import type { StateStore } from '../engine/state/types.js';
import type { CliIo } from './io.js';
import { renderDiagnostics } from './render/diagnostics.js';

export async function loadCheckedConfig(paths: string[], io: CliIo): Promise<Config> {
  const { config, diagnostics } = await loadConfig(paths, { cwd: io.cwd, env: io.env });
  if (!config || hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics);
  printWarnings(diagnostics, io);
  return config;
}

export function printWarnings(diagnostics: readonly Diagnostic[], io: CliIo): void {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length) io.stderr(renderDiagnostics(warnings, io.color));
}

export function openStore(config: Config, io: CliIo, lockWaitMs = 0): StateStore {
  return openStateStore(config.state, io.env, lockWaitMs);
}

export interface ClientOptions {
  parallelism?: number;
  debug?: boolean;
}

/** Vendor clients; with --debug every request, retry and token refresh goes to stderr (already redacted). */
export function openClients(config: Config, io: CliIo, opts: ClientOptions = {}): ProviderClients {
  const onEvent = opts.debug ? (e: HttpEvent) => io.stderr(`debug: ${JSON.stringify(e)}\n`) : undefined;
  return createProviders({
    config,
    env: io.env,
    http: { ...(opts.parallelism ? { concurrency: opts.parallelism } : {}), ...(onEvent ? { onEvent } : {}) },
  });
}
