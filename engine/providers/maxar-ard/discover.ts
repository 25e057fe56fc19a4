/** Maxar ARD account discovery: the account (the login's own when no id is configured), its pricing, limits and usage. Reads only. */
import type { Document, YAMLMap } from 'yaml';
import type { MaxarClient } from './client.js';
import { fromAccount, fromUsage, type AccountInfo, type LimitName } from './convert.js';

export type MaxarDiscovery = AccountInfo & { name?: string; usage: Record<LimitName, number> };

export async function discoverMaxar(client: MaxarClient): Promise<MaxarDiscovery> {
  const [w, usage] = await Promise.all([client.account(), client.usage()]);
  return { ...fromAccount(w), ...(w.account.name ? { name: w.account.name } : {}), usage: fromUsage(usage) };
}

export function writeMaxar(found: MaxarDiscovery, maxar: YAMLMap, doc: Document, credentials: Readonly<Record<string, string>>): void {
  maxar.set('accountId', found.accountId);
  if (!maxar.has('credentials')) maxar.set('credentials', doc.createNode(credentials));
}
