/**
 * `orderform import ADDRESS REMOTE_ID`: adopt an object that exists remotely (an order placed by hand
 * or by an earlier run whose answer was lost, a quotation decided elsewhere, an alert) into state, so
 * that plans track it instead of ordering or creating it again. Reads only; the caller writes state.
 */
import { DiagnosticsError, error, warning, type Diagnostic } from '../diagnostics.js';
import type { AlertSpec, Config, MaxarOrderSpec, Money, OneAtlasOrderSpec, QuotationDecisionSpec, ResourceSpec } from '../model.js';
import { fieldDiffs, specJson } from '../plan/canonical.js';
import type { ProviderClients } from '../providers/index.js';
import { fromOrder } from '../providers/maxar-ard/convert.js';
import { MAXAR_CURRENCY } from '../providers/maxar-ard/rules.js';
import { fromAlert, fromDeliveredFeature, fromOrderLine, quotationQuery, type OrderLineObservation } from '../providers/oneatlas/convert.js';
import type { OneAtlasClient } from '../providers/oneatlas/client.js';
import type { RemoteIds, ResourceState, ResourceStatus } from '../state/types.js';
import { stateFor } from './resource-state.js';

export interface Imported {
  resource: ResourceState;
  /** Where the remote object differs from the config (the next plan shows what follows). */
  diagnostics: Diagnostic[];
}

interface Found {
  status: ResourceStatus;
  remote: RemoteIds;
  price?: Money;
  diagnostics?: Diagnostic[];
  /** Alerts: the remote name, and whether criteria differ (then the next plan replaces it). */
  name?: string;
  criteriaDiffer?: boolean;
}

function notFound(spec: ResourceSpec, what: string): DiagnosticsError {
  return new DiagnosticsError([error('IMPORT_NOT_FOUND', `${spec.address}: no ${what} found remotely`, spec.source,
    'Check the id (a OneAtlas salesOrderId or quotationId, a Maxar order id, an alert id) and that it belongs to the contract or account in the config.')]);
}

function referenceCheck(spec: ResourceSpec, expected: string, found: string | undefined): Diagnostic[] {
  if (found === expected) return [];
  return [warning('IMPORT_REFERENCE_DIFFERS', `${spec.address}: the remote order carries reference ${found ?? '(none)'}, not ${expected}`, spec.source,
    'It was placed outside orderform or with another spec; it is tracked as this address from now on. Check that it is the order you mean.')];
}

function need<T>(client: T | undefined, spec: ResourceSpec): T {
  if (!client) throw new DiagnosticsError([error('PROVIDER_NOT_CONFIGURED', `${spec.address}: the config declares no provider for this resource`, spec.source)]);
  return client;
}

async function neoLine(client: OneAtlasClient, contractId: string, id: string): Promise<OrderLineObservation | undefined> {
  const q = id.startsWith('QUO') ? quotationQuery(id) : `(contractId:${contractId})`;
  for await (const line of client.searchOrders(q)) {
    const o = fromOrderLine(line);
    if (o.quotationId === id || o.salesOrderId === id) return o;
  }
  return undefined;
}

async function oneatlasOrder(client: OneAtlasClient, spec: OneAtlasOrderSpec, id: string): Promise<Found> {
  const ids = { contractId: spec.contract.contractId };
  if (spec.contract.backend === 'neo') {
    const o = await neoLine(client, spec.contract.contractId, id);
    if (!o) throw notFound(spec, `Pléiades Neo order or quotation ${id}`);
    const remote = { ...ids, customerReference: o.customerReference, quotationId: o.quotationId, ...(o.salesOrderId ? { salesOrderId: o.salesOrderId } : {}) };
    return { status: o.status, remote, ...(o.price ? { price: o.price } : {}), diagnostics: referenceCheck(spec, spec.customerReference, o.customerReference) };
  }
  // Legacy orders are visible only once delivered, in the delivery workspace.
  const workspace = spec.contract.workspace ?? (await client.me()).contract.workspaceId;
  const item = (await client.search({ workspace }).all()).map(fromDeliveredFeature).find((f) => f.salesOrderId === id);
  if (!item) throw notFound(spec, `delivered order ${id} in workspace ${workspace} (legacy orders show once delivered)`);
  return {
    status: 'delivered',
    remote: { ...ids, salesOrderId: id, ...(item.customerReference ? { customerReference: item.customerReference } : {}) },
    diagnostics: referenceCheck(spec, spec.customerReference, item.customerReference),
  };
}

async function maxarOrder(clients: ProviderClients, spec: MaxarOrderSpec, id: string): Promise<Found> {
  const w = await need(clients.maxar, spec).order(id);
  if (!w) throw notFound(spec, `Maxar order ${id}`);
  const o = fromOrder(w);
  const diagnostics = referenceCheck(spec, spec.customerReference, o.reference);
  const acquisitions = (w.order?.acquisitions ?? []).map((a) => (typeof a === 'object' && a !== null ? String((a as { id?: unknown }).id) : String(a))).sort().join(', ');
  if (acquisitions !== [...spec.acquisitions].sort().join(', ')) {
    diagnostics.push(warning('IMPORT_SPEC_DIFFERS', `${spec.address}: the remote order has acquisitions ${acquisitions}, the config ${spec.acquisitions.join(', ')}`, spec.source));
  }
  const total = w.order?.usage?.cost.total_imagery_cost;
  const accountId = spec.accountId ?? (await need(clients.maxar, spec).accountId());
  return {
    status: o.status,
    remote: { accountId, customerReference: o.reference ?? spec.customerReference, orderId: o.orderId },
    ...(typeof total === 'number' ? { price: { amount: total, currency: MAXAR_CURRENCY } } : {}),
    diagnostics,
  };
}

