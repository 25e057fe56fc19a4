/** Every simulated route, both vendors, in one table (paths per docs/wire-contract.md). */
import type { Route } from './context.js';
import { accountRoutes } from './maxar/account.js';
import { listingRoutes } from './maxar/listing.js';
import { maxarOrderRoutes } from './maxar/orders.js';
import { MAXAR_PREFIX } from './maxar/seed.js';
import { maxarAuthRoutes } from './maxar/auth.js';
import { metadataRoutes } from './maxar/metadata.js';
import { selectRoutes } from './maxar/select.js';
import { alertRoutes } from './oneatlas/alerts.js';
import { discoveryRoutes } from './oneatlas/discovery.js';
import { downloadRoutes } from './oneatlas/download.js';
import { opensearchRoutes } from './oneatlas/opensearch.js';
import { orderRoutes } from './oneatlas/orders.js';
import { ordersSearchRoutes } from './oneatlas/orders-search.js';
import { quotationRoutes } from './oneatlas/quotations.js';
import { tokenRoutes } from './oneatlas/token.js';

export const ROUTES: Route[] = [
  ...tokenRoutes,
  ...discoveryRoutes,
  ...opensearchRoutes,
  ...downloadRoutes,
  ...orderRoutes,
  ...quotationRoutes,
  ...ordersSearchRoutes,
  ...alertRoutes,
  ...[...maxarAuthRoutes, ...accountRoutes, ...metadataRoutes, ...listingRoutes, ...maxarOrderRoutes, ...selectRoutes].map((r) => ({ ...r, prefix: MAXAR_PREFIX })),
];
