/**
 * Catalogue search for `orderform search`: criteria → opensearch request, answers → hits a user
 * can pick from (numbered from 1, in the order shown).
 */
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Mission, Polygon } from '../model.js';
import { collect, type OneAtlasClient } from '../providers/index.js';
import type { WireSearchRequest } from '../providers/oneatlas/wire.js';

export const CONSTELLATIONS = ['PHR', 'PNEO', 'SPOT'] as const;
export type Constellation = (typeof CONSTELLATIONS)[number];

export const MISSION_OF: Record<Constellation, Mission> = { PHR: 'PLEIADES', PNEO: 'PLEIADESNEO', SPOT: 'SPOT' };

export interface SearchQuery {
  aoi: Polygon;
  /** YYYY-MM-DD or an ISO timestamp; a bare `to` date includes that whole day. */
  from?: string;
  to?: string;
  maxCloud?: number;
  maxIncidence?: number;
  constellations?: Constellation[];
  /** Opensearch `sortBy` (a leading `-` sorts descending), e.g. `cloudCover,-acquisitionDate`. */
  sort?: string;
  limit: number;
}

export interface SearchHit {
  /** 1-based position in the list shown (what `--pick` refers to). */
  index: number;
  id: string;
  constellation: string;
  mission?: Mission;
  platform: string;
  acquisitionDate: string;
  cloudCover?: number;
  incidenceAngle?: number;
}

export function toSearchRequest(q: SearchQuery): Omit<WireSearchRequest, 'startPage' | 'itemsPerPage'> {
  const problems: Diagnostic[] = [];
  const instant = (value: string | undefined, flag: string, endOfDay: boolean): string | undefined => {
    if (value === undefined) return undefined;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(t)) {
      problems.push(error('INVALID_DATE', `--${flag} ${value} is not a date`, undefined, 'use YYYY-MM-DD or an ISO 8601 timestamp, e.g. 2024-06-30'));
      return undefined;
    }
    return new Date(dateOnly && endOfDay ? t + 86_400_000 - 1 : t).toISOString();
  };
  const from = instant(q.from, 'from', false);
  const to = instant(q.to, 'to', true);
  if (from && to && from > to) problems.push(error('INVALID_DATE_RANGE', `--from ${q.from} is after --to ${q.to}`));
  for (const [flag, v, max] of [['max-cloud', q.maxCloud, 100], ['max-incidence', q.maxIncidence, 90]] as const) {
    if (v !== undefined && !(v >= 0 && v <= max)) problems.push(error('INVALID_RANGE', `--${flag} ${v} is outside 0–${max}`));
  }
  if (!(Number.isInteger(q.limit) && q.limit >= 1 && q.limit <= 500)) problems.push(error('INVALID_LIMIT', `--limit ${q.limit} must be an integer from 1 to 500`));
  if (problems.length) throw new DiagnosticsError(problems);
  return {
    geometry: q.aoi,
    ...(from || to ? { acquisitionDate: `[${from ?? ''},${to ?? ''}]` } : {}),
    ...(q.maxCloud !== undefined ? { cloudCover: `[0,${q.maxCloud}]` } : {}),
    ...(q.maxIncidence !== undefined ? { incidenceAngle: `[0,${q.maxIncidence}]` } : {}),
    ...(q.constellations?.length ? { constellation: q.constellations.join(',') } : {}),
    ...(q.sort ? { sortBy: q.sort } : {}),
  };
}

/** The first `limit` matching items: only the pages needed are fetched. */
export async function searchCatalog(client: OneAtlasClient, q: SearchQuery): Promise<SearchHit[]> {
  const features = await collect(client.search(toSearchRequest(q), q.limit), q.limit);
  return features.map((f, i) => {
    const p = f.properties;
    const constellation = p.constellation ?? '';
    const mission = MISSION_OF[constellation as Constellation];
    return {
      index: i + 1,
      id: p.id,
      constellation,
      ...(mission ? { mission } : {}),
      platform: p.platform ?? '',
      acquisitionDate: p.acquisitionDate ?? '',
      ...(p.cloudCover !== undefined ? { cloudCover: p.cloudCover } : {}),
      ...(p.incidenceAngle !== undefined ? { incidenceAngle: p.incidenceAngle } : {}),
    };
  });
}

/** `--pick 1,3` → those hits; every hit when no pick is given. */
export function pickHits<T extends { index: number }>(hits: readonly T[], pick: readonly number[] | undefined): T[] {
  if (!pick?.length) return [...hits];
  const bad = pick.filter((n) => !hits.some((h) => h.index === n));
  if (bad.length) {
    throw new DiagnosticsError([error('INVALID_PICK', `--pick ${bad.join(',')}: the list shows items 1 to ${hits.length}`, undefined, 'pick by the number in the first column')]);
  }
  return [...new Set(pick)].map((n) => hits.find((h) => h.index === n)!);
}
