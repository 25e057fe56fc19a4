/** A quotation decision as written → QuotationDecisionSpec (its target checked by the OneAtlas rules). */
import type { QuotationDecision } from '../../../schemas/generated/config.js';
import { error } from '../../diagnostics.js';
import type { QuotationDecisionSpec } from '../../model.js';
import { isDiagnostic, type Normalized, type ResourceContext } from '../../config/context.js';
import { findContract } from './contract.js';
import { digestOf } from '../../config/digest.js';
import { locate, locateKey, type Entry } from '../../config/merge.js';

export function normalizeQuotation(entry: Entry<QuotationDecision>, ctx: ResourceContext): Normalized<QuotationDecisionSpec> {
  const w = entry.value;
  const fail = (summary: string, ...field: string[]) => ({
    spec: null,
    diagnostics: [error('QUOTATION_TARGET', summary, field.length ? locate(entry, ...field) : locateKey(entry), 'give either `order: <key of a Pléiades Neo order>` or `quotationId` + `contract`')],
  });
  let target: QuotationDecisionSpec['target'];
  if (w.order !== undefined) {
    if (w.quotationId !== undefined) return fail('give either order or quotationId, not both', 'quotationId');
    if (w.contract !== undefined) return fail('the contract of an order decision is the order\'s own', 'contract');
    target = { order: `orders.${w.order}` };
  } else if (w.quotationId !== undefined) {
    if (w.contract === undefined) return fail('a quotationId needs its contract');
    const contract = findContract(ctx, entry, ['contract'], w.contract);
    if (isDiagnostic(contract)) return { spec: null, diagnostics: [contract] };
    target = { quotationId: w.quotationId, contract };
  } else return fail('which quotation? No order and no quotationId');

  const definingTarget = 'order' in target ? target : { quotationId: target.quotationId, contractId: target.contract.contractId };
  const spec: QuotationDecisionSpec = {
    kind: 'quotation_decision',
    address: `quotations.${entry.key}`,
    key: entry.key,
    digest: digestOf({ target: definingTarget, decision: w.decision, reason: w.reason }),
    source: locateKey(entry),
    target,
    decision: w.decision,
    ...(w.reason ? { reason: w.reason } : {}),
    ...(w.maxPrice ? { maxPrice: w.maxPrice } : {}),
    refuseIfExpired: w.refuseIfExpired ?? false,
  };
  return { spec, diagnostics: [] };
}
