/**
 * OneAtlas remote truth for what state tracks, with the fewest calls, every list's pages after the
 * first read in parallel: alerts listed once per context (all pages); Pléiades Neo orders and quotations through one paged v2 orders search per
 * Neo contract, matched by quotation id or customerReference; legacy orders through one paged
 * search of their delivery workspace (only delivered products show there), and, when some legacy order
 * is new, one catalogue search by the ids of its items (their datastrips: what delivered products show).
 */
import type { Footprint, ListedOrder, QuotationStatus, RemoteObservation, RemoteQuotation } from '../../core/remote.js';
import type { RemoteReadResult } from '../provider.js';
import { groupBy, isIntent, referenceOf, type Tracked } from '../../core/tracked.js';
import { canonicalStringify } from '../../core/canonical.js';
import type { TrackedSpec } from '../../core/tracked.js';
import type { OneAtlasOrderSpec } from '../../model.js';
import type { OneAtlasClient } from './client.js';
import { fromAlert, fromDeliveredFeature, fromOrderLine, type AlertObservation, type DeliveredItem } from './convert.js';
import type { WireOrderLine } from './wire.js';

const ALERT_PAGE_SIZE = 100;
export const ORDER_SEARCH_PAGE_SIZE = 500;
const WORKSPACE_PAGE_SIZE = 500;
/** The public SPOT/Pléiades archive workspace (oneatlas-detailed.md §3.2). */
const LEGACY_PUBLIC_WORKSPACE = 'public';

type Observations = Record<string, RemoteObservation>;

/** The fields an alert is created with: the API stores nothing else, so they (and its creator) are its marker. */
const ALERT_FIELDS = ['name', 'context', 'constellations', 'productTypes', 'cloudCover', 'incidenceAngle', 'geometry'] as const;

/**
 * Orderform's marker on an alert (the alert API has no free field to store one): created by this API
 * user (`userId` of GET /me) with exactly the declared spec. A colleague's alert of the same name, or
 * one with other criteria, never carries our marker: it is never adopted, so never deleted by orderform.
 */
export function alertMarker(fields: Pick<TrackedSpec, (typeof ALERT_FIELDS)[number]>, userId: string | undefined): string {
  return canonicalStringify([userId ?? null, ...ALERT_FIELDS.map((f) => fields[f] ?? null)]);
}

export async function refreshAlerts(client: OneAtlasClient, tracked: readonly Tracked[]): Promise<RemoteReadResult> {
  const out: Observations = {};
  // An alert state holds is listed in the context it was created in: a context changed in config is a replace, not a vanished alert.
  const byContext = groupBy(tracked, (t) => (t.state?.remote.alertId ? (t.state.spec as TrackedSpec | null)?.context : undefined) ?? t.spec.context);
  // One GET /me, only when some alert is looked for by its marker (state has no id for it).
  const me = tracked.some((t) => !t.state?.remote.alertId) ? client.me().then((m) => m.id) : Promise.resolve(undefined);
  await Promise.all(
    [...byContext].map(async ([context, ts]) => {
      const [wire, userId] = await Promise.all([client.alerts(context, ALERT_PAGE_SIZE).all(), me]);
      const alerts = wire.map(fromAlert);
      const byId = new Map(alerts.map((a) => [a.alertId, a]));
      const claimed = new Set(ts.map((t) => t.state?.remote.alertId).filter(Boolean));
      const byMarker = groupBy(alerts, (a, i) => alertMarker(a, wire[i]!.userId));
      // Each remote alert is claimed at most once; one that does not report its creator counts as ours only if all else matches.
      const take = (key: string) => {
        const a = byMarker.get(key)?.find((x) => !claimed.has(x.alertId));
        if (a) claimed.add(a.alertId);
        return a;
      };
      for (const t of ts) {
        const id = t.state?.remote.alertId;
        const a = id ? byId.get(id) : (take(alertMarker(t.spec, userId)) ?? take(alertMarker(t.spec, undefined)));
        out[t.address] = a
          ? { exists: true, foundBy: id ? 'id' : 'reference', status: 'active', name: a.name, alertId: a.alertId, observedSpec: a }
          : { exists: false };
      }
    }),
  );
  return { observations: out };
}

/** The contract a Neo order or an external quotation decision belongs to. */
function neoContractOf(t: Tracked): string | undefined {
  if (t.spec.target && 'quotationId' in t.spec.target) return t.spec.target.contract.contractId;
  return t.state?.remote.contractId ?? t.spec.contract?.contractId;
}

