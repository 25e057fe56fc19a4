/**
 * The one function plan and apply share: refresh remote truth, diff config × state × remote, price
 * every change, check quotation ceilings and spend limits, and assemble the Plan. Reads only.
 */
import { about, DiagnosticsError, error, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Config, ResourceSpec } from '../model.js';
import { HttpError, type ProviderClients } from '../providers/index.js';
import { traitsOf } from '../providers/registry.js';
import type { StateSnapshot } from '../state/types.js';
import { spendTotals } from './cost.js';
import { diff } from './diff.js';
import type { AccountLimit } from '../core/account-limit.js';
import { ceilingMoney, purchaseCeilings } from './ceilings.js';
import { checkLimits } from './limits.js';
import { createPricing, type OfferCheck, type Pricing } from './price.js';
import { checkQuotationDecisions } from './quotation-checks.js';
import { refreshRemote } from './refresh.js';
import { periodStart, spentSoFar, type BudgetSpent } from './spent.js';
import { targetChanges } from './target.js';
import { alreadyOwned } from './already-owned.js';
import { approvalsNeeded } from './thresholds.js';
import type { RemoteView } from '../core/remote.js';
import { countActions } from './summary.js';
import type { Change, Plan } from './types.js';

export interface BuildPlanInputs {
  config: Config;
  state: StateSnapshot;
  clients: ProviderClients;
  now?: () => Date;
  forget?: string[];
  retryUnconfirmed?: string[];
  /** `--target`: plan only these addresses and the changes they depend on (Terraform's -target). */
  targets?: string[];
  /** Told before pricing starts (done 0) and after each change is priced; the CLI draws a bar with it. */
  onProgress?: (p: PlanProgress) => void;
}

export interface PlanProgress {
  stage: 'pricing';
  done: number;
  total: number;
  address?: string;
}

export interface BuiltPlan {
  plan: Plan;
  remote: RemoteView;
  /** The accounts' limits as read for this plan: apply's spend guard checks each purchase against them. */
  accountLimits: AccountLimit[];
  /** What this config already bought, counted by the budget (apply's guard counts it too). */
  spent: BudgetSpent;
}

