/**
 * `orderform quotation export ADDRESS`: which Pléiades Neo quotation an address stands for, and its PDF
 * (seed: `GET /api/v1/quotations/{quotationId}/export`). The id comes from the config (a decision on a
 * quotation placed elsewhere), from state, or else from the vendor by the order's customerReference, so a
 * CI runner without state can still show the reviewer the document. Reads only.
 */
import type { QuotationExport, QuotationQuery } from '../../core/quotation.js';
import { DiagnosticsError, error } from '../../diagnostics.js';
import type { Config, OneAtlasOrderSpec, ResourceSpec } from '../../model.js';
import type { StateSnapshot } from '../../state/types.js';
import { collect } from '../paging.js';
import type { OneAtlasClient } from './client.js';
import { customerReferenceQuery } from './convert.js';

function notAQuotation(address: string, spec: ResourceSpec | undefined, why: string): DiagnosticsError {
  return new DiagnosticsError([error('NOT_A_QUOTATION', `${address} ${why}`, spec?.source,
    'Give the address of a Pléiades Neo order (orders.<key>) or of a quotation decision (quotations.<key>).')]);
}

/** The Pléiades Neo order behind ADDRESS (itself, or the order a decision targets), or a quotation id given outright. */
function target(config: Pick<Config, 'resources'>, address: string): { quotationId: string } | { order: OneAtlasOrderSpec } {
  const spec = config.resources.find((r) => r.address === address);
  if (!spec) throw notAQuotation(address, spec, 'is not declared in the config');
  if (spec.kind === 'quotation_decision') {
    if ('quotationId' in spec.target) return { quotationId: spec.target.quotationId };
    return target(config, spec.target.order);
  }
  if (spec.kind !== 'oneatlas_order' || spec.mission !== 'PLEIADESNEO') throw notAQuotation(address, spec, 'is not a Pléiades Neo order: only those are quoted');
  return { order: spec };
}

async function quotationIdOf(config: Pick<Config, 'resources'>, state: StateSnapshot, address: string, client: OneAtlasClient): Promise<string> {
  const t = target(config, address);
  if ('quotationId' in t) return t.quotationId;
  const known = state.resources[t.order.address]?.remote.quotationId;
  if (known) return known;
  const [line] = await collect(client.searchOrders(customerReferenceQuery(t.order.customerReference, t.order.contract.contractId), 1), 1);
  if (!line) {
    throw new DiagnosticsError([error('QUOTATION_NOT_REQUESTED', `${t.order.address} has no quotation yet`, t.order.source,
      'Run `orderform apply`: it requests the quotation; export it then.')]);
  }
  return line.quotationId;
}

export async function exportQuotation(client: OneAtlasClient, { config, state, address }: QuotationQuery): Promise<QuotationExport> {
  const quotationId = await quotationIdOf(config, state, address, client);
  return { quotationId, pdf: await client.exportQuotation(quotationId) };
}
