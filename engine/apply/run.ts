/**
 * Apply, engine side: check a plan may run (applyable, safety thresholds), record what refresh found
 * (adopted intents, statuses), then execute its changes with the vendor handlers behind the spend
 * guard, and compact state. The caller holds the state lock and has shown (and had approved) the plan.
 */
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Config, QuotationDecisionSpec } from '../model.js';
import type { BuiltPlan } from '../plan/build.js';
import { createPricing } from '../plan/price.js';
import { stateUpdates } from '../plan/refresh.js';
import type { Plan } from '../plan/types.js';
import type { ProviderClients } from '../providers/index.js';
import { traitsOf } from '../providers/registry.js';
import type { StateSnapshot, StateStore } from '../state/types.js';
import { execute } from './executor.js';
import { createSpendGuard } from './guard.js';
import { createHandlers } from './handlers.js';
import { stateFor } from '../core/resource-state.js';
import { checkSafety, type SafetyFlags } from './safety.js';
import type { ApplyHooks, ApplyOutcome } from './types.js';

export interface ApplyRunInputs {
  config: Config;
  store: StateStore;
  clients: ProviderClients;
  /** State as read under the lock, and the plan built from it (refresh and account limits). */
  state: StateSnapshot;
  built: BuiltPlan;
  /** The plan to execute: `built.plan`, or a saved plan already checked for staleness. */
  plan: Plan;
  now?: () => Date;
}

export interface ApplyRunOptions extends SafetyFlags {
  parallelism: number;
  keepGoing: boolean;
  hooks?: ApplyHooks;
  /** Aborted (Ctrl-C): no new change starts. */
  signal?: AbortSignal;
}

/** Refuses a plan with errors or one past a safety threshold without its flag. */
export function checkApplyable(inp: Pick<ApplyRunInputs, 'config' | 'state' | 'plan'>, flags: SafetyFlags): void {
  const errors = inp.plan.diagnostics.filter((d) => d.severity === 'error');
  if (!inp.plan.applyable) {
    throw new DiagnosticsError(errors.length ? errors : [error('PLAN_NOT_APPLYABLE', 'the plan exceeds a limit; nothing was applied', undefined, 'See the limits in the plan.')]);
  }
  const unsafe = checkSafety(inp.plan, inp.state, inp.config.safety, flags);
  if (unsafe.length) throw new DiagnosticsError(unsafe);
}

/**
 * What refresh learned, written before anything runs: intents found remotely (so they are never
 * bought again), statuses, decisions found already taken. Changes the plan executes write their own.
 */
async function recordRefresh(inp: ApplyRunInputs): Promise<StateSnapshot> {
  const now = (inp.now ?? (() => new Date()))();
  const pending = new Set(inp.plan.changes.filter((c) => c.action !== 'noop').map((c) => c.address));
  const resources = { ...inp.state.resources };
  const put = async (address: string, r: (typeof resources)[string] | null) => {
    await inp.store.put(address, r);
    if (r) resources[address] = r;
    else delete resources[address];
  };
  for (const u of stateUpdates(inp.state, inp.built.remote, now)) if (!pending.has(u.address)) await put(u.address, u.resource);
  const specs = new Map(inp.config.resources.map((r) => [r.address, r]));
  for (const c of inp.plan.changes) {
    const declared = specs.get(c.address);
    if (c.reason !== 'adopted' || !declared || traitsOf(declared.kind).lifecycle !== 'decision' || (resources[c.address] && resources[c.address]!.status !== 'intent')) continue;
    const spec = declared as QuotationDecisionSpec;
    const target = 'order' in spec.target ? spec.target.order : spec.address;
    const q = inp.built.remote.resources[target]?.quotation;
    if (!q) continue;
    const contractId = 'contract' in spec.target ? spec.target.contract.contractId : resources[target]?.remote.contractId;
    const remote = { quotationId: q.id, ...(contractId ? { contractId } : {}), ...(q.salesOrderId ? { salesOrderId: q.salesOrderId } : {}) };
    await put(c.address, stateFor(spec, resources[c.address], now, { status: 'decided', remote }));
  }
  return { ...inp.state, resources };
}

export async function runApply(inp: ApplyRunInputs, opts: ApplyRunOptions): Promise<ApplyOutcome> {
  checkApplyable(inp, opts);
  const now = inp.now ?? (() => new Date());
  const state = await recordRefresh(inp);
  // A new pricing for this run: each purchase is re-priced from the vendor, never from what the plan read.
  const pricing = createPricing(inp.clients, inp.config, now);
  const overcharged: Diagnostic[] = [];
  const guard = createSpendGuard({ config: inp.config, accounts: inp.built.accountLimits, spent: inp.built.spent, reprice: pricing.reprice, allowLargeSpend: opts.allowLargeSpend, onChargedAbove: (d) => overcharged.push(d) });
  const specs = new Map(inp.config.resources.map((r) => [r.address, r]));
  try {
    const outcome = await execute(
      { plan: inp.plan, specs, state, store: inp.store, handlerFor: createHandlers(inp.clients), now, guard },
      { parallelism: opts.parallelism, keepGoing: opts.keepGoing, ...(opts.hooks ? { hooks: opts.hooks } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
    );
    return overcharged.length ? { ...outcome, overcharged } : outcome;
  } finally {
    await inp.store.compact();
  }
}
