/**
 * Already owned: a new order whose catalog item was bought before — by an order state records, or one a
 * vendor list shows (read by refresh: no call of its own here) — over an AOI this one overlaps.
 * Each is a warning with the overlap and the earlier order; together they are one approval apply needs
 * (`--allow-rebuy`). Orders the config declares are never "earlier": the config asks for all of them, and
 * an apply interrupted between two of them must finish on a re-run exactly as an uninterrupted one. Pure.
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Footprint, ListedOrder } from '../core/remote.js';
import { overlap } from '../geo/overlap.js';
import { areaKm2 } from '../geo/area.js';
import type { ResourceSpec } from '../model.js';
import { providerOf, traitsOf } from '../providers/registry.js';
import type { ResourceStatus, StateSnapshot } from '../state/types.js';
import { APPROVAL_FLAG } from './thresholds.js';
import type { ApprovalNeeded, Change } from './types.js';

/** Statuses under which nothing was bought (yet, or ever). */
const NOT_BOUGHT: ReadonlySet<ResourceStatus> = new Set(['intent', 'quotation-sent', 'quotation-refused', 'quotation-expired', 'cancelled', 'failed']);

interface Earlier {
  /** The earlier order for people: its address and vendor id, or the vendor's id and reference. */
  label: string;
  footprints: Footprint[];
}

export interface AlreadyOwned {
  diagnostics: Diagnostic[];
  approval?: ApprovalNeeded;
}

const round = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

function earlierOrders(specs: ReadonlyMap<string, ResourceSpec>, state: StateSnapshot, listed: readonly ListedOrder[]): Earlier[] {
  const out: Earlier[] = [];
  const known = new Set([...specs.values()].flatMap((d) => ('customerReference' in d ? [d.customerReference] : [])));
  for (const s of Object.values(state.resources)) {
    if (s.remote.customerReference) known.add(s.remote.customerReference);
    if (specs.has(s.address) || traitsOf(s.kind).lifecycle !== 'order' || NOT_BOUGHT.has(s.status)) continue;
    const id = s.remote.salesOrderId ?? s.remote.orderId ?? s.remote.quotationId;
    out.push({ label: `${s.address}${id ? ` (${id})` : ''}`, footprints: providerOf(s.kind).footprints(s.spec) });
  }
  for (const l of listed) {
    if (l.footprints && !known.has(l.reference)) out.push({ label: `${l.vendorId} (reference ${l.reference})`, footprints: l.footprints });
  }
  return out;
}

/** What one new order shares with one earlier order: the overlap of each common item, as words; none when nothing overlaps. */
function shared(next: readonly Footprint[], earlier: Earlier): string[] {
  const out: string[] = [];
  for (const n of next) {
    for (const e of earlier.footprints) {
      if (e.itemId !== n.itemId) continue;
      if (!n.geometry || !e.geometry) {
        out.push(`item ${n.itemId} (whole item: no AOI to compare)`);
        continue;
      }
      const o = overlap(n.geometry, e.geometry);
      if (o.km2 <= 0) continue;
      const share = Math.min(100, (o.km2 / areaKm2(n.geometry)) * 100);
      out.push(`item ${n.itemId}: ${o.exact ? '' : 'at most '}${round(o.km2)} km² (${o.exact ? '' : 'at most '}${round(share)}% of this order's AOI)`);
    }
  }
  return out;
}

export function alreadyOwned(changes: readonly Change[], specs: ReadonlyMap<string, ResourceSpec>, state: StateSnapshot, listed: readonly ListedOrder[]): AlreadyOwned {
  const earlier = earlierOrders(specs, state, listed);
  const diagnostics: Diagnostic[] = [];
  const rebuys: string[] = [];
  for (const c of changes) {
    const spec = specs.get(c.address);
    if (!spec || (c.action !== 'create' && c.action !== 'request-quotation') || traitsOf(c.kind).lifecycle !== 'order') continue;
    const next = providerOf(c.kind).footprints(spec);
    const found = earlier.flatMap((e) => {
      const words = shared(next, e);
      return words.length ? [`${e.label}: ${words.join('; ')}`] : [];
    });
    if (!found.length) continue;
    rebuys.push(c.address);
    diagnostics.push(warning('ALREADY_OWNED', `${c.address} buys imagery already bought: ${found.join(' | ')}`, spec.source,
      `Check the earlier order's delivery before buying it again. To buy it anyway, apply with ${APPROVAL_FLAG.ALREADY_OWNED} (in CI: the PR label orderform:allow-rebuy).`));
  }
  if (!rebuys.length) return { diagnostics };
  const names = rebuys.slice(0, 5).join(', ') + (rebuys.length > 5 ? `, and ${rebuys.length - 5} more` : '');
  return {
    diagnostics,
    approval: {
      code: 'ALREADY_OWNED',
      flag: APPROVAL_FLAG.ALREADY_OWNED,
      summary: `${rebuys.length} new order${rebuys.length === 1 ? ' re-buys' : 's re-buy'} imagery already bought (${names})`,
      value: rebuys.length,
      threshold: 0,
      currency: null,
    },
  };
}