async function decision(client: OneAtlasClient, spec: QuotationDecisionSpec, id: string, contractOf: (order: string) => string | undefined): Promise<Found> {
  const contractId = 'contract' in spec.target ? spec.target.contract.contractId : contractOf(spec.target.order);
  const o = await neoLine(client, contractId ?? '', id);
  if (!o) throw notFound(spec, `quotation ${id}`);
  const decided = o.status === 'quotation-refused' ? 'refuse' : o.status === 'quotation-sent' || o.status === 'quotation-expired' ? undefined : 'accept';
  if (decided === undefined) {
    throw new DiagnosticsError([error('IMPORT_NOT_DECIDED', `${spec.address}: quotation ${id} is not decided yet (${o.status}); there is nothing to import`, spec.source,
      'Run `orderform apply`: it takes the decision the config declares.')]);
  }
  if (decided !== spec.decision) {
    throw new DiagnosticsError([error('IMPORT_SPEC_DIFFERS', `${spec.address}: quotation ${id} was ${decided === 'accept' ? 'accepted' : 'refused'}, but the config says ${spec.decision}`, spec.source,
      `Set \`decision: ${decided}\` in the config, then import again.`)]);
  }
  return { status: 'decided', remote: { contractId: o.contractId, quotationId: o.quotationId, ...(o.salesOrderId ? { salesOrderId: o.salesOrderId } : {}) }, ...(o.price ? { price: o.price } : {}) };
}

async function alert(client: OneAtlasClient, spec: AlertSpec, id: string): Promise<Found> {
  // The seed documents no GET of one alert: it is found in its context's list.
  const w = (await client.alerts(spec.context).all()).find((a) => a.id === id);
  if (!w) throw notFound(spec, `alert ${id} in context ${spec.context}`);
  const seen = fromAlert(w);
  const { alertId: _id, status: _status, ...observed } = seen;
  const wanted = { name: spec.name, context: spec.context, constellations: spec.constellations, productTypes: spec.productTypes, cloudCover: spec.cloudCover, incidenceAngle: spec.incidenceAngle, geometry: spec.geometry };
  const differs = fieldDiffs(observed, wanted).map((f) => f.path);
  const diagnostics = differs.length
    ? [warning('IMPORT_SPEC_DIFFERS', `${spec.address}: the remote alert differs from the config in ${differs.join(', ')}`, spec.source, 'The next plan renames it (name only) or replaces it.')]
    : [];
  return { status: 'active', remote: { alertId: seen.alertId }, diagnostics, name: seen.name, criteriaDiffer: differs.some((p) => p !== 'name') };
}

/** The resource declared at ADDRESS; checked offline, before the state lock is taken or credentials are read. */
export function declaredSpec(config: Pick<Config, 'resources'>, address: string): ResourceSpec {
  const spec = config.resources.find((r) => r.address === address);
  if (!spec) {
    throw new DiagnosticsError([error('IMPORT_NOT_IN_CONFIG', `${address} is not declared in the config`, undefined,
      'Declare the resource in the config first (import ties a remote object to a declared address).')]);
  }
  return spec;
}

/** Looks REMOTE_ID up for the resource the config declares at ADDRESS and builds its state. */
export async function importResource(
  spec: ResourceSpec,
  remoteId: string,
  clients: ProviderClients,
  now: Date,
  current: (address: string) => ResourceState | undefined,
): Promise<Imported> {
  let found: Found;
  switch (spec.kind) {
    case 'oneatlas_order':
      found = await oneatlasOrder(need(clients.oneatlas, spec), spec, remoteId);
      break;
    case 'maxar_ard_order':
      found = await maxarOrder(clients, spec, remoteId);
      break;
    case 'quotation_decision':
      found = await decision(need(clients.oneatlas, spec), spec, remoteId, (order) => current(order)?.remote.contractId);
      break;
    case 'oneatlas_alert':
      found = await alert(need(clients.oneatlas, spec), spec, remoteId);
      break;
  }
  // An alert is recorded as the remote has it, so that the next plan renames (name) or replaces (criteria) it.
  const recorded = found.criteriaDiffer ? { ...spec, digest: `imported:${remoteId}` } : spec;
  const resource = stateFor(recorded, current(spec.address), now, {
    status: found.status,
    remote: found.remote,
    ...(found.price ? { price: found.price } : {}),
    ...(found.name !== undefined ? { spec: { ...(specJson(spec) as object), name: found.name } } : {}),
  });
  return { resource, diagnostics: found.diagnostics ?? [] };
}
