/**
 * A third vendor that orderform does not ship, to prove the provider seam: "FakeSat" sells widgets at
 * 12.5 EUR each from an in-memory catalogue, against one account with a credit. It plugs in through
 * registerProvider only; nothing under engine/ knows it. Test fixture, never shipped.
 */
import { randomUUID } from 'node:crypto';
import type { KindTraits } from '../../engine/core/kinds.js';
import type { RemoteObservation } from '../../engine/core/remote.js';
import { specOf, stateFor, withIntent } from '../../engine/core/resource-state.js';
import { error } from '../../engine/diagnostics.js';
import type { ResourceSpec } from '../../engine/model.js';
import type { Provider } from '../../engine/providers/provider.js';

/** The fake vendor's side: its orders, and every call made to it. */
export class FakeSat {
  readonly orders: { id: string; reference: string; widgets: number; amount: number }[] = [];
  readonly calls: string[] = [];
  constructor(readonly credit = 100) {}

  async list() {
    this.calls.push('GET /orders');
    return [...this.orders];
  }

  async place(reference: string, widgets: number) {
    this.calls.push('POST /orders');
    const order = { id: `FS-${randomUUID().slice(0, 8)}`, reference, widgets, amount: widgets * PRICE };
    this.orders.push(order);
    return order;
  }
}

const PRICE = 12.5;
const ACCOUNT = 'FS-ACCOUNT';

/** A FakeSat order as the config would normalize it (the kind is not one engine/model.ts lists). */
export interface WidgetOrderSpec {
  kind: 'fakesat_order';
  address: string;
  key: string;
  digest: string;
  source: { file: string; line: number; column: number; path: string };
  customerReference: string;
  widgets: number;
}

export function widgetOrder(key: string, widgets: number): ResourceSpec {
  const spec: WidgetOrderSpec = {
    kind: 'fakesat_order',
    address: `orders.${key}`,
    key,
    digest: `widgets-${widgets}`,
    source: { file: 'orders.yaml', line: 1, column: 1, path: `orders.${key}` },
    customerReference: `of-${key}`,
    widgets,
  };
  // The engine's ResourceSpec union lists the shipped kinds only: a third-party kind enters as data.
  return spec as unknown as ResourceSpec;
}

const widgets = (spec: ResourceSpec) => (spec as unknown as WidgetOrderSpec).widgets;

export function fakeSatProvider(vendor: FakeSat): Provider<FakeSat> {
  const kinds: Record<'fakesat_order', KindTraits> = {
    fakesat_order: { lifecycle: 'order', createSpends: true, maxPrice: 'spend-limits', deletedWhenRemoved: false },
  };
  const cost = (spec: ResourceSpec) => ({ amount: widgets(spec) * PRICE, currency: 'EUR', basis: 'price-endpoint' as const, vendor: 'fakesat', account: ACCOUNT });
  return {
    vendor: 'fakesat',
    title: 'FakeSat',
    kinds,
    // Its orders enter as data in this fixture; a shipped vendor normalizes its `orders:` entries here.
    normalizeOrder: async (entry) => ({ spec: null, diagnostics: [error('FAKESAT_NOT_CONFIGURABLE', `${entry.key}: FakeSat orders are not read from a config file`)] }),
    rules: () => [],
    creation: () => ({ action: 'create', listedAtOnce: true, importId: 'ORDER_ID' }),
    adoption: (spec, r) => ({
      adopt: { remote: { customerReference: (spec as unknown as WidgetOrderSpec).customerReference, ...(r.orderId ? { orderId: r.orderId } : {}) }, status: 'delivered', vendorId: `FakeSat order ${r.orderId ?? '?'}` },
    }),
    footprints: () => [],
    clientOf: () => vendor,
    reads: (client, tracked) => [
      {
        what: 'FakeSat orders',
        async read() {
          const orders = await client.list();
          const out: Record<string, RemoteObservation> = {};
          for (const t of tracked) {
            const byId = orders.find((o) => o.id === t.state?.remote.orderId);
            const o = byId ?? orders.find((x) => x.reference === (t.state?.remote.customerReference ?? t.spec.customerReference));
            out[t.address] = o ? { exists: true, foundBy: byId ? 'id' : 'reference', status: 'delivered', orderId: o.id } : { exists: false };
          }
          return { observations: out };
        },
      },
    ],
    pricing: () => ({
      accountLimits: async () => [
        { name: 'fakesat account credit', currency: 'EUR', limit: vendor.credit, used: null, counts: { vendor: 'fakesat', account: ACCOUNT }, alwaysShown: true },
      ],
      price: async (change, spec) => (change.action === 'create' && spec ? cost(spec) : null),
      reprice: async (_change, spec) => cost(spec),
    }),
    importResource: async (client, spec, id) => {
      const o = (await client.list()).find((x) => x.id === id);
      if (!o) throw new Error(`${spec.address}: no FakeSat order ${id}`);
      return { status: 'delivered', remote: { orderId: o.id, customerReference: o.reference } };
    },
    handlers: (client) => ({
      fakesat_order: {
        async apply(change, spec, prior, ctx) {
          const s = specOf(spec, change.kind as ResourceSpec['kind'], change.address);
          const ids = { customerReference: (s as unknown as WidgetOrderSpec).customerReference };
          return ctx.spend(change, s, async (price) => {
            const o = await withIntent(ctx, s, prior, 'create', ids, () => client.place(ids.customerReference, widgets(s)));
            return stateFor(s, prior, ctx.now(), {
              status: 'delivered',
              remote: { ...ids, orderId: o.id },
              ...(price?.amount != null && price.currency ? { price: { amount: price.amount, currency: price.currency } } : {}),
            });
          });
        },
      },
    }),
  };
}
