/**
 * What the commands that talk to vendors share: load and check the config (diagnostics become a
 * DiagnosticsError the CLI renders), open the state store, build the vendor clients, and close
 * them all whatever happens (`withSession`).
 */
import { DiagnosticsError, hasErrors, type Diagnostic } from '../engine/diagnostics.js';
import { loadConfig } from '../engine/config/index.js';
import type { Config } from '../engine/model.js';
import { createProviders, type HttpEvent, type ProviderClients } from '../engine/providers/index.js';
import { openStateStore, type OpenStoreOptions } from '../engine/state/open-store.js';
import type { StateStore } from '../engine/state/types.js';
import type { CliIo } from './io.js';
import type { ConfigOptions, RunOptions } from './options.js';
import { renderDiagnostics, renderHttpEvent, renderJournalRepaired } from './render/diagnostics.js';

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

export function openStore(config: Pick<Config, 'state'>, io: CliIo, opts: OpenStoreOptions = {}): StateStore {
  return openStateStore(config.state, io.env, { onNotice: (m) => io.stderr(renderJournalRepaired(m)), ...opts });
}

export interface ClientOptions {
  parallelism?: number | undefined;
  debug?: boolean | undefined;
}

/** Vendor clients; with --debug every request, retry and token refresh goes to stderr (already redacted). */
export function openClients(config: Pick<Config, 'providers'>, io: CliIo, opts: ClientOptions = {}): ProviderClients {
  const onEvent = opts.debug ? (e: HttpEvent) => io.stderr(renderHttpEvent(e)) : undefined;
  return createProviders({
    config,
    env: io.env,
    http: { ...(opts.parallelism ? { concurrency: opts.parallelism } : {}), ...(onEvent ? { onEvent } : {}) },
  });
}

/** Runs `fn` with vendor clients and closes them after, also when it throws. */
export async function withClients<T>(config: Pick<Config, 'providers'>, io: CliIo, opts: ClientOptions, fn: (clients: ProviderClients) => Promise<T>): Promise<T> {
  const clients = openClients(config, io, opts);
  try {
    return await fn(clients);
  } finally {
    await clients.close();
  }
}

export interface Session {
  config: Config;
  store: StateStore;
  clients: ProviderClients;
}

export interface SessionOptions {
  /** Take the state lock for the whole session, naming this holder (`orderform apply`). */
  lock?: string;
  /** Never write state, not even to create it on first read (listing commands). */
  readOnly?: boolean;
}

/** Loads the config, opens state (locked when asked) and the vendor clients, runs `fn`, then closes all three. */
export async function withSession<T>(
  args: ConfigOptions & RunOptions,
  io: CliIo,
  opts: SessionOptions,
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  const config = await loadCheckedConfig(args.config, io);
  const store = openStore(config, io, { readOnly: opts.readOnly ?? false });
  try {
    const unlock = opts.lock ? await store.lock(opts.lock) : undefined;
    try {
      return await withClients(config, io, { debug: args.debug, parallelism: args.parallelism }, (clients) => fn({ config, store, clients }));
    } finally {
      await unlock?.();
    }
  } finally {
    await store.close();
  }
}
