/**
 * Catalogue search for `orderform search`: criteria → opensearch request, answers → hits a user
 * can pick from (numbered from 1, in the order shown).
 */
import { DiagnosticsError, error } from '../../diagnostics.js';
import type { AcquisitionMode, Mission, Polygon } from '../../model.js';
import { toCriteria, type Criteria, type CriteriaRequest } from '../../search/criteria.js';
import { collect } from '../paging.js';
import type { OneAtlasClient } from './client.js';
import type { WireSearchRequest } from './wire.js';

export const CONSTELLATIONS = ['PHR', 'PNEO', 'SPOT'] as const;
export type Constellation = (typeof CONSTELLATIONS)[number];

export const MISSION_OF: Record<Constellation, Mission> = { PHR: 'PLEIADES', PNEO: 'PLEIADESNEO', SPOT: 'SPOT' };

export interface SearchQuery extends Criteria {
  aoi: Polygon;
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
  /** The catalogue's `productType`: a stereo or tristereo item carries the whole pair or triplet. */
  mode: AcquisitionMode;
  platform: string;
  acquisitionDate: string;
  cloudCover?: number;
  incidenceAngle?: number;
}

export function toSearchRequest(q: SearchQuery): Omit<WireSearchRequest, 'startPage' | 'itemsPerPage'> {
  const problems = Number.isInteger(q.limit) && q.limit >= 1 && q.limit <= 500 ? [] : [error('INVALID_LIMIT', `--limit ${q.limit} must be an integer from 1 to 500`)];
  let criteria: CriteriaRequest = {};
  try {
    criteria = toCriteria(q);
  } catch (e) {
    if (!(e instanceof DiagnosticsError)) throw e;
    problems.unshift(...e.diagnostics);
  }
  if (problems.length) throw new DiagnosticsError(problems);
  return {
    ...criteria,
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
      mode: p.productType === 'stereo' || p.productType === 'tristereo' ? p.productType : 'mono',
      platform: p.platform ?? '',
      acquisitionDate: p.acquisitionDate ?? '',
      ...(p.cloudCover !== undefined ? { cloudCover: p.cloudCover } : {}),
      ...(p.incidenceAngle !== undefined ? { incidenceAngle: p.incidenceAngle } : {}),
    };
  });
}