function quotationOf(lines: readonly WireOrderLine[], now: Date): RemoteQuotation {
  const first = lines[0]!;
  const amounts = lines.map((l) => l.orderLineAmount);
  const amount = amounts.every((a) => typeof a === 'number') ? Math.round(amounts.reduce((s: number, a) => s + (a as number), 0) * 100) / 100 : null;
  const wire = first.quotationStatus === 'REJECTED' ? 'REFUSED' : first.quotationStatus;
  const validUntil = first.quotationEndOfValidityDate;
  // A SENT quotation past its validity can no longer be accepted, whatever the listing says yet.
  const expired = wire === 'SENT' && validUntil !== undefined && Date.parse(validUntil) < now.getTime();
  const status = (expired ? 'EXPIRED' : wire) as QuotationStatus;
  return {
    id: first.quotationId,
    amount,
    currency: first.currency ?? null,
    status,
    contractId: first.contractId,
    ...(validUntil ? { validUntil } : {}),
    ...(first.salesOrderId ? { salesOrderId: first.salesOrderId } : {}),
  };
}

/** What the v2 orders search shows of a Pléiades Neo order's spec (its lines): compared with a declared spec before adopting it. */
export interface NeoOrderShown {
  productTypeId?: string;
  /** The AOI geometries of its lines, each once. */
  geometries: unknown[];
  /** Production options the lines show, by wire option key (only those shown). */
  options: Record<string, string>;
}

/** Order line fields that echo a wire production option (oneatlas-detailed.md §6: the processing options of a line). */
const LINE_OPTIONS = {
  processingLevel: 'processing_level',
  spectralProcessing: 'spectral_processing',
  productFormat: 'image_format',
  pixelCoding: 'pixel_coding',
  radiometricProcessing: 'radiometric_processing',
  priority: 'priority',
} as const;

function neoShown(lines: readonly WireOrderLine[]): NeoOrderShown {
  const first = lines[0]!;
  const geometries = new Map(lines.flatMap((l) => (l.aoi?.geometry ? [[canonicalStringify(l.aoi.geometry), l.aoi.geometry] as const] : [])));
  const options: Record<string, string> = {};
  for (const [field, key] of Object.entries(LINE_OPTIONS)) {
    const v = first[field as keyof typeof LINE_OPTIONS];
    if (typeof v === 'string') options[key] = v;
  }
  return { ...(first.productType ? { productTypeId: first.productType } : {}), geometries: [...geometries.values()], options };
}

/** A Neo order (its quotation's lines) as refresh reports it when found by reference. */
function neoObservation(lines: readonly WireOrderLine[], now: Date, foundBy: 'id' | 'reference'): RemoteObservation {
  const quotation = quotationOf(lines, now);
  const line = fromOrderLine(lines[0]!);
  const status = quotation.status === 'EXPIRED' && !line.salesOrderId ? 'quotation-expired' : line.status;
  return {
    exists: true,
    foundBy,
    status,
    quotation,
    contractId: line.contractId,
    reference: lines[0]!.customerReference,
    ...(lines[0]!.productType ? { productTypeId: lines[0]!.productType } : {}),
    ...(line.salesOrderId ? { salesOrderId: line.salesOrderId } : {}),
    observedSpec: neoShown(lines),
  };
}

export async function refreshNeo(client: OneAtlasClient, tracked: readonly Tracked[], now: Date): Promise<RemoteReadResult> {
  const out: Observations = {};
  const listed: ListedOrder[] = [];
  await Promise.all(
    [...groupBy(tracked, neoContractOf)].map(async ([contractId, ts]) => {
      const lines = await client.searchOrders(`(contractId:${contractId})`, ORDER_SEARCH_PAGE_SIZE).all();
      const byQuotation = groupBy(lines, (l) => l.quotationId);
      const quotationByRef = new Map(lines.map((l) => [l.customerReference, l.quotationId]));
      for (const [qid, ls] of byQuotation) {
        const ref = ls[0]!.customerReference;
        if (ref) listed.push({ kind: 'oneatlas_order', reference: ref, vendorId: ls[0]!.salesOrderId ? `sales order ${ls[0]!.salesOrderId}` : `quotation ${qid}`, observation: neoObservation(ls, now, 'reference') });
      }
      for (const t of ts) {
        const external = t.spec.target && 'quotationId' in t.spec.target ? t.spec.target.quotationId : undefined;
        const ownId = external ?? t.state?.remote.quotationId;
        const ref = referenceOf(t);
        const qid = (ownId && byQuotation.has(ownId) ? ownId : undefined) ?? (ref ? quotationByRef.get(ref) : undefined);
        const found = qid ? byQuotation.get(qid) : undefined;
        if (!found) out[t.address] = { exists: false };
        else if (external) out[t.address] = { exists: true, foundBy: 'id', quotation: quotationOf(found, now) };
        else out[t.address] = neoObservation(found, now, qid === ownId ? 'id' : 'reference');
      }
    }),
  );
  return { observations: out, listed };
}

