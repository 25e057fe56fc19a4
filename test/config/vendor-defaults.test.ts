/**
 * The offline rules judge options as the vendor will produce them: what is left out takes the
 * vendor default (Neo: full_bundle / reflectance; SPOT/Pléiades: bundle / basic; pixel coding
 * follows the radiometry), as the sandbox does. These configs must pass; the corpus holds the failures.
 */
import { describe, expect, test } from 'vitest';
import { LEGACY, SQUARE, load, tree } from './helpers.js';

const order = (contract: string, productType: string, production: string) => `${LEGACY}orders:
  o:
    vendor: oneatlas
    contract: ${contract}
    productType: ${productType}
    aois: { a: { geometry: ${SQUARE} } }
    items: [{ catalogItemId: i }]
    production: ${production}
    primaryMarket: CARTO
    endUser: { name: ACME, country: FR }
`;

async function errors(text: string): Promise<string[]> {
  const { diagnostics } = await load(['orders.yaml'], {}, tree({ 'orders.yaml': text }));
  return diagnostics.map((d) => `${d.code}: ${d.summary}`);
}

describe('vendor defaults in the offline rules', () => {
  test('HD on Pléiades Neo with every default is primary / full_bundle / reflectance: accepted', async () => {
    expect(await errors(order('neo', 'PleiadesNeoArchiveMono', '{ hd: true }'))).toEqual([]);
  });

  test('display radiometry alone gets 8 bits by default: accepted', async () => {
    expect(await errors(order('legacy', 'PleiadesArchiveMono', '{ radiometricProcessing: display }'))).toEqual([]);
  });

  test('Neo reflectance by default goes with 16 bits', async () => {
    expect(await errors(order('neo', 'PleiadesNeoArchiveMono', '{ pixelCoding: 16bits }'))).toEqual([]);
  });

  test('SPOT/Pléiades radiometry left out is basic, which 8 bits does not take', async () => {
    expect(await errors(order('legacy', 'PleiadesArchiveMono', '{ pixelCoding: 8bits }'))).toEqual([
      'PIXEL_CODING_RADIOMETRY: pixel coding 8bits needs display radiometry, not basic (the default)',
    ]);
  });

  // Seed: "Dem and projection are not mandatory for primary, Dem is not mandatory for projected": allowed, not rejected.
  test('a DEM and a projection on a primary product, a DEM on a projected one: accepted', async () => {
    expect(await errors(order('legacy', 'PleiadesArchiveMono', '{ processingLevel: primary, dem: { a: SRTMV4 }, projection: { a: "2154" } }'))).toEqual([]);
    expect(await errors(order('legacy', 'PleiadesArchiveMono', '{ processingLevel: projected, dem: { a: SRTMV4 }, projection: { a: "2154" } }'))).toEqual([]);
  });
});
