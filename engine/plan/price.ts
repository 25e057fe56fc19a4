/**
 * Prices one planned change: the OneAtlas price endpoint for legacy orders, the quotation for
 * Pléiades Neo accepts ("known after quotation" before one exists), Maxar's dry-run estimate for a
 * new Maxar order. Plan prices every change with it; apply re-prices right before buying.
 * Reads only. A price the vendor refuses throws (HttpError / DiagnosticsError): the caller positions it.
 */
import { DiagnosticsError, error } from '../diagnostics.js';
import type { OneAtlasOrderSpec, QuotationDecisionSpec, ResourceSpec } from '../model.js';
import type { ProviderClients } from '../providers/index.js';
import { createMaxarPricer, type MaxarPricer } from '../providers/maxar-ard/pricing.js';
import { toWorkOrder } from '../providers/oneatlas/convert.js';
import { purchaseCeilings, type Ceiling } from './ceilings.js';
import { roundMoney } from './cost.js';
import type { AccountFacts } from './facts.js';
import type { RemoteQuotation, RemoteView } from './remote.js';
import type { Change, Cost } from './types.js';

export interface Pricer {
  price(change: Change, spec: ResourceSpec | undefined): Promise<Cost | null>;
}

const FREE: Cost = { amount: 0, currency: null, basis: 'free', vendor: 'oneatlas' };

/** The quotation a decision is about, as refresh saw it. */
export function quotationFor(spec: QuotationDecisionSpec, remote: RemoteView): RemoteQuotation | undefined {
  const at = 'order' in spec.target ? spec.target.order : spec.address;
  return remote.resources[at]?.quotation;
}

/** Optional context: contract currencies (facts) and the config's specs, to name an accept's contract before its quotation exists. */
export interface PricerContext {
  facts?: AccountFacts;
  specs?: ReadonlyMap<string, ResourceSpec>;
}

export function createPricer(clients: ProviderClients, remote: RemoteView, now: () => Date, ctx: PricerContext = {}): Pricer {
  const currencyOf = (contractId: string | undefined) => ctx.facts?.contracts.find((c) => c.contractId === contractId)?.currency ?? null;
  const contractOfDecision = (spec: QuotationDecisionSpec): string | undefined => {
    if ('contract' in spec.target) return spec.target.contract.contractId;
    const order = ctx.specs?.get(spec.target.order);
    return order?.kind === 'oneatlas_order' ? order.contract.contractId : undefined;
  };
  const unknownYet = (contractId: string | undefined): Cost => ({
    amount: null, currency: currencyOf(contractId), basis: 'known-after-quotation', vendor: 'oneatlas', ...(contractId ? { account: contractId } : {}),
  });
  let ceilings: Map<string, Ceiling> | undefined;
  /** The most an accept may cost: the lower of the decision's and its Neo order's maxPrice. */
  const acceptCeiling = (spec: QuotationDecisionSpec) => (ceilings ??= purchaseCeilings([...(ctx.specs?.values() ?? [spec])])).get(spec.address)?.money;
  let maxar: MaxarPricer | undefined;

  const legacyOrder = async (spec: OneAtlasOrderSpec): Promise<Cost> => {
    if (!clients.oneatlas) throw new Error('no OneAtlas client for a OneAtlas order');
    const p = await clients.oneatlas.price(toWorkOrder(spec));
    const discount = p.discountValue ? `, discount ${p.discountValue} ${p.currency}` : '';
    return { amount: roundMoney(p.totalAmount), currency: p.currency, basis: 'price-endpoint', vendor: 'oneatlas', account: spec.contract.contractId, detail: `${spec.productTypeId}${discount}` };
  };

  const accept = (spec: QuotationDecisionSpec): Cost => {
    const q = quotationFor(spec, remote);
    const account = q?.contractId ?? contractOfDecision(spec);
    if (!q || q.amount === null) {
      // Requested in this run: the ceiling is the most it can cost, so totals and limits count it.
      const ceiling = spec.maxPrice && acceptCeiling(spec);
      if (ceiling) {
        const contractCurrency = currencyOf(account);
        if (contractCurrency && contractCurrency !== ceiling.currency) {
          throw new DiagnosticsError([error('QUOTATION_CURRENCY_MISMATCH', `${spec.address}: contract ${account} prices in ${contractCurrency}, its maxPrice is in ${ceiling.currency} and would bound nothing`,
            spec.source, `Set maxPrice in ${contractCurrency} (orderform never converts currencies).`)]);
        }
        return { amount: ceiling.amount, currency: ceiling.currency, basis: 'quotation', vendor: 'oneatlas', ...(account ? { account } : {}), detail: 'at most maxPrice; the quotation is requested in this run and checked against it before acceptance' };
      }
      return { ...unknownYet(account), ...(q?.currency ? { currency: q.currency } : {}) };
    }
    return { amount: roundMoney(q.amount), currency: q.currency, basis: 'quotation', vendor: 'oneatlas', ...(account ? { account } : {}), detail: `quotation ${q.id}` };
  };

  return {
    async price(change, spec) {
      switch (change.action) {
        case 'noop':
        case 'forget':
        case 'adopt':
          return null;
        case 'update':
        case 'replace':
        case 'delete':
        case 'refuse':
          return FREE;
        case 'request-quotation':
          return unknownYet(spec?.kind === 'oneatlas_order' ? spec.contract.contractId : undefined);
        case 'accept':
          return spec?.kind === 'quotation_decision' ? accept(spec) : null;
        case 'create':
          switch (spec?.kind) {
            case 'oneatlas_order':
              return spec.contract.backend === 'neo' ? unknownYet(spec.contract.contractId) : legacyOrder(spec);
            case 'maxar_ard_order':
              return (maxar ??= createMaxarPricer(needMaxar(clients))).price(spec);
            case 'oneatlas_alert':
            case 'quotation_decision':
            case undefined:
              return FREE;
          }
      }
    },
  };
}

function needMaxar(clients: ProviderClients) {
  if (!clients.maxar) throw new Error('no Maxar ARD client for a Maxar order');
  return clients.maxar;
}
