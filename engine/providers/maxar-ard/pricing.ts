/**
 * Maxar ARD pricing arithmetic, pure: each acquisition costs AOI km² × the account's price for its
 * image-age category.
 */
import type { Cost, FeeCategory } from '../../core/change.js';
import { roundMoney } from '../../core/money.js';

export type AgeCategory = Exclude<FeeCategory, 'tasking'>;
export type MaxarPricing = Record<AgeCategory, number>;

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
  return { amount, currency: 'USD', basis: 'account-pricing', vendor: 'maxar', detail: parts.join('; '), byCategory, account: accountId };
}
