/**
 * Writes what discovery found into a config's `providers` block through the yaml Document API, so
 * comments and everything else in the file stay as the user wrote them. Contracts already declared
 * (same contractId) keep their name and are updated in place; new ones get a name from their label.
 */
import { isMap, parseDocument, YAMLMap, type Document } from 'yaml';
import type { Discovery } from './discover.js';
import { slug } from './slug.js';

export interface WriteProvidersOptions {
  oneatlasKeyEnv: string;
  maxarUsernameEnv: string;
  maxarPasswordEnv: string;
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

/** The config text with the providers block filled in; `text` undefined starts a new file. */
export function writeProviders(text: string | undefined, found: Discovery, opts: WriteProvidersOptions): string {
  const doc = parseDocument(text ?? '');
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  const providers = blockMap(doc, doc.contents as YAMLMap, 'providers');
  if (found.oneatlas) {
    const oneatlas = blockMap(doc, providers, 'oneatlas');
    if (!oneatlas.has('credentials')) oneatlas.set('credentials', doc.createNode({ apiKeyEnv: opts.oneatlasKeyEnv }));
    const contracts = blockMap(doc, oneatlas, 'contracts');
    const taken = new Set(contracts.items.map((p) => String((p.key as { value?: unknown })?.value ?? p.key)));
    for (const c of found.oneatlas.contracts) {
      const existing = contracts.items.find((p) => isMap(p.value) && p.value.get('contractId') === c.contractId);
      const entry = existing ? (existing.value as YAMLMap) : blockMap(doc, contracts, uniqueName(c.name ?? c.contractId, c.contractId, taken));
      entry.set('contractId', c.contractId);
      entry.set('backend', c.backend);
      if (c.workspace) entry.set('workspace', c.workspace);
    }
  }
  if (found.maxar) {
    const maxar = blockMap(doc, providers, 'maxar');
    maxar.set('accountId', found.maxar.accountId);
    if (!maxar.has('credentials')) maxar.set('credentials', doc.createNode({ usernameEnv: opts.maxarUsernameEnv, passwordEnv: opts.maxarPasswordEnv }));
  }
  return doc.toString();
}

/** The block map under `key`, created when absent; written block style (`providers: {}` becomes a block). */
function blockMap(doc: Document, parent: YAMLMap, key: string): YAMLMap {
  const node: unknown = parent.get(key, true);
  const map = isMap(node) ? node : (doc.createNode({}) as YAMLMap);
  if (map !== node) parent.set(key, map);
  map.flow = false;
  return map;
}

/** A contract's name in the config: its label as a key, made unique among `taken`. */
function uniqueName(label: string, contractId: string, taken: Set<string>): string {
  const fromLabel = slug(label, 48);
  const base = KEY_PATTERN.test(fromLabel) ? fromLabel : `contract-${slug(contractId, 48)}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}
