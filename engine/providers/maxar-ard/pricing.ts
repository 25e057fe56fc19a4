/**
 * A new Maxar ARD order's price is Maxar's own estimate: `POST /order` with `dry_run: true` answers
 * `usage.area.*_imagery_sqkm` and `usage.cost.*_imagery_cost` and places nothing (ORD-GUIDE; SDK order.py).
 * It is what the order will be charged (each acquisition's tiles clipped to the AOI), where AOI km² ×
 * account price per acquisition is not. One dry run per new order, all at once; the acquisitions of all
 * of them are looked up first in one cell-metadata call, so an unknown id is reported where it is written.
 */
import { DiagnosticsError, error } from '../../diagnostics.js';
import type { MaxarOrderSpec } from '../../model.js';
import { roundMoney } from '../../plan/cost.js';
import type { Cost } from '../../plan/types.js';
import type { MaxarClient } from './client.js';
import { costByCategory, toOrderRequest } from './convert.js';
import { orRefusal } from './refusals.js';
import { MAXAR_CURRENCY } from './rules.js';
import type { WireTile } from './wire.js';

export interface MaxarPricer {
  price(spec: MaxarOrderSpec): Promise<Cost>;
}

/** Collects the ids asked for during one turn of the event loop and looks them all up in one call. */
function batchedTiles(client: MaxarClient): (ids: readonly string[]) => Promise<Map<string, WireTile>> {
  let pending: { ids: Set<string>; result: Promise<Map<string, WireTile>> } | undefined;
  return (ids) => {
    if (!pending) {
      const batch = { ids: new Set<string>(), result: Promise.resolve(new Map<string, WireTile>()) };
      batch.result = new Promise<void>((r) => setImmediate(r)).then(async () => {
        pending = undefined;
        const tiles = await client.tiles([...batch.ids]);
        return new Map(tiles.map((t) => [t.properties.acquisition_id, t]));
      });
      pending = batch;
    }
    for (const id of ids) pending.ids.add(id);
    return pending.result;
  };
}

export function createMaxarPricer(client: MaxarClient): MaxarPricer {
  const tiles = batchedTiles(client);
  return {
    async price(spec) {
      // Both at once; an unknown acquisition explains a refused estimate better than the refusal does.
      const [lookup, estimate] = await Promise.allSettled([
        tiles(spec.acquisitions),
        orRefusal(spec, false, () => client.estimate(toOrderRequest(spec, (v) => client.secret(v)))),
      ]);
      if (lookup.status === 'rejected') throw lookup.reason;
      const known = lookup.value;
      const unknown = spec.acquisitions.filter((id) => !known.has(id));
      if (unknown.length) {
        throw new DiagnosticsError([error('UNKNOWN_ACQUISITION', `${spec.address}: Maxar ARD has no tiles of acquisition ${unknown.join(', ')}`, spec.source,
          'Check the acquisition ids (`orderform search --vendor maxar` lists those over an AOI).')]);
      }
      if (estimate.status === 'rejected') throw estimate.reason;
      const u = estimate.value;
      const accountId = await client.accountId();
      const byCategory = Object.fromEntries(Object.entries(costByCategory(u)).filter(([, v]) => v > 0));
      const amount = roundMoney(u.cost.total_imagery_cost ?? Object.values(byCategory).reduce((s, v) => s + v, 0));
      const dates = spec.acquisitions.map((id) => `${id} ${known.get(id)?.properties.date ?? ''}`.trim()).join(', ');
      const areas = (['fresh', 'standard', 'training'] as const)
        .filter((c) => (u.area[`${c}_imagery_sqkm`] ?? 0) > 0)
        .map((c) => `${u.area[`${c}_imagery_sqkm`]} km² ${c}`)
        .join(', ');
      return { amount, currency: MAXAR_CURRENCY, basis: 'price-endpoint', vendor: 'maxar', detail: `Maxar dry run: ${areas || '0 km²'} (${dates})`, byCategory, account: accountId };
    },
  };
}
