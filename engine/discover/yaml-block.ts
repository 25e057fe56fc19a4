/** A config's YAML edited through the yaml Document API, so that comments and everything else stay as written. */
import { isMap, type Document, type YAMLMap } from 'yaml';

/** The block map under `key`, created when absent; written block style (`providers: {}` becomes a block). */
export function blockMap(doc: Document, parent: YAMLMap, key: string): YAMLMap {
  const node: unknown = parent.get(key, true);
  const map = isMap(node) ? node : (doc.createNode({}) as YAMLMap);
  if (map !== node) parent.set(key, map);
  map.flow = false;
  return map;
}
