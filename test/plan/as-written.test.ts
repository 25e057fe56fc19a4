/** Field diffs read in the config's terms: names and types as written, nothing orderform derives. */
import { describe, expect, it } from 'vitest';
import { asWritten } from '../../engine/config/as-written.js';
import { customerReferenceFor } from '../../engine/config/digest.js';
import { fieldDiffs } from '../../engine/core/canonical.js';
import { legacyOrder } from './fixtures.js';

const placed = (options: Record<string, string>, digest: string) => ({
  ...legacyOrder('paris', digest),
  aois: [{ id: 1, name: 'paris-center' }, { id: 2, name: 'la-defense' }],
  options,
  customerReference: customerReferenceFor('paris', digest),
});

describe('asWritten', () => {
  it('diffs an edited order by config names and types: dem per AOI name, booleans unquoted, no digest or derived reference', () => {
    const before = placed({ processing_level: 'ortho', dem_1: 'best_available', dem_2: 'best_available', hd: 'true', dehazing: 'true' }, 'aaaaaaaa11');
    const after = placed({ processing_level: 'ortho', dem_1: 'best_available', dem_2: 'SRTMV4', hd: 'false' }, 'bbbbbbbb22');
    expect(fieldDiffs(asWritten(before), asWritten(after))).toEqual([
      { path: 'production.dem.la-defense', before: 'best_available', after: 'SRTMV4' },
      { path: 'production.hd', before: true, after: false },
    ]);
  });

  it('keeps a reference the user wrote, and dehazing set apart from HD', () => {
    const mine = { ...placed({ hd: 'false', dehazing: 'true' }, 'cccccccc33'), customerReference: 'PO-2024-17' };
    expect(asWritten(mine)).toMatchObject({ customerReference: 'PO-2024-17', production: { hd: false, dehazing: true } });
  });
});
