/**
 * Maxar ARD pricing. A new order's price is Maxar's own estimate: `POST /order` with `dry_run: true` answers
 * `usage.area.*_imagery_sqkm` and `usage.cost.*_imagery_cost` and places nothing (ORD-GUIDE; SDK order.py).
 * It is what the order will be charged (each acquisition's tiles clipped to the AOI), where AOI km² ×
 * account price per acquisition is not. One dry run per new order, all at once; the acquisitions of all
 * of them are looked up first in one cell-metadata call, so an unknown id is reported where it is written.
 * The spend counts against the account's fee limits per image-age category and its annual limit, less
 * what the usage resource says was spent.
 */
import type { AccountLimit } from '../../core/account-limit.js';
import type { Change, Cost, FeeCategory } from '../../core/change.js';
import { roundMoney } from '../../core/money.js';
import { DiagnosticsError, error, warning } from '../../diagnostics.js';
import type { ListedPurchase } from '../../core/purchases.js';
import { HttpError } from '../http.js';
import { ORDER_PAGE_SIZE } from './refresh.js';
import type { MaxarOrderSpec, ResourceSpec } from '../../model.js';
import type { PricingContext, ProviderPricing } from '../provider.js';
import type { MaxarClient } from './client.js';
import { costByCategory, fromAccount, fromOrder, fromUsage, toOrderRequest, type AccountInfo, type LimitName } from './convert.js';
import { orRefusal } from './refusals.js';
import { MAXAR_CURRENCY } from './rules.js';
import type { WireAccountUsage, WireOrder, WireTile } from './wire.js';

export type AgeCategory = Exclude<FeeCategory, 'tasking'>;
export type MaxarPricing = Record<AgeCategory, number>;

const VENDOR = 'maxar';
const FREE: Cost = { amount: 0, currency: null, basis: 'free', vendor: VENDOR };
const DAY_MS = 86_400_000;

/** Maxar image-age categories (seed): fresh ≤ 90 days, standard 91 days – 3 years, training older. */
export function ageCategory(acquired: Date, now: Date): AgeCategory {
  const days = Math.floor((now.getTime() - acquired.getTime()) / DAY_MS);
  if (days <= 90) return 'fresh';
  if (days <= 3 * 365) return 'standard';
  return 'training';
}

export interface MaxarPricer {
  price(spec: MaxarOrderSpec): Promise<Cost>;
}

/** Collects the ids asked for during one turn of the event loop and looks them all up in one call. */
function batchedTiles(client: MaxarClient): (ids: readonly string[]) => Promise<Map<string, WireTile>> {
  let pending: { ids: Set<string>; result: Promise<Map<string, WireTile>> } | undefined;
  return (ids) => {
    if (!pending) {
      const batch = { ids: new Set<string>(), result: Promise.resolve(new Map<string, WireTile>()) };
      batch.result = new Promise<void>((r) => setImmediate(r)).then(async () => {
        pending = undefined;
        const tiles = await client.tiles([...batch.ids]);
        return new Map(tiles.map((t) => [t.properties.acquisition_id, t]));
      });
      pending = batch;
    }
    for (const id of ids) pending.ids.add(id);
    return pending.result;
  };
}

/** The dry-run estimate of a new order; each call asks Maxar again (apply re-prices with it right before buying). */
export function createMaxarPricer(client: MaxarClient): MaxarPricer {
  const tiles = batchedTiles(client);
  return {
    async price(spec) {
      // Both at once; an unknown acquisition explains a refused estimate better than the refusal does.
      const [lookup, estimate] = await Promise.allSettled([
        tiles(spec.acquisitions),
        orRefusal(spec, false, () => client.estimate(toOrderRequest(spec, (v) => client.secret(v)))),
      ]);
      if (lookup.status === 'rejected') throw lookup.reason;
      const known = lookup.value;
      const unknown = spec.acquisitions.filter((id) => !known.has(id));
      if (unknown.length) {
        throw new DiagnosticsError([error('UNKNOWN_ACQUISITION', `${spec.address}: Maxar ARD has no tiles of acquisition ${unknown.join(', ')}`, spec.source,
          'Check the acquisition ids (`orderform search --vendor maxar` lists those over an AOI).')]);
      }
      if (estimate.status === 'rejected') throw estimate.reason;
      const u = estimate.value;
      const accountId = await client.accountId();
      const byCategory = Object.fromEntries(Object.entries(costByCategory(u)).filter(([, v]) => v > 0));
      const amount = roundMoney(u.cost.total_imagery_cost ?? Object.values(byCategory).reduce((s, v) => s + v, 0));
      const dates = spec.acquisitions.map((id) => `${id} ${known.get(id)?.properties.date ?? ''}`.trim()).join(', ');
      const areas = (['fresh', 'standard', 'training'] as const)
        .filter((c) => (u.area[`${c}_imagery_sqkm`] ?? 0) > 0)
        .map((c) => `${u.area[`${c}_imagery_sqkm`]} km² ${c}`)
        .join(', ');
      return { amount, currency: MAXAR_CURRENCY, basis: 'price-endpoint', vendor: VENDOR, detail: `Maxar dry run: ${areas || '0 km²'} (${dates})`, byCategory, account: accountId };
    },
  };
}

const ARCHIVE: readonly AgeCategory[] = ['fresh', 'standard', 'training'];
const FEE_CATEGORIES: readonly FeeCategory[] = [...ARCHIVE, 'tasking'];

