/**
 * The one function plan and apply share: refresh remote truth, diff config × state × remote, price
 * every change, check quotation ceilings and spend limits, and assemble the Plan. Reads only.
 */
import { DiagnosticsError, error, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Config, Money, OneAtlasOrderSpec, ResourceSpec } from '../model.js';
import { HttpError, type ProviderClients } from '../providers/index.js';
import { checkOrderAgainstOffer, readOffer, type OneAtlasOffer } from '../providers/oneatlas/offer.js';
import type { StateSnapshot } from '../state/types.js';
import { spendTotals } from './cost.js';
import { diff } from './diff.js';
import { readAccountFacts, type AccountFacts } from './facts.js';
import { ceilingMoney, purchaseCeilings } from './ceilings.js';
import { checkLimits } from './limits.js';
import { createPricer, type Pricer } from './price.js';
import { checkQuotationDecisions } from './quotation-checks.js';
import { refreshRemote } from './refresh.js';
import { spentSoFar, type BudgetSpent } from './spent.js';
import { approvalsNeeded } from './thresholds.js';
import type { RemoteView } from './remote.js';
import { countActions } from './summary.js';
import type { Change, Plan } from './types.js';

export interface BuildPlanInputs {
  config: Config;
  state: StateSnapshot;
  clients: ProviderClients;
  now?: () => Date;
  forget?: string[];
  retryUnconfirmed?: string[];
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
  facts: AccountFacts;
  /** What this config already bought, counted by the budget (apply's guard counts it too). */
  spent: BudgetSpent;
}

export async function buildPlan(inp: BuildPlanInputs): Promise<BuiltPlan> {
  const { config, state, clients } = inp;
  const now = inp.now ?? (() => new Date());
  const unplaced = config.resources.filter((r): r is OneAtlasOrderSpec => r.kind === 'oneatlas_order' && (state.resources[r.address]?.status ?? 'intent') === 'intent');
  const [remote, facts, offer] = await Promise.all([
    refreshRemote({ desired: config.resources, state, clients, now }),
    readAccountFacts(config, clients),
    clients.oneatlas && unplaced.length ? readOffer(clients.oneatlas, unplaced) : undefined,
  ]);
  const d = diff(config.resources, state, remote, { forget: inp.forget ?? [], retryUnconfirmed: inp.retryUnconfirmed ?? [], moved: config.moved });
  const specs = new Map(config.resources.map((r) => [r.address, r]));
  const refused = offerProblems(d.changes, specs, offer, facts);
  const diagnostics: Diagnostic[] = [...d.diagnostics, ...[...refused.values()].flat()];
  // An order the vendor's offer refuses is not priced: the vendor would only refuse it again.
  const pricer = createPricer(clients, remote, now, { facts, specs });
  const checked: Pricer = { price: (c, spec) => (refused.has(c.address) ? Promise.resolve(null) : pricer.price(c, spec)) };
  const changes = await priceChanges(d.changes, specs, checked, diagnostics, inp.onProgress);
  diagnostics.push(...checkQuotationDecisions(changes, specs));

  // Decisions have their own ceiling check (QUOTATION_OVER_CEILING); orders go through checkLimits.
  // A decision's own maxPrice is checked by checkQuotationDecisions; its Neo order's, here.
  const maxPrices = ceilingMoney(purchaseCeilings(config.resources), (address, c) => c.from === 'order' || specs.get(address)?.kind !== 'quotation_decision');
  const sources = new Map(config.resources.map((r) => [r.address, r.source]));
  const spent = spentSoFar(state, config.budget.period, now());
  const limits = checkLimits({ changes, budget: config.budget, facts, maxPrices, sources, spent });
  diagnostics.push(...limits.diagnostics);

  const totals = spendTotals(changes);
  const plan: Plan = {
    formatVersion: 1,
    createdAt: now().toISOString(),
    configDigest: config.digest,
    configFiles: config.files,
    state: { lineage: state.lineage, serial: state.serial },
    changes,
    drift: d.drift,
    totals,
    limits: limits.limits,
    approvals: approvalsNeeded({ changes, totals }, state, config.safety),
    counts: countActions(changes),
    unconfirmed: d.unconfirmed,
    diagnostics,
    applyable: !hasErrors(diagnostics) && limits.limits.every((l) => l.ok),
  };
  return { plan, remote, facts, spent };
}

/** Orders about to be placed (or quoted) that the vendor's contract offer or catalogue refuses, by address. */
function offerProblems(changes: readonly Change[], specs: ReadonlyMap<string, ResourceSpec>, offer: OneAtlasOffer | undefined, facts: AccountFacts): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const c of offer ? changes : []) {
    const spec = specs.get(c.address);
    if (spec?.kind !== 'oneatlas_order' || (c.action !== 'create' && c.action !== 'request-quotation')) continue;
    const problems = checkOrderAgainstOffer(spec, offer!, facts.contracts.find((f) => f.contractId === spec.contract.contractId));
    if (problems.length) out.set(c.address, problems);
  }
  return out;
}

/** Prices all changes at once (the HTTP client bounds concurrency); a price the vendor refuses is a positioned error. */
async function priceChanges(
  changes: readonly Change[],
  specs: ReadonlyMap<string, ResourceSpec>,
  pricer: Pricer,
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
        return { ...c, cost: await pricer.price(c, spec) };
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
  if (e instanceof DiagnosticsError) return e.diagnostics;
  if (e instanceof HttpError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 429) {
    return [error('PRICE_REFUSED', `${c.address}: the vendor refused to price this order${e.code ? ` (${e.code})` : ''}: ${e.vendorMessage || `HTTP ${e.status}`}`, spec?.source,
      'Fix the order as the vendor message says, then plan again (`orderform validate` checks the rules it knows offline).')];
  }
  throw e;
}
