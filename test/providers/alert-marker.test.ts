/** Orderform's marker on an alert: its creator and every created field. A colleague's alert of the same spec is not ours. */
import { describe, expect, it } from 'vitest';
import { alertMarker } from '../../engine/providers/oneatlas/refresh.js';

const spec = { name: 'Paris', context: 'subscription', constellations: ['PHR'], productTypes: ['mono'], cloudCover: [0, 20] as [number, number], incidenceAngle: [0, 30] as [number, number], geometry: { type: 'Polygon', coordinates: [[[2, 48], [3, 48], [3, 49], [2, 48]]] } };

describe('alertMarker', () => {
  it('matches the same creator and spec, field order aside', () => {
    const { geometry, ...rest } = spec;
    expect(alertMarker({ geometry, ...rest }, 'me')).toBe(alertMarker(spec, 'me'));
  });

  it.each([
    ['another user', spec, 'colleague'],
    ['another name', { ...spec, name: 'Paris 2' }, 'me'],
    ['other criteria', { ...spec, cloudCover: [0, 25] as [number, number] }, 'me'],
    ['another context', { ...spec, context: 'CTR1' }, 'me'],
  ])('differs for %s', (_, other, user) => {
    expect(alertMarker(other, user)).not.toBe(alertMarker(spec, 'me'));
  });
});
