/** The OneAtlas account the sandbox simulates (docs/wire-contract.md § Sandbox seed). */
import type { AcquisitionType, Constellation, Mission } from '../catalog.js';

export type Backend = 'legacy' | 'neo';

export interface ContractSeed {
  contractId: string;
  name: string;
  backend: Backend;
  currency: string;
  initialCredit: number;
  /** Neo contracts deliver to this workspace (listed in `delivery`); legacy ones to the `/me` workspace. */
  workspace: string;
  productTypeIds: string[];
}

export const USER_ID = 'a7a62d3f-113a-4469-862e-789157c3914f';
export const CUSTOMER_ID = 'AC0000002';
export const LEGACY_WORKSPACE = 'ws-legacy-sandbox';
export const NEO_WORKSPACE = 'ws-neo-sandbox';

export const CONTRACTS: ContractSeed[] = [
  {
    contractId: 'CTR21000411',
    name: 'Sandbox legacy SPOT/Pléiades',
    backend: 'legacy',
    currency: 'EUR',
    initialCredit: 250_000,
    workspace: LEGACY_WORKSPACE,
    productTypeIds: [
      'PleiadesArchiveMono',
      'PleiadesArchiveStereo',
      'PleiadesArchiveTristereo',
      'SPOTArchive1.5Mono',
      'SPOTArchive1.5Stereo',
      'SPOTArchive1.5Tristereo',
    ],
  },
  {
    contractId: 'CTR22000777',
    name: 'Sandbox Pléiades Neo',
    backend: 'neo',
    currency: 'EUR',
    initialCredit: 500_000,
    workspace: NEO_WORKSPACE,
    productTypeIds: ['PleiadesNeoArchiveMono', 'PleiadesNeoArchiveMulti'],
  },
];

/** `multi` (Neo stereo and tristereo share one product type) accepts stereo or tristereo catalog items. */
export type ProductMode = 'mono' | 'stereo' | 'tristereo' | 'multi';

export interface ProductTypeSeed {
  productTypeId: string;
  mission: Mission;
  constellation: Constellation;
  mode: ProductMode;
  label: string;
  /** Smallest area charged, km² [I]. */
  minimumOrderAreaKm2: number;
  /** EUR per km² for a mono acquisition [I]; stereo ×2, tristereo ×3. */
  ratePerKm2: number;
}

export const PRODUCT_TYPES: ProductTypeSeed[] = [
  { productTypeId: 'PleiadesArchiveMono', mission: 'PLEIADES', constellation: 'PHR', mode: 'mono', label: 'Pléiades archive mono', minimumOrderAreaKm2: 25, ratePerKm2: 10 },
  { productTypeId: 'PleiadesArchiveStereo', mission: 'PLEIADES', constellation: 'PHR', mode: 'stereo', label: 'Pléiades archive stereo', minimumOrderAreaKm2: 25, ratePerKm2: 10 },
  { productTypeId: 'PleiadesArchiveTristereo', mission: 'PLEIADES', constellation: 'PHR', mode: 'tristereo', label: 'Pléiades archive tristereo', minimumOrderAreaKm2: 25, ratePerKm2: 10 },
  { productTypeId: 'SPOTArchive1.5Mono', mission: 'SPOT', constellation: 'SPOT', mode: 'mono', label: 'SPOT 1.5 m archive mono', minimumOrderAreaKm2: 100, ratePerKm2: 2.5 },
  { productTypeId: 'SPOTArchive1.5Stereo', mission: 'SPOT', constellation: 'SPOT', mode: 'stereo', label: 'SPOT 1.5 m archive stereo', minimumOrderAreaKm2: 100, ratePerKm2: 2.5 },
  { productTypeId: 'SPOTArchive1.5Tristereo', mission: 'SPOT', constellation: 'SPOT', mode: 'tristereo', label: 'SPOT 1.5 m archive tristereo', minimumOrderAreaKm2: 100, ratePerKm2: 2.5 },
  { productTypeId: 'PleiadesNeoArchiveMono', mission: 'PLEIADESNEO', constellation: 'PNEO', mode: 'mono', label: 'Pléiades Neo archive mono', minimumOrderAreaKm2: 25, ratePerKm2: 18 },
  { productTypeId: 'PleiadesNeoArchiveMulti', mission: 'PLEIADESNEO', constellation: 'PNEO', mode: 'multi', label: 'Pléiades Neo archive stereo/tristereo', minimumOrderAreaKm2: 25, ratePerKm2: 18 },
];

export const BACKEND_OF_MISSION: Record<Mission, Backend> = { SPOT: 'legacy', PLEIADES: 'legacy', PLEIADESNEO: 'neo' };

export const MODE_FACTOR: Record<AcquisitionType, number> = { mono: 1, stereo: 2, tristereo: 3 };

/** Primary markets (the PPO prices/orders enum); each has one secondary market [I]. */
export const MARKETS = [
  'AGRI', 'GENIE', 'GDPUBLIC', 'DEFSEC', 'DISTRI', 'RISQUE', 'ENERGIE', 'ENV', 'FORET', 'SANTE', 'ASSUR', 'IOT',
  'CARTO', 'MARITIME', 'PRESSE', 'MOBIL', 'AUTRE', 'TELECOM', 'TOURISME', 'TRANSPORT', 'NQUAL',
];

export const COUNTRIES: Record<string, string> = {
  FR: 'France', DE: 'Germany', NL: 'Netherlands', GB: 'United Kingdom', ES: 'Spain', IT: 'Italy', BE: 'Belgium',
  US: 'United States', CA: 'Canada', KE: 'Kenya', AU: 'Australia', JP: 'Japan', BR: 'Brazil', IN: 'India', ZA: 'South Africa',
};

/** End-user labels of `GET /api/v1/properties` [I: key name `labels`]. */
export const LABELS: Record<string, string> = {
  CIVIL: 'Civil end user',
  DEFENSE: 'Defence end user',
  RESEARCH: 'Research and education',
};

export const DELIVERY_TYPES = [
  { deliveryTypeId: 'network', label: 'FTP + My Data' },
  { deliveryTypeId: 'MEDIA', label: 'MEDIA' },
];

export function contractById(id: string): ContractSeed | undefined {
  return CONTRACTS.find((c) => c.contractId === id);
}

export function productTypeById(id: string): ProductTypeSeed | undefined {
  return PRODUCT_TYPES.find((p) => p.productTypeId === id);
}
