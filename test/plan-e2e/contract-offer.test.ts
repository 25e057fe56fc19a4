/**
 * Plan checks each order about to be placed against what the vendor says the contract offers (seed steps
 * 0.1–0.7) and against the catalogue (a Pléiades Neo item made private since the search), with a code and
 * the allowed values, before any money moves. Against the sandbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mutatingCalls } from '../support/sandbox.js';
import { startWorld, type World } from './harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const PARIS = '{ type: Polygon, coordinates: [[[2.3, 48.83], [2.4, 48.83], [2.4, 48.89], [2.3, 48.89], [2.3, 48.83]]] }';
const PHR_PARIS_MONO = '5eed0000-0000-4000-8000-000000000001';
const PNEO_PARIS_MONO = '5eed0000-0000-4000-8000-000000000007';

function config(orders: string, contracts = 'legacy: { contractId: CTR21000411, backend: legacy }\n      neo: { contractId: CTR22000777, backend: neo }'): string {
  return `providers:\n  oneatlas:\n    contracts:\n      ${contracts}\norders:\n${orders}`;
}

function order(key: string, fields: Record<string, string> = {}): string {
  const f = {
    contract: 'legacy',
    productType: 'PleiadesArchiveMono',
    item: PHR_PARIS_MONO,
    primaryMarket: 'CARTO',
    endUser: '{ name: ACME, country: FR }',
    ...fields,
  };
  const extra = Object.entries(fields)
    .filter(([k]) => !['contract', 'productType', 'item', 'primaryMarket', 'endUser'].includes(k))
    .map(([k, v]) => `    ${k}: ${v}\n`)
    .join('');
  return `  ${key}:\n    vendor: oneatlas\n    contract: ${f.contract}\n    productType: ${f.productType}\n    aois:\n      paris: { geometry: ${PARIS} }\n    items:\n      - catalogItemId: ${f.item}\n    primaryMarket: ${f.primaryMarket}\n    endUser: ${f.endUser}\n${extra}`;
}

async function plan(yaml: string) {
  world = await startWorld({ 'orders.yaml': yaml });
  const r = await world.cli('plan', '--output', 'json');
  expect(mutatingCalls(world.sb)).toEqual({});
  return { code: r.code, plan: JSON.parse(r.stdout) as { applyable: boolean; diagnostics: { code: string; summary: string; detail?: string; source?: { path: string } }[] } };
}

describe('plan checks orders against the contract offer', () => {
  it('names each field the contract does not offer, with the allowed values, and prices none of them', async () => {
    const { plan: p } = await plan(
      config(
        order('market', { primaryMarket: 'SPACE' }) +
          order('secondary', { secondaryMarket: 'NOPE' }) +
          order('country', { endUser: '{ name: ACME, country: XX }' }) +
          order('label', { endUser: '{ name: ACME, country: FR, label: ALIEN }' }) +
          order('delivery', { delivery: 'PIGEON' }) +
          order('licence', { production: '{ licence: galactic }' }) +
          order('option', { production: '{ options: { warp_speed: "9" } }' }),
      ),
    );
    const by = (code: string) => p.diagnostics.filter((d) => d.code === code);
    expect(p.applyable).toBe(false);
    expect(by('PRIMARY_MARKET_NOT_ON_CONTRACT')[0]).toMatchObject({ source: { path: 'orders.market.primaryMarket' } });
    expect(by('PRIMARY_MARKET_NOT_ON_CONTRACT')[0]!.detail).toContain('CARTO');
    expect(by('SECONDARY_MARKET_NOT_ON_CONTRACT')[0]!.detail).toContain('CARTO_OTHER');
    expect(by('END_USER_COUNTRY_NOT_LISTED')[0]!.detail).toContain('FR');
    expect(by('END_USER_LABEL_NOT_LISTED')[0]!.detail).toContain('CIVIL');
    expect(by('DELIVERY_TYPE_NOT_ON_CONTRACT')[0]!.detail).toBe('delivery types: network, MEDIA');
    expect(by('OPTION_VALUE_NOT_OFFERED')[0]).toMatchObject({ source: { path: 'orders.licence.production.licence' } });
    expect(by('OPTION_VALUE_NOT_OFFERED')[0]!.detail).toContain('standard');
    expect(by('OPTION_NOT_OFFERED')[0]).toMatchObject({ source: { path: 'orders.option.production.options.warp_speed' } });
    expect(p.diagnostics.filter((d) => d.code === 'PRICE_REFUSED')).toEqual([]);
    expect(world!.sb.calls()['POST /api/v1/prices']).toBeUndefined();
  });

  it('accepts what the contract offers: MEDIA delivery, a licence, a priority, a listed label and secondary market, notification e-mails', async () => {
    const { code, plan: p } = await plan(
      config(
        order('offered', {
          delivery: 'MEDIA',
          secondaryMarket: 'CARTO_OTHER',
          endUser: '{ name: ACME, country: FR, label: CIVIL }',
          production: '{ licence: standard, priority: rush, options: { delivery_method: at_the_end } }',
          notificationEmails: '[ops@example.com]',
        }),
      ),
    );
    // No offer problem; the one warning is never-twice's: a new SPOT/Pléiades order cannot be looked up at the vendor.
    expect(p.diagnostics.map((d) => d.code)).toEqual(['ORDER_NOT_CHECKABLE']);
    expect(p.applyable).toBe(true);
    expect(code).toBe(0);
  });

  it('reads the offer once per contract and product type, not once per order', async () => {
    const { plan: p } = await plan(config(['a', 'b', 'c', 'd', 'e'].map((k) => order(k)).join('')));
    expect(p.applyable).toBe(true);
    const calls = world!.sb.calls();
    const offerReads = Object.fromEntries(Object.entries(calls).filter(([route]) => /productTypes|properties|deliveryTypes/.test(route)));
    expect(offerReads).toEqual({
      'GET /api/v1/contracts/{contractId}/productTypes': 1,
      'GET /api/v1/contracts/{contractId}/properties': 1,
      'GET /api/v1/contracts/{contractId}/deliveryTypes': 1,
      'POST /api/v1/contracts/{contractId}/productTypes/{productTypeId}/options': 1,
      'GET /api/v1/properties': 1,
    });
  });

  it('checks the product type against the contract and the declared backend against the vendor backendSource', async () => {
    const { plan: p } = await plan(config(order('x', { contract: 'neo' }), 'neo: { contractId: CTR22000777, backend: legacy }'));
    const codes = p.diagnostics.map((d) => d.code);
    expect(codes).toContain('CONTRACT_BACKEND_DIFFERS');
    expect(p.diagnostics.find((d) => d.code === 'PRODUCT_TYPE_NOT_ON_CONTRACT')!.detail).toBe('offered: PleiadesNeoArchiveMono, PleiadesNeoArchiveMulti');
  });

  it('refuses at plan a Pléiades Neo item the catalogue no longer shows, before any quotation is requested', async () => {
    world = await startWorld({ 'orders.yaml': config(order('neo', { contract: 'neo', productType: 'PleiadesNeoArchiveMono', item: PNEO_PARIS_MONO })) });
    expect((await world.cli('plan', '--output', 'json')).code).toBe(0);
    world.sb.knobs.privateCatalogItems = [PNEO_PARIS_MONO];
    const r = await world.cli('plan', '--output', 'json');
    const p = JSON.parse(r.stdout) as { applyable: boolean; diagnostics: { code: string }[] };
    expect(p.diagnostics.map((d) => d.code)).toEqual(['CATALOG_ITEM_UNAVAILABLE']);
    expect((await world.cli('apply', '--auto-approve')).code).toBe(1);
    expect(mutatingCalls(world.sb)).toEqual({});
  });
});