/** The account's fee limits per category, and the annual subscription limit over the archive categories (seed). */
export function accountLimits(info: Pick<AccountInfo, 'accountId' | 'limits'> & { usage: Record<LimitName, number> }): AccountLimit[] {
  const counts = (categories: readonly FeeCategory[]) => ({ vendor: VENDOR, account: info.accountId, categories });
  return [
    ...FEE_CATEGORIES.map((cat): AccountLimit => ({
      name: `maxar ${cat}_imagery_fee_limit`,
      currency: MAXAR_CURRENCY,
      limit: info.limits[cat],
      used: info.usage[cat],
      counts: counts([cat]),
      alwaysShown: false,
      zero: {
        code: 'CATEGORY_NOT_ORDERABLE',
        summary: `Maxar account ${info.accountId} cannot order ${cat} imagery (its ${cat}_imagery_fee_limit is 0)`,
        detail: `Orders with ${cat} acquisitions`,
      },
    })),
    {
      name: 'maxar annual_subscription_fee_limit',
      currency: MAXAR_CURRENCY,
      limit: info.limits.annual,
      used: info.usage.annual,
      counts: counts(ARCHIVE),
      alwaysShown: true,
    },
  ];
}

/**
 * Pricing for one run: a dry run per new order (and again right before buying, so the estimate checked
 * is the one of that moment); the limits from the account resource (seed 004) and what the usage
 * resource says was spent, read once.
 */
export function maxarPricing(client: MaxarClient, { config }: PricingContext): ProviderPricing {
  const pricer = createMaxarPricer(client);
  const orders = config.resources.some((r) => r.kind === 'maxar_ard_order');
  const price = async (change: Change, spec: ResourceSpec | undefined): Promise<Cost | null> => {
    if (change.action === 'noop' || change.action === 'forget' || change.action === 'adopt') return null;
    return change.action === 'create' && spec?.kind === 'maxar_ard_order' ? pricer.price(spec) : FREE;
  };
  // One listing per run, read only when something needs it (the budget, or usage the login may not read).
  let listing: Promise<WireOrder[]> | undefined;
  const listed = () => (listing ??= client.visibleOrders({ limit: ORDER_PAGE_SIZE }).then((v) => v.orders.filter(charged)));
  let forbidden = false;
  /** The usage resource since a date; undefined when this login may not read it (a user role may get 403). */
  const usageSince = new Map<string, Promise<WireAccountUsage | undefined>>();
  const usage = (since?: string) => {
    const key = since ?? '';
    if (!usageSince.has(key)) {
      usageSince.set(key, client.usage(since).catch((e: unknown) => {
        if (!(e instanceof HttpError && e.status === 403)) throw e;
        forbidden = true;
        return undefined;
      }));
    }
    return usageSince.get(key)!;
  };
  let limits: Promise<AccountLimit[]> | undefined;
  const readLimits = async (): Promise<AccountLimit[]> => {
    if (!orders) return [];
    const [account, read] = await Promise.all([client.account().then(fromAccount), usage()]);
    // Without the usage resource, what this login lists is the least the account spent (an admin lists all of it).
    const used = read ? fromUsage(read) : usedByListing(await listed());
    return accountLimits({ accountId: account.accountId, limits: account.limits, usage: used });
  };
  return {
    accountLimits: () => (limits ??= readLimits()),
    price,
    reprice: (change, spec) => price(change, spec),
    async purchases(since) {
      if (!orders) return { vendor: VENDOR, listed: [], diagnostics: [] };
      const day = since?.toISOString().slice(0, 10);
      const [all, read] = await Promise.all([listed(), usage(day)]);
      const total = read?.usage.cost.total_imagery_cost;
      return {
        vendor: VENDOR,
        listed: all.map(listedPurchase),
        ...(typeof total === 'number' ? { usage: [{ amount: roundMoney(total), currency: MAXAR_CURRENCY }] } : {}),
        diagnostics: [],
      };
    },
    notes: () =>
      forbidden
        ? [warning('MAXAR_USAGE_UNREADABLE', "This Maxar login may not read the account's usage resource (HTTP 403): the fee limits and the budget count the orders it can list instead", undefined,
            'A user-role login lists only its own orders, so what other users of the account spent is not counted. Use an admin login, or ask the account admin for usage access, to count the whole account.')]
        : [],
  };
}

/** A failed order is not charged (SDK: FAILED / ERROR). */
const charged = (o: WireOrder) => o.status !== 'FAILED' && o.status !== 'ERROR';

function usedByListing(orders: readonly WireOrder[]): Record<LimitName, number> {
  const used: Record<LimitName, number> = { fresh: 0, standard: 0, training: 0, tasking: 0, annual: 0 };
  for (const o of orders) {
    if (!o.order?.usage) continue;
    const u = fromUsage({ usage: o.order.usage });
    for (const k of Object.keys(used) as LimitName[]) used[k] = roundMoney(used[k] + u[k]);
  }
  return used;
}

function listedPurchase(o: WireOrder): ListedPurchase {
  const ref = fromOrder(o).reference;
  const total = o.order?.usage?.cost.total_imagery_cost;
  return {
    ids: [o.id],
    ...(ref ? { reference: ref } : {}),
    ...(o.date_created ? { orderedAt: o.date_created } : {}),
    price: typeof total === 'number' ? { amount: roundMoney(total), currency: MAXAR_CURRENCY } : null,
    name: `Maxar order ${o.id}`,
  };
}
