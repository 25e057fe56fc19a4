/**
 * OneAtlas pricing: legacy (SPOT, Pléiades) orders from the price endpoint; Pléiades Neo orders by
 * quotation ("known after quotation" until one exists, then its total); a decision's accept at the
 * quotation's amount, or at its maxPrice when the quotation is requested in the same run. Contract
 * credit is the account limit. Reads only.
 */
import type { AccountLimit } from '../../core/account-limit.js';
import type { Change, Cost } from '../../core/change.js';
import { roundMoney } from '../../core/money.js';
import type { ListedPurchase, VendorPurchases } from '../../core/purchases.js';
import type { RemoteQuotation, RemoteView } from '../../core/remote.js';
import { groupBy } from '../../core/tracked.js';
import { DiagnosticsError, error } from '../../diagnostics.js';
import type { Backend, OneAtlasOrderSpec, QuotationDecisionSpec, ResourceSpec } from '../../model.js';
import type { ResourceState } from '../../state/types.js';
import type { PricingContext, ProviderPricing } from '../provider.js';
import type { OneAtlasClient } from './client.js';
import { fromContract, toWorkOrder } from './convert.js';
import { ORDER_SEARCH_PAGE_SIZE } from './refresh.js';
import { checkOrderAgainstOffer, readOffer } from './offer.js';
import { currentQuotation, QuotationExpiredError, quotationRef } from './handlers/quotation-decision.js';

const VENDOR = 'oneatlas';
const FREE: Cost = { amount: 0, currency: null, basis: 'free', vendor: VENDOR };

/** The quotation a decision is about, as refresh saw it. */
function quotationFor(spec: QuotationDecisionSpec, remote: RemoteView): RemoteQuotation | undefined {
  const at = 'order' in spec.target ? spec.target.order : spec.address;
  return remote.resources[at]?.quotation;
}

export function oneatlasPricing(client: OneAtlasClient, { config, now, ceilingOf }: PricingContext): ProviderPricing {
  const configured = new Set((config.providers.oneatlas?.contracts ?? []).map((c) => c.contractId));
  const spends = config.resources.some((r) => r.kind === 'oneatlas_order' || r.kind === 'quotation_decision');
  // The contracts' currencies, once read: a price not known yet still names its currency.
  const currencies = new Map<string, string>();
  /** The contracts' backendSource as the vendor reports it, once read (checked against the declared backend). */
  const backends = new Map<string, Backend | undefined>();
  let contracts: Promise<AccountLimit[]> | undefined;
  const readContracts = async (): Promise<AccountLimit[]> => {
    if (!spends || !configured.size) return [];
    const read = (await client.contracts()).map((w, i) => fromContract(w, i)).filter((c) => configured.has(c.contractId));
    for (const c of read) backends.set(c.contractId, c.backend);
    const limits = read.map((c): AccountLimit => ({
        name: `oneatlas contract ${c.contractId} credit`,
        currency: c.currency,
        limit: c.creditRemaining,
        used: null,
        counts: { vendor: VENDOR, account: c.contractId },
        alwaysShown: true,
      }));
    for (const l of limits) currencies.set(l.counts.account, l.currency);
    return limits;
  };
  const accountLimits = () => (contracts ??= readContracts());
  const currencyOf = (contractId: string | undefined) => (contractId ? currencies.get(contractId) ?? null : null);
  const specOf = (address: string) => config.resources.find((r) => r.address === address);
  const contractOfDecision = (spec: QuotationDecisionSpec): string | undefined => {
    if ('contract' in spec.target) return spec.target.contract.contractId;
    const order = specOf(spec.target.order);
    return order?.kind === 'oneatlas_order' ? order.contract.contractId : undefined;
  };
  const unknownYet = (contractId: string | undefined): Cost => ({
    amount: null, currency: currencyOf(contractId), basis: 'known-after-quotation', vendor: VENDOR, ...(contractId ? { account: contractId } : {}),
  });

  const legacyOrder = async (spec: OneAtlasOrderSpec): Promise<Cost> => {
    const p = await client.price(toWorkOrder(spec));
    const discount = p.discountValue ? `, discount ${p.discountValue} ${p.currency}` : '';
    return { amount: roundMoney(p.totalAmount), currency: p.currency, basis: 'price-endpoint', vendor: VENDOR, account: spec.contract.contractId, detail: `${spec.productTypeId}${discount}` };
  };

  const accept = (spec: QuotationDecisionSpec, remote: RemoteView): Cost => {
    const q = quotationFor(spec, remote);
    const account = q?.contractId ?? contractOfDecision(spec);
    if (!q || q.amount === null) {
      // Requested in this run: the ceiling is the most it can cost, so totals and limits count it.
      // The most it may cost: the lower of the decision's and its order's maxPrice.
      const ceiling = spec.maxPrice && (ceilingOf(spec.address) ?? spec.maxPrice);
      if (ceiling) {
        const contractCurrency = currencyOf(account);
        if (contractCurrency && contractCurrency !== ceiling.currency) {
          throw new DiagnosticsError([error('QUOTATION_CURRENCY_MISMATCH', `${spec.address}: contract ${account} prices in ${contractCurrency}, its maxPrice is in ${ceiling.currency} and would bound nothing`,
            spec.source, `Set maxPrice in ${contractCurrency} (orderform never converts currencies).`)]);
        }
        return { amount: ceiling.amount, currency: ceiling.currency, basis: 'quotation', vendor: VENDOR, ...(account ? { account } : {}), detail: 'at most maxPrice; the quotation is requested in this run and checked against it before acceptance' };
      }
      return { ...unknownYet(account), ...(q?.currency ? { currency: q.currency } : {}) };
    }
    return { amount: roundMoney(q.amount), currency: q.currency, basis: 'quotation', vendor: VENDOR, ...(account ? { account } : {}), detail: `quotation ${q.id}` };
  };

  const price = async (change: Change, spec: ResourceSpec | undefined, remote: RemoteView): Promise<Cost | null> => {
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
        return spec?.kind === 'quotation_decision' ? accept(spec, remote) : null;
      case 'create':
        if (spec?.kind !== 'oneatlas_order') return FREE;
        return spec.contract.backend === 'neo' ? unknownYet(spec.contract.contractId) : legacyOrder(spec);
    }
  };

  /** What the contracts of orders not placed yet offer, read once; each order about to be placed is checked against it. */
  const offer = async (unplaced: readonly ResourceSpec[]) => {
    const orders = unplaced.filter((r): r is OneAtlasOrderSpec => r.kind === 'oneatlas_order');
    if (!orders.length) return () => [];
    const [read] = await Promise.all([readOffer(client, orders), accountLimits()]);
    return (change: Change, spec: ResourceSpec) =>
      spec.kind === 'oneatlas_order' ? checkOrderAgainstOffer(spec, read, { contractId: spec.contract.contractId, backend: backends.get(spec.contract.contractId) }) : [];
  };

  return {
    accountLimits,
    price,
    offer,
    purchases: () => neoPurchases(client, neoContracts(config.resources)),
    async reprice(change, spec, current: (address: string) => ResourceState | undefined) {
      if (spec.kind !== 'quotation_decision') return price(change, spec, { resources: {} });
      // An accept is bought at the quotation's amount now (one v2 orders search).
      const ref = quotationRef(spec, current);
      const q = await currentQuotation(client, ref, now());
      if (q.expired) {
        throw new QuotationExpiredError([error('QUOTATION_EXPIRED', `not accepted: ${change.address}: quotation ${ref.quotationId} expired before it could be accepted`, spec.source,
          spec.refuseIfExpired ? 'It is refused with reason `expired` (refuseIfExpired).' : 'Request a new quotation by ordering under a new key.')]);
      }
      // Unreadable: no price, so the guard refuses (PRICE_UNKNOWN) rather than accept at the planned ceiling.
      return { amount: q.price?.amount ?? null, currency: q.price?.currency ?? null, basis: 'quotation', vendor: VENDOR, account: ref.contractId };
    },
  };
}

