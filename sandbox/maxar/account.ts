/** Account details (pricing, limits and [I] usage this contract year) and the [I] acquisition lookup. */
import { requireToken } from '../auth.js';
import { json, type Handler, type Route, type Sim, type SimRequest } from '../context.js';
import { hostError } from '../errors.js';
import type { MaxarLimitName } from '../knobs.js';
import { round2 } from '../money.js';
import type { Category } from './order-records.js';
import { ACCOUNT_ID, ACQUISITIONS, acquiredAt, contractYear, DEFAULT_LIMITS, MAXAR_PREFIX, PRICING } from './seed.js';

/** The caller's own account, or 403 (any other id). */
export function pathAccount(req: SimRequest, sim: Sim): void {
  requireToken(req, sim, 'maxar');
  if (req.params.account_id !== ACCOUNT_ID) {
    throw hostError('maxar', 403, 'FORBIDDEN', `You do not belong to account ${req.params.account_id}`);
  }
}

export function limits(sim: Sim): Record<MaxarLimitName, number | null> {
  return { ...DEFAULT_LIMITS, ...sim.knobs.maxarLimits };
}

/** Fees spent per category in the current contract year (failed orders do not count). */
export function usage(sim: Sim): Record<Category, number> & { total: number } {
  const { start } = contractYear(sim.now());
  const spent = { fresh: 0, standard: 0, training: 0, total: 0 };
  for (const o of sim.store.data.maxarOrders) {
    if (Date.parse(o.date_created) < start.getTime()) continue;
    for (const [cat, amount] of Object.entries(o.cost.by_category) as [Category, number][]) {
      spent[cat] = round2(spent[cat] + amount);
      spent.total = round2(spent.total + amount);
    }
  }
  return spent;
}

const account: Handler = (req, sim) => {
  pathAccount(req, sim);
  const { start, end } = contractYear(sim.now());
  const spent = usage(sim);
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
      usage: {
        annual_subscription_fee: spent.total,
        fresh_imagery_fee: spent.fresh,
        standard_imagery_fee: spent.standard,
        training_imagery_fee: spent.training,
        tasking_imagery_fee: 0,
      },
    },
    links: { self, users: `${self}/user`, applications: `${self}/application`, credentials: `${self}/credentials` },
    response_timestamp: sim.now().toISOString(),
  });
};

const acquisition: Handler = (req, sim) => {
  requireToken(req, sim, 'maxar');
  const a = ACQUISITIONS.find((x) => x.acquisition_id === req.params.acquisition_id);
  if (!a) throw hostError('maxar', 404, 'NOT_FOUND', `Acquisition '${req.params.acquisition_id}' not found`);
  return json(200, { acquisition_id: a.acquisition_id, acquired: acquiredAt(a, sim.now()).toISOString(), footprint: a.footprint });
};

export const accountRoutes: Route[] = [
  { method: 'GET', template: '/api/v1/admin/account/{account_id}', host: 'maxar', handler: account },
  { method: 'GET', template: '/api/v1/acquisition/{acquisition_id}', host: 'maxar', handler: acquisition },
];
