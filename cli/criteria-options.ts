/** Opensearch criteria flags shared by `search` (the catalogue) and `deliveries` (the delivery workspace). */
import type { Argv } from 'yargs';
import type { Criteria, DateRange } from '../engine/search/criteria.js';

export interface CriteriaOptions {
  from?: string;
  to?: string;
  updatedFrom?: string;
  updatedTo?: string;
  publishedFrom?: string;
  publishedTo?: string;
  maxCloud?: number;
  maxIncidence?: number;
}

/** Acquisition and publication dates, cloud cover, incidence; `updated` adds the catalogue's lastUpdateDate. */
export function withCriteriaOptions<T>(y: Argv<T>, opts: { updated: boolean }): Argv<T & CriteriaOptions> {
  const dates = y
    .option('from', { type: 'string', requiresArg: true, describe: 'Acquired on or after (YYYY-MM-DD or ISO 8601)' })
    .option('to', { type: 'string', requiresArg: true, describe: 'Acquired on or before (a bare date includes the day)' });
  const updated = opts.updated
    ? dates
        .option('updated-from', { type: 'string', requiresArg: true, describe: 'Catalogue entry updated on or after (lastUpdateDate: harvest what changed since a run)' })
        .option('updated-to', { type: 'string', requiresArg: true, describe: 'Catalogue entry updated on or before' })
    : dates;
  return updated
    .option('published-from', { type: 'string', requiresArg: true, describe: 'Published on or after (publicationDate)' })
    .option('published-to', { type: 'string', requiresArg: true, describe: 'Published on or before' })
    .option('max-cloud', { type: 'number', requiresArg: true, describe: 'Largest cloud cover, %' })
    .option('max-incidence', { type: 'number', requiresArg: true, describe: 'Largest incidence angle, degrees' });
}

export function criteriaArgs(a: CriteriaOptions): Criteria {
  const range = (from: string | undefined, to: string | undefined): DateRange | undefined =>
    from === undefined && to === undefined ? undefined : { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  const ranges = { acquired: range(a.from, a.to), updated: range(a.updatedFrom, a.updatedTo), published: range(a.publishedFrom, a.publishedTo) };
  return {
    ...Object.fromEntries(Object.entries(ranges).filter(([, r]) => r !== undefined)),
    ...(a.maxCloud !== undefined ? { maxCloud: a.maxCloud } : {}),
    ...(a.maxIncidence !== undefined ? { maxIncidence: a.maxIncidence } : {}),
  };
}
