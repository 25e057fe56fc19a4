/**
 * `orderform import` for OneAtlas: Pléiades Neo orders and quotations through the v2 orders search,
 * legacy orders in the delivery workspace (only once delivered), alerts in their context's list.
 */
import { fieldDiffs } from '../../core/canonical.js';
import { DiagnosticsError, error, warning } from '../../diagnostics.js';
import type { AlertSpec, OneAtlasOrderSpec, QuotationDecisionSpec, ResourceSpec } from '../../model.js';
import type { ResourceState } from '../../state/types.js';
import { notFound, referenceCheck } from '../import-checks.js';
import type { ImportFound } from '../provider.js';
import type { OneAtlasClient } from './client.js';
import { fromAlert, fromDeliveredFeature, fromOrderLine, quotationQuery, type OrderLineObservation } from './convert.js';

async function neoLine(client: OneAtlasClient, contractId: string, id: string): Promise<OrderLineObservation | undefined> {
  const q = id.startsWith('QUO') ? quotationQuery(id) : `(contractId:${contractId})`;
  for await (const line of client.searchOrders(q)) {
    const o = fromOrderLine(line);
    if (o.quotationId === id || o.salesOrderId === id) return o;
  }
  return undefined;
}

async function oneatlasOrder(client: OneAtlasClient, spec: OneAtlasOrderSpec, id: string): Promise<ImportFound> {
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

async function decision(client: OneAtlasClient, spec: QuotationDecisionSpec, id: string, contractOf: (order: string) => string | undefined): Promise<ImportFound> {
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

async function alert(client: OneAtlasClient, spec: AlertSpec, id: string): Promise<ImportFound> {
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

export function importOneAtlas(client: OneAtlasClient, spec: ResourceSpec, id: string, current: (address: string) => ResourceState | undefined): Promise<ImportFound> {
  switch (spec.kind) {
    case 'oneatlas_order':
      return oneatlasOrder(client, spec, id);
    case 'quotation_decision':
      return decision(client, spec, id, (order) => current(order)?.remote.contractId);
    case 'oneatlas_alert':
      return alert(client, spec, id);
    case 'maxar_ard_order':
      throw new Error(`${spec.address}: not a OneAtlas resource`);
  }
}
