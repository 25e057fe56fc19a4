/**
 * The Maxar ARD account the sandbox simulates: account 557471230760500000 (seed 004's example), its pricing
 * and limits, two logins (a user and an admin), four acquisitions over Paris whose ages fall in each
 * category (relative to the sandbox clock), and a short order history by a colleague so listings,
 * usage and user_id filters have something to show.
 */
import { rectangle, type Polygon } from '../geo.js';
import type { MaxarLimitName } from '../knobs.js';
import type { Category, MaxarOrderRecord } from './order-records.js';
import { chargeOf } from './charge.js';

/** Maxar paths are served under this prefix; route keys leave it out (they are relative to ORDERFORM_MAXAR_URL). */
export const MAXAR_PREFIX = '/maxar';

export const ACCOUNT_ID = '557471230760500000';
export const USER_ID = '85914d9c-d5d8-4903-a860-455e5ea4cadf';
export const ADMIN_ID = '0b6f2c71-3e58-4f0e-9a4d-7d21c5e8b6a2';
export const COLLEAGUE_ID = '3f2c9a10-7b5e-4d8a-9c61-0e4b2d7f1a93';
const DAY = 86_400_000;

export interface MaxarUser {
  user_id: string;
  /** The login (docs: "Your username is the email address used to set up your ARD account"). */
  username: string;
  password: string;
  /** [I] seed field list: "admin: If set to true, user has admin privileges for account administration". */
  admin: boolean;
}

/** [I] Sandbox logins: a user-role login (what the demo and tests use) and an admin. */
export const USERS: MaxarUser[] = [
  { user_id: USER_ID, username: 'analyst@sandbox.example', password: 'sandbox-maxar-password', admin: false },
  { user_id: ADMIN_ID, username: 'admin@sandbox.example', password: 'sandbox-maxar-admin-password', admin: true },
];

export const PRICING = { fresh_imagery_price: 25, standard_imagery_price: 20, training_imagery_price: 5, tasking_imagery_price: 35 };

/** [I] Chosen so typical examples can order; fresh capped, standard and training unlimited, tasking not orderable here. */
export const DEFAULT_LIMITS: Record<MaxarLimitName, number | null> = {
  annual_subscription_fee_limit: 100_000,
  fresh_imagery_fee_limit: 20_000,
  standard_imagery_fee_limit: -1,
  training_imagery_fee_limit: null,
  tasking_imagery_fee_limit: 0,
};

export const PRICE_OF: Record<Category, number> = {
  fresh: PRICING.fresh_imagery_price,
  standard: PRICING.standard_imagery_price,
  training: PRICING.training_imagery_price,
};

export interface AcquisitionSeed {
  acquisition_id: string;
  ageDays: number;
  /** One ARD grid cell per acquisition here [I]: `Z<utm zone>-<quadkey>` (ORD-GUIDE: "the UTM zone and quadkey address of the grid cell"). */
  cell_id: string;
  footprint: Polygon;
  platform: string;
  cloudFreePercentage: number;
  /** [I] Processing of this acquisition fails: its orders end FAILED, or ERROR with the maxarFailStatus knob (not charged). */
  fails?: boolean;
}

/** All four cover central Paris, so one AOI can order any of them. */
export const ACQUISITIONS: AcquisitionSeed[] = [
  { acquisition_id: '10300100ARDFRESH1', ageDays: 30, cell_id: 'Z31-120220300', footprint: rectangle(2.1, 48.7, 2.6, 49.0), platform: 'worldview-03', cloudFreePercentage: 98.5 },
  { acquisition_id: '10300100ARDSTD001', ageDays: 400, cell_id: 'Z31-120220301', footprint: rectangle(2.0, 48.75, 2.55, 49.05), platform: 'worldview-02', cloudFreePercentage: 91.2 },
  { acquisition_id: '10300100ARDTRAIN1', ageDays: 5 * 365, cell_id: 'Z31-120220302', footprint: rectangle(2.15, 48.65, 2.7, 48.95), platform: 'geoeye-01', cloudFreePercentage: 87.0 },
  { acquisition_id: '10300100ARDFAIL01', ageDays: 200, cell_id: 'Z31-120220303', footprint: rectangle(2.2, 48.8, 2.45, 48.92), platform: 'worldview-02', cloudFreePercentage: 95.0, fails: true },
];

/** Acquisition date: midnight UTC `ageDays` before today, so it is stable within a day. */
export function acquiredAt(a: AcquisitionSeed, now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - a.ageDays * DAY);
}

/** Fresh ≤ 90 days, standard ≤ 3 years, training older (seed). */
export function categoryOf(acquired: Date, now: Date): Category {
  const days = (now.getTime() - acquired.getTime()) / DAY;
  if (days <= 90) return 'fresh';
  if (days <= 3 * 365) return 'standard';
  return 'training';
}

/** [I] The contract year started 120 days before today and lasts a year. */
export function contractYear(now: Date): { start: Date; end: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = new Date(today - 120 * DAY);
  return { start, end: new Date(start.getTime() + 365 * DAY) };
}

/** Three past orders by a colleague (20, 60 and 100 days ago), all delivered. */
export function seededOrders(now: Date): MaxarOrderRecord[] {
  const aoi = rectangle(2.3, 48.83, 2.38, 48.88);
  return [100, 60, 20].map((daysAgo, i) => {
    const acquisition = ACQUISITIONS[(i + 1) % 3] as AcquisitionSeed;
    const created = new Date(now.getTime() - daysAgo * DAY);
    return {
      id: orderId(i + 1),
      account_id: ACCOUNT_ID,
      user_id: COLLEAGUE_ID,
      date_created: created.toISOString(),
      request: {
        acquisitions: [acquisition.acquisition_id],
        intersects: aoi,
        output_config: { amazon_s3: { bucket: 'colleague-ard', prefix: `history/${i + 1}` } },
        settings: { bundle_adjust: i % 2 === 0 },
        notifications: [],
        metadata: { reference: `history-${i + 1}` },
      },
      usage: chargeOf([acquisition], aoi, created),
      final: 'SUCCEEDED',
      seeded: true,
    };
  });
}

/** 19-digit ids increasing with creation (so `starting_after` follows creation order). */
export function orderId(n: number): string {
  return String(5_575_000_000_000_000_000n + BigInt(n) * 7_919n);
}
