/**
 * Delivered products: each delivered order line appears in its contract's delivery workspace as a
 * searchable feature carrying the order's customerReference and salesOrderId, with a download link
 * to bytes that are deterministic per product (stable sha256).
 */
import { createHash } from 'node:crypto';
import type { CatalogItem } from '../catalog.js';
import type { Sim } from '../context.js';
import { mulberry32, uuidFromName } from '../prng.js';
import { deliveryTime } from './lifecycle.js';
import type { WorkOrderLineRecord, WorkOrderRecord } from './order-records.js';
import { contractById } from './seed.js';

export interface DeliveredProduct {
  id: string;
  workspace: string;
  deliveredAt: string;
  order: WorkOrderRecord;
  line: WorkOrderLineRecord;
  item: CatalogItem;
}

export function deliveredProducts(sim: Sim): DeliveredProduct[] {
  const now = sim.now().getTime();
  const products: DeliveredProduct[] = [];
  for (const order of sim.store.data.workOrders) {
    const due = deliveryTime(order, sim);
    const workspace = contractById(order.contractId)?.workspace;
    if (due === undefined || now < due || !workspace) continue;
    for (const line of order.lines) {
      const item = sim.catalog.byId.get(line.catalogItemId);
      if (!item) continue;
      products.push({ id: productId(order, line), workspace, deliveredAt: new Date(due).toISOString(), order, line, item });
    }
  }
  return products;
}

function productId(order: WorkOrderRecord, line: WorkOrderLineRecord): string {
  return uuidFromName('delivered', order.salesOrderId ?? '', line.orderItemId);
}

/**
 * The product archive's bytes: 192–320 KiB, the same on every run. Filled by a PRNG seeded from the id's
 * hash (not a hash chain): the first workspace search after a delivery digests every product, and a
 * hash per 32 bytes made that ~10 ms a product, seconds of simulator time on a large state.
 */
export function productBytes(id: string): Buffer {
  const seed = createHash('sha256').update(`product:${id}`).digest();
  const size = 196_608 + (seed.readUInt32BE(0) % 131_072);
  const words = new Uint32Array(Math.ceil(size / 4));
  const rand = mulberry32(seed.readUInt32BE(4));
  for (let i = 0; i < words.length; i++) words[i] = rand() * 2 ** 32;
  return Buffer.from(words.buffer, words.byteOffset, size);
}

const digests = new Map<string, { size: number; sha256: string }>();

/** Size and sha256 of a product's bytes (memoized: they never change for an id). */
export function productDigest(id: string): { size: number; sha256: string } {
  let d = digests.get(id);
  if (!d) {
    const bytes = productBytes(id);
    d = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    digests.set(id, d);
  }
  return d;
}