export async function buildPlan(inp: BuildPlanInputs): Promise<BuiltPlan> {
  const { config, state, clients } = inp;
  const now = inp.now ?? (() => new Date());
  const pricing = createPricing(clients, config, now);
  const unplaced = config.resources.filter((r) => (state.resources[r.address]?.status ?? 'intent') === 'intent');
  // What the vendors list as bought counts only where a budget bounds everything spent: read it only then.
  const bounded = Object.keys(config.budget.total).length > 0 || Object.values(config.budget.perVendor).some((c) => c && Object.keys(c).length > 0);
  const [remote, accountLimits, offer, listed] = await Promise.all([
    refreshRemote({ desired: config.resources, state, clients, now }),
    pricing.accountLimits(),
    pricing.offer(unplaced),
    bounded ? pricing.purchases(periodStart(config.budget.period, now())) : Promise.resolve([]),
  ]);
  const full = diff(config.resources, state, remote, { forget: inp.forget ?? [], retryUnconfirmed: inp.retryUnconfirmed ?? [], moved: config.moved });
  const targeted = inp.targets?.length ? targetChanges(full.changes, inp.targets, config, state) : undefined;
  const d = targeted
    ? { ...full, changes: targeted.changes, drift: full.drift.filter((x) => targeted.addresses.has(x.address)), diagnostics: [...full.diagnostics.filter(targeted.concerns), ...targeted.diagnostics] }
    : full;
  const specs = new Map(config.resources.map((r) => [r.address, r]));
  const refused = offerProblems(d.changes, specs, offer);
  const diagnostics: Diagnostic[] = [...d.diagnostics, ...[...refused.values()].flat()];
  // A creation the vendor's offer refuses is not priced: the vendor would only refuse it again.
  const price = (c: Change, spec: ResourceSpec | undefined) => (refused.has(c.address) ? Promise.resolve(null) : pricing.price(c, spec, remote));
  const changes = await priceChanges(d.changes, specs, price, diagnostics, inp.onProgress);
  diagnostics.push(...checkQuotationDecisions(changes, specs));

  // A decision's own maxPrice is checked by checkQuotationDecisions (QUOTATION_OVER_CEILING); its order's, here.
  const maxPrices = ceilingMoney(purchaseCeilings(config.resources), (address, c) => c.from === 'order' || traitsOf(specs.get(address)!.kind).maxPrice === 'spend-limits');
  const sources = new Map(config.resources.map((r) => [r.address, r.source]));
  const counted = spentSoFar(state, config.budget.period, now(), listed);
  const spent = counted.spent;
  if (bounded) diagnostics.push(...counted.diagnostics);
  diagnostics.push(...pricing.notes());
  const limits = checkLimits({ changes, budget: config.budget, accounts: accountLimits, maxPrices, sources, spent });
  diagnostics.push(...limits.diagnostics);

  const owned = alreadyOwned(changes, specs, state, remote.listed ?? []);
  diagnostics.push(...owned.diagnostics);

  const totals = spendTotals(changes);
  const plan: Plan = {
    formatVersion: 1,
    createdAt: now().toISOString(),
    ...(inp.targets?.length ? { targets: [...inp.targets].sort() } : {}),
    configDigest: config.digest,
    configFiles: config.files,
    state: { lineage: state.lineage, serial: state.serial },
    changes,
    drift: d.drift,
    totals,
    limits: limits.limits,
    approvals: [...approvalsNeeded({ changes, totals }, state, config.safety), ...(owned.approval ? [owned.approval] : [])],
    counts: countActions(changes),
    unconfirmed: d.unconfirmed,
    diagnostics,
    applyable: !hasErrors(diagnostics) && limits.limits.every((l) => l.ok),
  };
  return { plan, remote, accountLimits, spent };
}

/** Creations (orders about to be placed or quoted) that the vendor's offer refuses, by address. */
function offerProblems(changes: readonly Change[], specs: ReadonlyMap<string, ResourceSpec>, offer: OfferCheck): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const c of changes) {
    const spec = specs.get(c.address);
    if (!spec || (c.action !== 'create' && c.action !== 'request-quotation')) continue;
    const problems = offer(c, spec);
    if (problems.length) out.set(c.address, problems.map((d) => about(c.address, d)));
  }
  return out;
}

/** Prices all changes at once (the HTTP client bounds concurrency); a price the vendor refuses is a positioned error. */
async function priceChanges(
  changes: readonly Change[],
  specs: ReadonlyMap<string, ResourceSpec>,
  price: (change: Change, spec: ResourceSpec | undefined) => ReturnType<Pricing['price']>,
  diagnostics: Diagnostic[],
  onProgress: BuildPlanInputs['onProgress'],
): Promise<Change[]> {
  const total = changes.length;
  let done = 0;
  onProgress?.({ stage: 'pricing', done, total });
  return Promise.all(
    changes.map(async (c) => {
      const spec = specs.get(c.address);
      try {
        return { ...c, cost: await price(c, spec) };
      } catch (e) {
        diagnostics.push(...pricingProblem(e, c, spec));
        return c;
      } finally {
        onProgress?.({ stage: 'pricing', done: ++done, total, address: c.address });
      }
    }),
  );
}

function pricingProblem(e: unknown, c: Change, spec: ResourceSpec | undefined): Diagnostic[] {
  if (e instanceof DiagnosticsError) return e.diagnostics.map((d) => about(c.address, d));
  if (e instanceof HttpError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 429) {
    return [about(c.address, error('PRICE_REFUSED', `${c.address}: the vendor refused to price this order${e.code ? ` (${e.code})` : ''}: ${e.vendorMessage || `HTTP ${e.status}`}`, spec?.source,
      'Fix the order as the vendor message says, then plan again (`orderform validate` checks the rules it knows offline).'))];
  }
  throw e;
}
