/**
 * Read-only discovery on the order host (contracts, product types, markets, delivery types, production
 * options, countries/labels) and the legacy workspace on the data host (`/api/v1/me`).
 */
import { requireToken } from '../auth.js';
import { json, type Handler, type Route, type SimRequest, type Sim } from '../context.js';
import { hostError, isObject, jsonObject } from '../errors.js';
import { polygonProblem, type Polygon } from '../geo.js';
import { creditString } from '../money.js';
import { availableOptions } from './production-options.js';
import {
  CONTRACTS, COUNTRIES, CUSTOMER_ID, DELIVERY_TYPES, LABELS, LEGACY_WORKSPACE, MARKETS, USER_ID, contractById, productTypeById,
  type ContractSeed,
} from './seed.js';

/** The contract named in the path, for a caller holding a token; 404 in the order host's shape otherwise. */
function pathContract(req: SimRequest, sim: Sim): ContractSeed {
  requireToken(req, sim, 'order');
  const id = req.params.contractId ?? '';
  const contract = contractById(id);
  if (!contract) throw hostError('order', 404, 'E2203', `CIS contract '${id}' not found.`);
  return contract;
}

export function creditOf(sim: Sim, contract: ContractSeed): number {
  return sim.store.data.credit[contract.contractId] ?? contract.initialCredit;
}

const contracts: Handler = (req, sim) => {
  requireToken(req, sim, 'order');
  return json(200, {
    contracts: CONTRACTS.map((c) => ({
      contractId: c.contractId,
      customerId: CUSTOMER_ID,
      name: c.name,
      tradeAgreementUrl: 'https://www.intelligence-airbusds.com/cgf/',
      creditRemaining: creditString(creditOf(sim, c)),
      currency: c.currency,
      language: 'en',
      contractType: 'ONEATLASDATA',
      backendSource: c.backend,
      ...(c.backend === 'neo' ? { delivery: [{ deliveryPlatformId: 'PublicMOC', deliveryWorkspace: c.workspace }] } : {}),
    })),
  });
};

const me: Handler = (req, sim) => {
  requireToken(req, sim, 'data');
  const legacy = CONTRACTS.find((c) => c.backend === 'legacy') as ContractSeed;
  return json(200, {
    id: USER_ID,
    status: 'created',
    createdAt: '2021-02-25T20:55:26.000Z',
    roles: ['user', 'admin', 'contractViewer'],
    contract: {
      id: 'b6f1c7e2-6f0a-4c55-9d2e-5a1d3c0e7b11',
      status: 'active',
      name: 'Sandbox OneAtlas',
      kind: 'contract.oneatlas.internal',
      amountUnit: legacy.currency,
      balanceUnit: legacy.currency,
      balance: Math.round(creditOf(sim, legacy) * 100) / 100,
      workspaceId: LEGACY_WORKSPACE,
      workspaceName: 'sandbox-legacy',
    },
    permissions: CONTRACTS.map((c) => ({ contractId: c.contractId, kind: 'contract.user', userId: USER_ID })),
  });
};

const productTypes: Handler = (req, sim) => {
  const contract = pathContract(req, sim);
  return json(200, {
    productTypes: contract.productTypeIds.map((id) => {
      const pt = productTypeById(id);
      return {
        productTypeId: id,
        technicalProduct: {
          id,
          label: pt?.label,
          source: { id: 'archive', label: 'Archive' },
          sensor: { id: pt?.mission, label: pt?.mission },
        },
        minimumOrderAreaApplied: pt?.minimumOrderAreaKm2,
      };
    }),
  });
};

const markets: Handler = (req, sim) => {
  pathContract(req, sim);
  return json(200, {
    properties: [],
    markets: MARKETS.map((id) => ({ id, label: id, secondaryMarket: [{ id: `${id}_OTHER`, label: `${id} (other)` }] })),
  });
};

const deliveryTypes: Handler = (req, sim) => {
  pathContract(req, sim);
  return json(200, { deliveryTypes: DELIVERY_TYPES });
};

/** Production options: needs `aoi: [{polygonId, geometry}]`; 403 for a product type the contract does not hold. */
const options: Handler = (req, sim) => {
  const contract = pathContract(req, sim);
  const pt = productTypeById(req.params.productTypeId ?? '');
  if (!pt || !contract.productTypeIds.includes(pt.productTypeId)) {
    throw hostError('order', 403, 'E403', `Product type '${req.params.productTypeId}' is not allowed by contract ${contract.contractId}`);
  }
  const body = jsonObject(req, 'order');
  if (!Array.isArray(body.aoi) || body.aoi.length === 0) throw hostError('order', 400, 'INVALID_PAYLOAD', 'aoi must list {polygonId, geometry}');
  const aois = body.aoi.map((a, i) => {
    if (!isObject(a) || !Number.isInteger(a.polygonId)) throw hostError('order', 400, 'INVALID_PAYLOAD', `aoi[${i}].polygonId must be an integer`);
    const problem = a.geometry === undefined || a.geometry === null ? undefined : polygonProblem(a.geometry);
    if (problem) throw hostError('order', 400, 'INVALID_PAYLOAD', `aoi[${i}]: ${problem}`);
    return { polygonId: a.polygonId as number, geometry: (a.geometry ?? null) as Polygon | null };
  });
  return json(200, { availableOptions: availableOptions(pt.mission, aois) });
};

const countries: Handler = (req, sim) => {
  requireToken(req, sim, 'order');
  return json(200, {
    properties: [
      { key: 'countries', values: Object.entries(COUNTRIES).map(([id, label]) => ({ id, label })) },
      { key: 'labels', values: Object.entries(LABELS).map(([id, label]) => ({ id, label })) },
    ],
  });
};

export const discoveryRoutes: Route[] = [
  { method: 'GET', template: '/api/v1/contracts', host: 'order', handler: contracts },
  { method: 'GET', template: '/api/v1/me', host: 'data', handler: me },
  { method: 'GET', template: '/api/v1/contracts/{contractId}/productTypes', host: 'order', handler: productTypes },
  { method: 'GET', template: '/api/v1/contracts/{contractId}/properties', host: 'order', handler: markets },
  { method: 'GET', template: '/api/v1/{contractId}/properties', host: 'order', handler: markets },
  { method: 'GET', template: '/api/v1/contracts/{contractId}/deliveryTypes', host: 'order', handler: deliveryTypes },
  { method: 'GET', template: '/api/v1/{contractId}/deliveryTypes', host: 'order', handler: deliveryTypes },
  { method: 'POST', template: '/api/v1/contracts/{contractId}/productTypes/{productTypeId}/options', host: 'order', handler: options },
  { method: 'GET', template: '/api/v1/properties', host: 'order', handler: countries },
];