/**
 * The datastrip (`sourceIdentifier`, the id a legacy order item names: PPO `datastripIds`) of each catalogue item
 * new legacy orders buy, by datastrip: one search, `id` taking a comma list (PPO spec); none when no order is new.
 */
async function datastripsOfNewItems(client: OneAtlasClient, tracked: readonly Tracked[]): Promise<Map<string, string[]> | undefined> {
  const ids = [...new Set(tracked.filter((t) => !t.state).flatMap((t) => (t.spec as Partial<OneAtlasOrderSpec>).items?.map((i) => i.catalogItemId) ?? []))];
  if (!ids.length) return undefined;
  const found = await client.search({ id: ids.join(','), workspace: LEGACY_PUBLIC_WORKSPACE }, Math.min(ids.length, WORKSPACE_PAGE_SIZE)).all();
  const byStrip = groupBy(found.filter((f) => ids.includes(f.properties.id)), (f) => f.properties.sourceIdentifier);
  return new Map([...byStrip].map(([strip, fs]) => [strip, fs.map((f) => f.properties.id)]));
}

/** What delivered products show bought of the items new orders name: each such item over the product's footprint. */
function deliveredFootprints(products: readonly DeliveredItem[], itemsByStrip: ReadonlyMap<string, string[]>): Footprint[] {
  return products.flatMap((p) => [...new Set(p.datastrips.flatMap((d) => itemsByStrip.get(d) ?? []))].map((itemId) => ({ itemId, geometry: p.geometry })));
}

/** Legacy orders: a delivered product carries its order's customerReference and salesOrderId. */
export async function refreshLegacy(client: OneAtlasClient, tracked: readonly Tracked[]): Promise<RemoteReadResult> {
  const out: Observations = {};
  const listed: ListedOrder[] = [];
  if (!tracked.length) return { observations: out };
  let me: Promise<string> | undefined;
  const workspaceOf = (t: Tracked): Promise<string> =>
    t.spec.contract?.workspace ? Promise.resolve(t.spec.contract.workspace) : (me ??= client.me().then((m) => m.contract.workspaceId));
  // Read beside the workspaces, not before them.
  const strips = datastripsOfNewItems(client, tracked);
  strips.catch(() => undefined); // awaited below; its failure fails this read there
  const withWorkspace = await Promise.all(tracked.map(async (t) => ({ t, ws: await workspaceOf(t) })));
  await Promise.all(
    [...groupBy(withWorkspace, (x) => x.ws)].map(async ([workspace, xs]) => {
      const [found, itemsByStrip] = await Promise.all([client.search({ workspace }, WORKSPACE_PAGE_SIZE).all(), strips]);
      const items = found.map(fromDeliveredFeature);
      const bySales = groupBy(items, (i) => i.salesOrderId);
      const byRef = groupBy(items, (i) => i.customerReference);
      for (const [ref, is] of byRef) {
        const sales = is[0]!.salesOrderId;
        listed.push({
          kind: 'oneatlas_order',
          reference: ref,
          vendorId: `sales order ${sales ?? '?'}`,
          observation: { exists: true, foundBy: 'reference', status: 'delivered', ...(sales ? { salesOrderId: sales } : {}) },
          ...(itemsByStrip ? { footprints: deliveredFootprints(is, itemsByStrip) } : {}),
        });
      }
      for (const { t } of xs) {
        const sales = t.state?.remote.salesOrderId;
        const ref = referenceOf(t);
        const item = (sales ? bySales.get(sales)?.[0] : undefined) ?? (ref ? byRef.get(ref)?.[0] : undefined);
        if (item) {
          out[t.address] = {
            exists: true,
            foundBy: sales && item.salesOrderId === sales ? 'id' : 'reference',
            status: 'delivered',
            ...(item.customerReference ? { reference: item.customerReference } : {}),
            ...(item.salesOrderId ? { salesOrderId: item.salesOrderId } : {}),
          };
        } else if (isIntent(t)) {
          // Not delivered yet, or never placed: only an intent needs to know it was looked for.
          out[t.address] = { exists: false };
        }
      }
    }),
  );
  return { observations: out, listed };
}
