/**
 * A YAML config file parsed with positions: its plain value, and a way to map any path in it back to
 * `file:line:column`. Duplicate keys and syntax errors become positioned diagnostics.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { formatPath, type PathSeg } from './path.js';

export interface YamlSource {
  /** The file as shown to the user (relative to the working directory when inside it). */
  file: string;
  /** Absolute directory of the file: AOI files are relative to it. */
  dir: string;
  value: unknown;
  /** Where `path` is; when it does not fully exist, the deepest part that does. `key`: point at the key. */
  locate(path: readonly PathSeg[], at?: 'key' | 'value'): SourceLocation;
  /** Whether `path` is written in the file. */
  has(path: readonly PathSeg[]): boolean;
}

export function parseYaml(file: string, dir: string, text: string): { source: YamlSource | null; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  // yaml's own uniqueKeys check compares each key with all before it (quadratic in a 10k-resource block).
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number, path: readonly PathSeg[]): SourceLocation => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col, path: formatPath(path) };
  };
  // After the first syntax error the rest are mostly its echoes; duplicate keys are all independent.
  const firstSyntax = doc.errors[0];
  const diagnostics = [
    ...(firstSyntax ? [error('YAML_SYNTAX', `YAML syntax: ${firstLine(firstSyntax.message)}`, position(firstSyntax.pos[0], []))] : []),
    ...duplicateKeys(doc).map((offset) => error('YAML_DUPLICATE_KEY', `duplicate key: ${keyAt(text, offset)}`, position(offset, []))),
  ];
  if (diagnostics.length) return { source: null, diagnostics };
  const pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
  const locate = (path: readonly PathSeg[], at: 'key' | 'value' = 'value'): SourceLocation => {
    const offset = offsetOf(doc, pairs, path, at);
    return position(offset, path);
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // Aliases fail only here: one without its anchor, or too many of them (a "billion laughs").
    return { source: null, diagnostics: [error('YAML_ALIAS', (e as Error).message, position(badAlias(doc) ?? 0, []))] };
  }
  const has = (path: readonly PathSeg[]) =>
    path.reduce<unknown>((node, seg) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined), value) !== undefined;
  return { source: { file, dir, value, locate, has }, diagnostics };
}

/** Where each key repeated in its map is written (after the first), as yaml's uniqueKeys reports them. */
function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue; // yaml compares keys with ===: NaN never repeats
        if (seen.has(key.value)) offsets.push(key.range![0]);
        seen.add(key.value);
      }
    },
  });
  return offsets;
}

/** A map's pairs by key, built the first time a path goes through it: each locate is O(depth). */
function pairOf(index: WeakMap<YAMLMap, Map<string, Pair>>, map: YAMLMap, seg: PathSeg): Pair | undefined {
  let byKey = index.get(map);
  if (!byKey) {
    byKey = new Map();
    for (const p of map.items as Pair[]) {
      const k = isScalar(p.key) ? String(p.key.value) : undefined;
      if (k !== undefined && !byKey.has(k)) byKey.set(k, p);
    }
    index.set(map, byKey);
  }
  return byKey.get(String(seg));
}

function offsetOf(doc: Document, index: WeakMap<YAMLMap, Map<string, Pair>>, path: readonly PathSeg[], at: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, seg] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = pairOf(index, node as YAMLMap, seg);
      if (!pair) break;
      keyOffset = rangeStart(pair.key);
      next = pair.value;
    } else if (isSeq(node)) {
      next = node.items[Number(seg)];
      if (next === undefined) break;
    } else break;
    const last = i === path.length - 1;
    offset = (last && at === 'key' ? keyOffset : undefined) ?? rangeStart(next) ?? keyOffset ?? offset;
    node = next;
  }
  return offset;
}

function badAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) === undefined) {
        offset = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function keyAt(text: string, offset: number): string {
  return JSON.stringify(text.slice(offset).split(/[:\n]/)[0]!.trim());
}
