/**
 * Account facts a plan checks spend against: OneAtlas contract credit and Maxar ARD fee limits and
 * usage. Reads only, and only for a vendor the config has resources for.
 */
import type { Config } from '../model.js';
import type { MaxarClient, ProviderClients } from '../providers/index.js';
import { fromContract } from '../providers/oneatlas/convert.js';
import { fromAccount, type AccountInfo } from '../providers/maxar-ard/convert.js';
import type { AccountFacts } from './limits.js';

export type { AccountFacts } from './limits.js';

/** One account read per Maxar client: facts and pricing share it (apply reads facts again on a new client). */
const accounts = new WeakMap<MaxarClient, Promise<AccountInfo>>();

/** The Maxar account (pricing, limits, usage); `fresh` reads it again instead of reusing the last answer. */
export function maxarAccount(client: MaxarClient, fresh = false): Promise<AccountInfo> {
  let p = accounts.get(client);
  if (!p || fresh) {
    p = client.account().then(fromAccount);
    p.catch(() => accounts.delete(client));
    accounts.set(client, p);
  }
  return p;
}

export async function readAccountFacts(config: Config, clients: ProviderClients): Promise<AccountFacts> {
  const kinds = new Set(config.resources.map((r) => r.kind));
  const wantsOneAtlas = kinds.has('oneatlas_order') || kinds.has('quotation_decision');
  const configured = new Set((config.providers.oneatlas?.contracts ?? []).map((c) => c.contractId));
  const [contracts, maxar] = await Promise.all([
    wantsOneAtlas && clients.oneatlas && configured.size ? clients.oneatlas.contracts() : Promise.resolve([]),
    kinds.has('maxar_ard_order') && clients.maxar ? maxarAccount(clients.maxar, true) : Promise.resolve(undefined),
  ]);
  const facts: AccountFacts = {
    contracts: contracts
      .map((w, i) => fromContract(w, i))
      .filter((c) => configured.has(c.contractId))
      .map((c) => ({ contractId: c.contractId, currency: c.currency, creditRemaining: c.creditRemaining, backend: c.backend })),
  };
  if (maxar) facts.maxar = { accountId: maxar.accountId, currency: 'USD', limits: maxar.limits, used: maxar.usage };
  return facts;
}