/** The Pléiades Neo contracts the config buys on (orders, and decisions on a quotation placed elsewhere). */
function neoContracts(resources: readonly ResourceSpec[]): string[] {
  const ids = new Set<string>();
  for (const r of resources) {
    if (r.kind === 'oneatlas_order' && r.contract.backend === 'neo') ids.add(r.contract.contractId);
    if (r.kind === 'quotation_decision' && 'contract' in r.target) ids.add(r.target.contract.contractId);
  }
  return [...ids];
}

/**
 * What the Neo contracts bought, as the v2 orders search lists it (one paged search per contract): every
 * accepted quotation, at its lines' amounts, dated by its order. Legacy (SPOT/Pléiades) orders have no
 * listing with a price: state's record is what counts them.
 */
async function neoPurchases(client: OneAtlasClient, contracts: readonly string[]): Promise<VendorPurchases> {
  const lines = (await Promise.all(contracts.map((c) => client.searchOrders(`(contractId:${c})`, ORDER_SEARCH_PAGE_SIZE).all()))).flat();
  const bought = lines.filter((l) => l.salesOrderId || l.quotationStatus === 'ACCEPTED');
  const listed = [...groupBy(bought, (l) => l.quotationId)].map(([quotationId, ls]): ListedPurchase => {
    const first = ls[0]!;
    const amounts = ls.map((l) => l.orderLineAmount);
    const priced = first.currency && amounts.every((a) => typeof a === 'number');
    const orderedAt = first.orderCreationDate ?? first.lastStatusChangeDate;
    return {
      ids: [quotationId, ...(first.salesOrderId ? [first.salesOrderId] : [])],
      reference: first.customerReference,
      ...(orderedAt ? { orderedAt } : {}),
      price: priced ? { amount: roundMoney(amounts.reduce((t: number, a) => t + (a as number), 0)), currency: first.currency! } : null,
      name: `OneAtlas quotation ${quotationId}`,
    };
  });
  return { vendor: VENDOR, listed, diagnostics: [] };
}
