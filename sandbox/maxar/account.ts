/**
 * Account details (seed 004: pricing, limits; role admin or user) and the usage resource (USAGE docs:
 * `GET /usage/account/{account_id}` → area, cost, limits, available; SDK admin.py AdminUsage).
 */
import { json, type Handler, type Route, type Sim, type SimRequest } from '../context.js';
import { hostError } from '../errors.js';
import type { MaxarLimitName } from '../knobs.js';
import { round2 } from '../money.js';
import { caller } from './auth.js';
import { CATEGORIES, usageView } from './charge.js';
import type { Category, Charge, MaxarOrderRecord } from './order-records.js';
import { ACCOUNT_ID, contractYear, DEFAULT_LIMITS, MAXAR_PREFIX, PRICING, type MaxarUser } from './seed.js';

/** The caller, when `account_id` is their own account; 403 otherwise [I]. */
export function pathAccount(req: SimRequest, sim: Sim): MaxarUser {
  const user = caller(req, sim);
  if (req.params.account_id !== ACCOUNT_ID) throw hostError('maxar', 403, 'FORBIDDEN', `You do not belong to account ${req.params.account_id}`);
  return user;
}

export function limits(sim: Sim): Record<MaxarLimitName, number | null> {
  return { ...DEFAULT_LIMITS, ...sim.knobs.maxarLimits };
}

/** [I] Failed orders are not charged. */
export function charged(o: MaxarOrderRecord): boolean {
  return o.final === 'SUCCEEDED';
}

/** What the account's orders created in [from, to) cost, per category. */
export function spent(sim: Sim, from: Date, to?: Date): Charge {
  const sum: Charge = { area: { fresh: 0, standard: 0, training: 0 }, cost: { fresh: 0, standard: 0, training: 0 } };
  for (const o of sim.store.data.maxarOrders) {
    const at = Date.parse(o.date_created);
    if (at < from.getTime() || (to && at >= to.getTime()) || !charged(o)) continue;
    for (const c of CATEGORIES) {
      sum.area[c] = round2(sum.area[c] + o.usage.area[c]);
      sum.cost[c] = round2(sum.cost[c] + o.usage.cost[c]);
    }
  }
  return sum;
}

/** Spent this contract year (the usage resource's default period). */
export function spentThisYear(sim: Sim): Charge {
  return spent(sim, contractYear(sim.now()).start);
}

const LIMIT_OF: Record<Category, MaxarLimitName> = { fresh: 'fresh_imagery_fee_limit', standard: 'standard_imagery_fee_limit', training: 'training_imagery_fee_limit' };

/** What is left per category and in total (`-1`: no limit), as the SDK's UsageAvailable names it. */
export function available(sim: Sim, used: Charge) {
  const lim = limits(sim);
  const total = CATEGORIES.reduce((s, c) => s + used.cost[c], 0);
  const annual = lim.annual_subscription_fee_limit;
  const annualLeft = annual === null || annual < 0 ? null : round2(annual - total);
  const left = (c: Category) => {
    const l = lim[LIMIT_OF[c]];
    const own = l === null || l < 0 ? null : round2(l - used.cost[c]);
    const both = [own, annualLeft].filter((v): v is number => v !== null);
    return both.length ? Math.max(0, Math.min(...both)) : -1;
  };
  return {
    fresh_imagery_balance: left('fresh'),
    standard_imagery_balance: left('standard'),
    training_imagery_balance: left('training'),
    total_imagery_balance: annualLeft === null ? -1 : Math.max(0, annualLeft),
  };
}

const account: Handler = (req, sim) => {
  pathAccount(req, sim);
  const { start, end } = contractYear(sim.now());
  const self = `${sim.baseUrl}${MAXAR_PREFIX}/api/v1/admin/account/${ACCOUNT_ID}`;
  return json(200, {
    account: {
      account_id: ACCOUNT_ID,
      name: 'Orderform sandbox',
      sap: '65432',
      contract_start: start.toISOString().slice(0, 10),
      contract_end: end.toISOString().slice(0, 10),
      active: true,
      internal: false,
      sales_support_contacts: null,
      created: '2021-02-25T20:55:26Z',
      modified: '2022-06-03T15:13:41Z',
      pricing: PRICING,
      limits: limits(sim),
    },
    links: { self, users: `${self}/user`, applications: `${self}/application`, credentials: `${self}/credentials` },
    response_timestamp: sim.now().toISOString(),
  });
};

function dateParam(req: SimRequest, name: string): Date | undefined {
  const v = req.query.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw hostError('maxar', 400, 'BAD_REQUEST', `${name} must be a date YYYY-MM-DD`);
  return new Date(`${v}T00:00:00Z`);
}

/** USAGE: optional start_date / end_date (default: the subscription period); [I] readable by users and admins unless `maxarUsageAdminOnly`. */
const usage: Handler = (req, sim) => {
  const user = pathAccount(req, sim);
  if (sim.knobs.maxarUsageAdminOnly && !user.admin) throw hostError('maxar', 403, 'FORBIDDEN', 'User is not authorized to access this resource: admin role required');
  const from = dateParam(req, 'start_date') ?? contractYear(sim.now()).start;
  const to = dateParam(req, 'end_date');
  const used = spent(sim, from, to && new Date(to.getTime() + 86_400_000));
  const lim = limits(sim);
  return json(200, {
    account_id: ACCOUNT_ID,
    usage: { ...usageView(used, false), limits: lim, available: available(sim, spentThisYear(sim)) },
    response_timestamp: sim.now().toISOString(),
  });
};

export const accountRoutes: Route[] = [
  { method: 'GET', template: '/api/v1/admin/account/{account_id}', host: 'maxar', handler: account },
  { method: 'GET', template: '/api/v1/usage/account/{account_id}', host: 'maxar', handler: usage },
];
