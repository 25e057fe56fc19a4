/**
 * Writes what discovery found into a config's `providers` block through the yaml Document API, so
 * comments and everything else in the file stay as the user wrote them. Each provider fills its own
 * block (Provider.discovery.write).
 */
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { allProviders } from '../providers/registry.js';
import type { Discovery } from './discover.js';
import { blockMap } from './yaml-block.js';

/** The `credentials:` each provider's block gets when it has none, by vendor (`Provider.discovery.credentials`). */
export type CredentialBlocks = Readonly<Record<string, Readonly<Record<string, string>> | undefined>>;

/** The config text with the providers block filled in; `text` undefined starts a new file. */
export function writeProviders(text: string | undefined, found: Discovery, credentials: CredentialBlocks): string {
  const doc = parseDocument(text ?? '');
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  const providers = blockMap(doc, doc.contents as YAMLMap, 'providers');
  for (const p of allProviders()) {
    const mine = (found as Record<string, unknown>)[p.vendor];
    if (mine !== undefined && p.discovery) p.discovery.write(mine, blockMap(doc, providers, p.vendor), doc, credentials[p.vendor] ?? {});
  }
  return doc.toString();
}
