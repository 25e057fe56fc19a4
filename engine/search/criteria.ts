/**
 * Opensearch criteria shared by catalogue search and the delivery workspace listing (seed steps 2 and 6):
 * acquisition, last-update and publication date ranges, cloud cover, incidence angle and an AOI, checked
 * and written as the vendor's interval strings. Dates are YYYY-MM-DD (a bare end date includes that day)
 * or ISO 8601 timestamps.
 */
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Polygon } from '../model.js';

export interface DateRange {
  from?: string;
  to?: string;
}

export interface Criteria {
  aoi?: Polygon;
  /** acquisitionDate */
  acquired?: DateRange;
  /** lastUpdateDate: "convenient if you want implement an automatic harvesting sequence" (seed, catalogue). */
  updated?: DateRange;
  /** publicationDate: the same, for the delivery workspace (seed). */
  published?: DateRange;
  maxCloud?: number;
  maxIncidence?: number;
}

/** The CLI flags each range is read from, named in errors. */
const FLAGS: Record<'acquired' | 'updated' | 'published', [string, string]> = {
  acquired: ['from', 'to'],
  updated: ['updated-from', 'updated-to'],
  published: ['published-from', 'published-to'],
};

const WIRE: Record<keyof typeof FLAGS, 'acquisitionDate' | 'lastUpdateDate' | 'publicationDate'> = {
  acquired: 'acquisitionDate',
  updated: 'lastUpdateDate',
  published: 'publicationDate',
};

/** The criteria as opensearch request fields (interval strings); a vendor's search request takes them as they are. */
export interface CriteriaRequest {
  geometry?: Polygon;
  acquisitionDate?: string;
  lastUpdateDate?: string;
  publicationDate?: string;
  cloudCover?: string;
  incidenceAngle?: string;
}

/** The request fields for `c`; every problem at once as a DiagnosticsError. */
export function toCriteria(c: Criteria): CriteriaRequest {
  const problems: Diagnostic[] = [];
  const out: CriteriaRequest = c.aoi ? { geometry: c.aoi } : {};
  for (const key of Object.keys(FLAGS) as (keyof typeof FLAGS)[]) {
    const range = c[key];
    if (!range) continue;
    const [fromFlag, toFlag] = FLAGS[key];
    const from = instant(range.from, fromFlag, false, problems);
    const to = instant(range.to, toFlag, true, problems);
    if (from && to && from > to) problems.push(error('INVALID_DATE_RANGE', `--${fromFlag} ${range.from} is after --${toFlag} ${range.to}`));
    if (from || to) out[WIRE[key]] = `[${from ?? ''},${to ?? ''}]`;
  }
  for (const [flag, v, max, field] of [['max-cloud', c.maxCloud, 100, 'cloudCover'], ['max-incidence', c.maxIncidence, 90, 'incidenceAngle']] as const) {
    if (v === undefined) continue;
    if (!(v >= 0 && v <= max)) problems.push(error('INVALID_RANGE', `--${flag} ${v} is outside 0–${max}`));
    else out[field] = `[0,${v}]`;
  }
  if (problems.length) throw new DiagnosticsError(problems);
  return out;
}

function instant(value: string | undefined, flag: string, endOfDay: boolean, problems: Diagnostic[]): string | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) {
    problems.push(error('INVALID_DATE', `--${flag} ${value} is not a date`, undefined, 'use YYYY-MM-DD or an ISO 8601 timestamp, e.g. 2024-06-30'));
    return undefined;
  }
  return new Date(dateOnly && endOfDay ? t + 86_400_000 - 1 : t).toISOString();
}
