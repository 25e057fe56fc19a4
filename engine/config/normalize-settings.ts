/** Providers, budget, safety and state as the engine uses them: defaults applied, endpoints resolved. */
import { dirname, resolve } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Budget, Config, Providers, SafetyThresholds } from '../model.js';
import { allProviders } from '../providers/registry.js';
import type { Env } from './endpoints.js';
import { locate, type MergedConfig } from './merge.js';

export const DEFAULT_SAFETY: SafetyThresholds = { maxDestructiveShare: 0.25, maxSpendWithoutFlag: {}, priceTolerance: 0, approvals: {} };
export const DEFAULT_STATE_FILE = 'orderform.state.json';

/** Each declared block under `providers:`, normalized by the provider it names (the registry's list). */
export function normalizeProviders(merged: MergedConfig, env: Env): Providers {
  const providers: Record<string, unknown> = {};
  for (const p of allProviders()) {
    const written = merged.providers[p.vendor];
    if (written && p.settings) providers[p.vendor] = p.settings.normalize(written, env);
  }
  return providers as Providers;
}

export function normalizeBudget(merged: MergedConfig): Budget {
  const b = merged.budget?.value ?? {};
  return {
    total: b.total ?? {},
    perOrder: b.perOrder ?? {},
    perVendor: Object.fromEntries(Object.entries(b.perVendor ?? {}).filter(([, ceilings]) => ceilings)),
    period: b.period ?? 'all-time',
  };
}

export function normalizeSafety(merged: MergedConfig): SafetyThresholds {
  const s = merged.safety?.value ?? {};
  return {
    maxDestructiveShare: s.maxDestructiveShare ?? DEFAULT_SAFETY.maxDestructiveShare,
    maxSpendWithoutFlag: s.maxSpendWithoutFlag ?? DEFAULT_SAFETY.maxSpendWithoutFlag,
    priceTolerance: s.priceTolerance ?? DEFAULT_SAFETY.priceTolerance,
    approvals: s.approvals ?? DEFAULT_SAFETY.approvals,
  };
}

/**
 * A state file is relative to the file that declares it (default: beside the first config file).
 * A postgres URL comes from the environment; unset, it is a warning here (validate needs no
 * secrets) and an empty URL that the state store refuses.
 */
export function normalizeState(merged: MergedConfig, firstFile: string, env: Env): { state: Config['state']; diagnostics: Diagnostic[] } {
  const at = merged.state;
  if (!at) return { state: { backend: 'file', path: resolve(dirname(firstFile), DEFAULT_STATE_FILE) }, diagnostics: [] };
  if (at.value.file !== undefined) return { state: { backend: 'file', path: resolve(at.source.dir, at.value.file) }, diagnostics: [] };
  const name = at.value.postgres?.urlEnv;
  if (!name) return { state: { backend: 'postgres', url: '' }, diagnostics: [error('STATE_INVALID', 'give a state file or postgres.urlEnv', locate(at))] };
  const url = env[name] ?? '';
  const diagnostics = url ? [] : [warning('STATE_URL_ENV_UNSET', `environment variable ${name} (the postgres state URL) is not set`, locate(at, 'postgres', 'urlEnv'))];
  return { state: { backend: 'postgres', url }, diagnostics };
}
