/**
 * `orderform search --vendor maxar`: a Maxar ARD select over an AOI (SELECT docs; SDK select.py) — the
 * acquisitions whose tiles cover it and Maxar's estimate of what ordering them would cost, per image-age
 * category (a select costs nothing) — and the Maxar order of the acquisitions picked.
 */
import type { Skeleton } from '../../core/search.js';
import { DiagnosticsError, error } from '../../diagnostics.js';
import type { Polygon } from '../../model.js';
import type { MaxarClient } from './client.js';
import { ageCategory, type AgeCategory } from './pricing.js';
import type { WireSelectRequest, WireTile, WireUsage } from './wire.js';

const AGE_CATEGORIES: readonly AgeCategory[] = ['fresh', 'standard', 'training'];

export interface MaxarSelectQuery {
  aoi: Polygon;
  /** YYYY-MM-DD or ISO; a bare `to` date includes that whole day. */
  from?: string;
  to?: string;
  /** Largest cloud cover over the AOI, %: asks `aoi:cloud_free_percentage` ≥ 100 − it. */
  maxCloud?: number;
  categories?: AgeCategory[];
  limit: number;
}

export interface MaxarHit {
  /** 1-based position in the list shown (what `--pick` refers to). */
  index: number;
  id: string;
  acquired: string;
  category: AgeCategory;
  platform?: string;
  cloudFree?: number;
  cells: number;
}

export interface MaxarSelection {
  selectId: string;
  hits: MaxarHit[];
  /** Maxar's estimate for ordering the whole selection over the AOI, per category (USD). */
  estimate: { category: AgeCategory; km2: number; cost: number | null }[];
  total: number | null;
}

export interface SelectWaiting {
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** Status reads before giving up (default 60, one a second). */
  attempts?: number;
}

const day = (s: string, end: boolean) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T${end ? '23:59:59' : '00:00:00'}Z` : s);

export function toSelectRequest(q: MaxarSelectQuery): WireSelectRequest {
  const datetime = q.from || q.to ? `${q.from ? day(q.from, false) : '..'}/${q.to ? day(q.to, true) : '..'}` : undefined;
  return {
    intersects: q.aoi,
    ...(datetime ? { datetime } : {}),
    ...(q.categories?.length ? { image_age_category: [...q.categories] } : {}),
    ...(q.maxCloud !== undefined ? { query: { 'aoi:cloud_free_percentage': { gte: 100 - q.maxCloud } } } : {}),
  };
}

function hitsOf(tiles: readonly WireTile[], now: Date, limit: number): MaxarHit[] {
  const by = new Map<string, WireTile[]>();
  for (const t of tiles) by.set(t.properties.acquisition_id, [...(by.get(t.properties.acquisition_id) ?? []), t]);
  return [...by.values()]
    .map((ts) => {
      const p = ts[0]!.properties;
      const cloudFree = typeof p['aoi:cloud_free_percentage'] === 'number' ? p['aoi:cloud_free_percentage'] : undefined;
      return { id: p.acquisition_id, acquired: p.date, category: ageCategory(new Date(`${p.date.slice(0, 10)}T00:00:00Z`), now), ...(p.platform ? { platform: p.platform } : {}), ...(cloudFree !== undefined ? { cloudFree } : {}), cells: ts.length };
    })
    .sort((a, b) => b.acquired.localeCompare(a.acquired) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((h, i) => ({ index: i + 1, ...h }));
}

function estimateOf(u: WireUsage | undefined): Pick<MaxarSelection, 'estimate' | 'total'> {
  if (!u) return { estimate: [], total: null };
  return {
    estimate: AGE_CATEGORIES.map((c) => ({ category: c, km2: u.area[`${c}_imagery_sqkm`] ?? 0, cost: u.cost[`${c}_imagery_cost`] ?? null })),
    total: u.cost.total_imagery_cost,
  };
}

export async function selectMaxar(client: MaxarClient, q: MaxarSelectQuery, wait: SelectWaiting = {}): Promise<MaxarSelection> {
  const sleep = wait.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let s = await client.select(toSelectRequest(q));
  for (let i = 0; s.status === 'RUNNING'; i++) {
    if (i >= (wait.attempts ?? 60)) {
      throw new DiagnosticsError([error('MAXAR_SELECT_TIMEOUT', `Maxar select ${s.id} is still running`, undefined, 'Try a smaller AOI or a narrower date range.')]);
    }
    if (i > 0) await sleep(1_000);
    s = await client.selectStatus(s.id);
  }
  if (s.status !== 'SUCCEEDED') {
    const why = s.error_message ? Object.values(s.error_message).join(': ') : s.status;
    throw new DiagnosticsError([error('MAXAR_SELECT_FAILED', `Maxar select ${s.id} failed: ${why}`, undefined, 'Check the AOI (at least 1 km²) and the criteria.')]);
  }
  const link = s.links?.geojson;
  const tiles = link ? (await client.selectResult(link)).features : [];
  return { selectId: s.id, hits: hitsOf(tiles, (wait.now ?? (() => new Date()))(), q.limit), ...estimateOf(s.usage) };
}

export interface MaxarSkeletonContext {
  /** The order key's start and the AOI's name. */
  aoiName: string;
  /** How the order refers to the AOI: a file path relative to the config, or inline GeoJSON. */
  aoi: { file: string } | object;
}

/** One Maxar ARD order of the picked acquisitions over the searched AOI, ready to sit under `orders:`. */
export function maxarOrderEntries(hits: readonly MaxarHit[], ctx: MaxarSkeletonContext): Skeleton {
  const newest = hits.map((h) => h.acquired.slice(0, 10)).sort().at(-1) ?? '';
  const key = `${ctx.aoiName}-ard-${newest.replaceAll('-', '')}`.slice(0, 60);
  return {
    orders: {
      [key]: {
        vendor: 'maxar',
        acquisitions: hits.map((h) => h.id),
        aoi: structuredClone(ctx.aoi),
        bundleAdjust: false,
        output: { s3: { bucket: 'your-bucket', prefix: `ard/${ctx.aoiName}` } },
      },
    },
    notes: [
      ` From orderform search --vendor maxar (${hits.map((h) => `${h.index}: ${h.id} ${h.acquired.slice(0, 10)} ${h.category}`).join(', ')}).`,
      ' Set the output bucket (or gcs/azure with their write credentials), then run `orderform plan`:',
      " it prices the order with Maxar's dry run.",
    ],
  };
}
