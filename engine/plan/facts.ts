/**
 * Account facts a plan checks spend against: OneAtlas contract credit and Maxar ARD fee limits and
 * what the usage resource says was spent. Reads only, and only for a vendor the config has resources for.
 */
import type { Config } from '../model.js';
import type { MaxarClient, ProviderClients } from '../providers/index.js';
import { fromContract } from '../providers/oneatlas/convert.js';
import { fromAccount, fromUsage } from '../providers/maxar-ard/convert.js';
import type { AccountFacts, MaxarAccountFacts } from './limits.js';

export type { AccountFacts } from './limits.js';

/** The Maxar account's fee limits (seed 004 account resource) and what was spent so far (usage resource). */
async function maxarFacts(client: MaxarClient): Promise<MaxarAccountFacts> {
  const [account, usage] = await Promise.all([client.account().then(fromAccount), client.usage().then(fromUsage)]);
  return { accountId: account.accountId, currency: 'USD', limits: account.limits, used: usage };
}

export async function readAccountFacts(config: Config, clients: ProviderClients): Promise<AccountFacts> {
  const kinds = new Set(config.resources.map((r) => r.kind));
  const wantsOneAtlas = kinds.has('oneatlas_order') || kinds.has('quotation_decision');
  const configured = new Set((config.providers.oneatlas?.contracts ?? []).map((c) => c.contractId));
  const [contracts, maxar] = await Promise.all([
    wantsOneAtlas && clients.oneatlas && configured.size ? clients.oneatlas.contracts() : Promise.resolve([]),
    kinds.has('maxar_ard_order') && clients.maxar ? maxarFacts(clients.maxar) : Promise.resolve(undefined),
  ]);
  const facts: AccountFacts = {
    contracts: contracts
      .map((w, i) => fromContract(w, i))
      .filter((c) => configured.has(c.contractId))
      .map((c) => ({ contractId: c.contractId, currency: c.currency, creditRemaining: c.creditRemaining, backend: c.backend })),
  };
  if (maxar) facts.maxar = maxar;
  return facts;
}
