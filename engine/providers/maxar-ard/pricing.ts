/**
 * Maxar ARD pricing: each acquisition costs AOI km² × the account's price for its image-age category
 * (as the account resource lists it); the account's fee limits per category and its annual limit
 * are what the spend counts against.
 */
import type { AccountLimit } from '../../core/account-limit.js';
import type { Change, Cost, FeeCategory } from '../../core/change.js';
import { roundMoney } from '../../core/money.js';
import { DiagnosticsError, error } from '../../diagnostics.js';
import type { MaxarOrderSpec, ResourceSpec } from '../../model.js';
import type { PricingContext, ProviderPricing } from '../provider.js';
import type { MaxarClient } from './client.js';
import { fromAccount, fromAcquisition, type AccountInfo, type AcquisitionInfo } from './convert.js';
import { MAXAR_CURRENCY } from './rules.js';

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

/** Maxar ARD: each acquisition costs AOI km² × the account's price for its age category. */
export function maxarCost(
  areaKm2: number,
  acquisitions: readonly { id: string; acquired: Date }[],
  pricing: MaxarPricing,
  now: Date,
  accountId: string,
): Cost {
  const byCategory: Partial<Record<FeeCategory, number>> = {};
  const parts: string[] = [];
  for (const a of acquisitions) {
    const cat = ageCategory(a.acquired, now);
    const amount = roundMoney(areaKm2 * pricing[cat]);
    byCategory[cat] = roundMoney((byCategory[cat] ?? 0) + amount);
    parts.push(`${a.id}: ${areaKm2.toFixed(2)} km² × ${pricing[cat]} USD/km² (${cat})`);
  }
  const amount = roundMoney(Object.values(byCategory).reduce((s, v) => s + (v ?? 0), 0));
  return { amount, currency: MAXAR_CURRENCY, basis: 'account-pricing', vendor: VENDOR, detail: parts.join('; '), byCategory, account: accountId };
}

const ARCHIVE: readonly AgeCategory[] = ['fresh', 'standard', 'training'];
const FEE_CATEGORIES: readonly FeeCategory[] = [...ARCHIVE, 'tasking'];

/** The account's fee limits per category, and the annual subscription limit over the archive categories (seed). */
export function accountLimits(info: Pick<AccountInfo, 'accountId' | 'limits' | 'usage'>): AccountLimit[] {
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
 * Pricing for one run: one account read (pricing, limits, usage) shared by the limits and every
 * order's price, one read per acquisition; a re-price before buying reads the account again.
 */
export function maxarPricing(client: MaxarClient, { config, now }: PricingContext): ProviderPricing {
  let account: Promise<AccountInfo> | undefined;
  const readAccount = (fresh = false): Promise<AccountInfo> => {
    if (!account || fresh) {
      const p = client.account().then(fromAccount);
      p.catch(() => account === p && (account = undefined));
      account = p;
    }
    return account;
  };
  const acquisitions = new Map<string, Promise<AcquisitionInfo | null>>();
  const acquisition = (id: string): Promise<AcquisitionInfo | null> => {
    let p = acquisitions.get(id);
    if (!p) {
      p = client.acquisition(id).then((w) => (w ? fromAcquisition(w) : null));
      p.catch(() => acquisitions.delete(id));
      acquisitions.set(id, p);
    }
    return p;
  };
  const orderCost = async (spec: MaxarOrderSpec): Promise<Cost> => {
    const [info, acqs] = await Promise.all([readAccount(), Promise.all(spec.acquisitions.map(acquisition))]);
    const unknown = spec.acquisitions.filter((_, i) => !acqs[i]);
    if (unknown.length) {
      throw new DiagnosticsError([error('UNKNOWN_ACQUISITION', `${spec.address}: Maxar does not know acquisition ${unknown.join(', ')}`, spec.source,
        'Check the acquisition ids in the Maxar ARD catalogue.')]);
    }
    return maxarCost(spec.aoi.areaKm2, acqs as AcquisitionInfo[], info.pricing, now(), spec.accountId);
  };
  const price = async (change: Change, spec: ResourceSpec | undefined): Promise<Cost | null> => {
    if (change.action === 'noop' || change.action === 'forget') return null;
    return change.action === 'create' && spec?.kind === 'maxar_ard_order' ? orderCost(spec) : FREE;
  };
  return {
    accountLimits: async () => (config.resources.some((r) => r.kind === 'maxar_ard_order') ? accountLimits(await readAccount(true)) : []),
    price,
    async reprice(change, spec) {
      // Read the account's pricing again rather than the one the plan used.
      await readAccount(true);
      return price(change, spec);
    },
  };
}
