/**
 * What a create or replace puts in place, in a few lines a reviewer can read: product, items, AOIs
 * with their area, options, references. Geometry coordinates are left out (the YAML diff has them).
 * Reads the spec JSON a plan carries (engine/core/canonical.ts specJson), defensively.
 */
import type { Change } from '../../engine/plan/types.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const km2 = (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })} km²` : '? km²');
const money = (v: unknown) => {
  const m = obj(v);
  return typeof m.amount === 'number' ? `${m.amount} ${String(m.currency ?? '')}`.trim() : '';
};

function oneAtlasOrder(s: Obj): string[] {
  const aois = new Map(arr(s.aois).map((a) => [obj(a).id, obj(a)]));
  const options = Object.entries(obj(s.options)).map(([k, v]) => `${k}=${String(v)}`);
  const endUser = obj(s.endUser);
  return [
    `${String(s.productTypeId)} (${String(s.mission)}, ${String(s.acquisitionMode)}) on contract ${String(obj(s.contract).contractId)}`,
    ...arr(s.items).map((i) => {
      const aoi = aois.get(obj(i).aoiId);
      return `item ${String(obj(i).catalogItemId)} → AOI ${String(aoi?.name ?? obj(i).aoiId)} (${km2(aoi?.areaKm2)})`;
    }),
    ...(options.length ? [`options: ${options.join(', ')}`] : []),
    `market ${String(s.primaryMarket)}${s.secondaryMarket ? `/${String(s.secondaryMarket)}` : ''}, end user ${String(endUser.name)} (${String(endUser.country)}), delivery ${String(s.deliveryType)}`,
    `customerReference ${String(s.customerReference)}${s.maxPrice ? `, maxPrice ${money(s.maxPrice)}` : ''}`,
  ];
}

function maxarOrder(s: Obj): string[] {
  const aoi = obj(s.aoi);
  const output = Object.entries(obj(s.outputConfig)).map(([k, v]) => {
    const d = obj(v);
    return `${k} ${[d.bucket ?? d.container, d.prefix].filter((x) => x !== undefined && x !== '').map(String).join('/')}`;
  });
  const off = Object.entries(obj(s.settings)).map(([k, v]) => `${k} ${String(v)}`);
  const told = arr(s.notifications).map((n) => String(obj(n).address ?? obj(n).topic_arn));
  return [
    `acquisitions ${arr(s.acquisitions).map(String).join(', ')} on account ${s.accountId === undefined ? 'of the login' : String(s.accountId)}`,
    `AOI ${String(aoi.name)} (${km2(aoi.areaKm2)}), bundle adjust ${String(s.bundleAdjust)}${off.length ? `, ${off.join(', ')}` : ''}, output ${output.join(', ')}`,
    `reference ${String(s.customerReference)}${s.maxPrice ? `, maxPrice ${money(s.maxPrice)}` : ''}${told.length ? `, notifies ${told.join(', ')}` : ''}`,
  ];
}

function alert(s: Obj): string[] {
  const range = (v: unknown) => `[${arr(v).map(String).join(',')}]`;
  const ring = arr(arr(obj(s.geometry).coordinates)[0]);
  return [
    `"${String(s.name)}" in context ${String(s.context)}: ${arr(s.constellations).join(', ')} / ${arr(s.productTypes).join(', ')}`,
    `cloud cover ${range(s.cloudCover)}, incidence ${range(s.incidenceAngle)}, AOI polygon of ${Math.max(0, ring.length - 1)} vertices`,
  ];
}

function decision(s: Obj): string[] {
  const target = obj(s.target);
  return [
    `${String(s.decision)} the quotation of ${String(target.order ?? target.quotationId)}${s.reason ? ` (reason: ${String(s.reason)})` : ''}${s.maxPrice ? `, at most ${money(s.maxPrice)}` : ''}`,
  ];
}

/** Lines describing what the change creates or decides; empty for other changes. */
export function describeCreated(c: Change): string[] {
  const creates = c.action === 'create' || c.action === 'replace' || c.action === 'request-quotation';
  const decides = c.action === 'accept' || c.action === 'refuse';
  if (!creates && !decides) return [];
  const s = obj(c.after);
  switch (c.kind) {
    case 'oneatlas_order':
      return oneAtlasOrder(s);
    case 'maxar_ard_order':
      return maxarOrder(s);
    case 'oneatlas_alert':
      return alert(s);
    case 'quotation_decision':
      return decision(s);
  }
}
