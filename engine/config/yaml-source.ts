/**
 * A YAML config file parsed with positions: its plain value, and a way to map any path in it back to
 * `file:line:column`. Duplicate keys and syntax errors become positioned diagnostics. Large configs are
 * read block by block (yaml-blocks.ts, yaml-plain.ts) with the same values and positions as one parse.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import { formatPath, type PathSeg } from './path.js';
import { lineStarts, splitBlocks, type Span, type TopBlock } from './yaml-blocks.js';
import { MAX_NESTING, readPlainBlock, SEP, type PairOffsets } from './yaml-plain.js';
import { mib } from './read-bounded.js';

/**
 * The most text handed to yaml at once (a whole file that does not split, a block the plain reader
 * declines, a block re-read for a position). yaml holds ~190 bytes per byte read (13 MiB: 2.5 GB, 50 s;
 * 32 MiB would exhaust the heap); the plain reader reads the rest in linear time.
 */
export const MAX_FULL_YAML_CHARS = 4 * 1024 * 1024;

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
  const parsed = parseBlocks(text) ?? parseWhole(text);
  const position = (offset: number, path: readonly PathSeg[]): SourceLocation => {
    const { line, col } = parsed.lines.linePos(offset);
    return { file, line, column: col, path: formatPath(path) };
  };
  if (!('value' in parsed)) {
    // After the first syntax error the rest are mostly its echoes; duplicate keys are all independent.
    const { syntax, duplicates, alias, tooLarge } = parsed;
    if (tooLarge) return { source: null, diagnostics: [tooLargeForYaml(file, tooLarge, (offset) => position(offset, []))] };
    const diagnostics = [
      ...(syntax?.code === 'RESOURCE_EXHAUSTION' ? [tooDeep(position(syntax.pos[0], []))] : []),
      ...(syntax && syntax.code !== 'RESOURCE_EXHAUSTION' ? [error('YAML_SYNTAX', `YAML syntax: ${firstLine(syntax.message)}`, position(syntax.pos[0], []))] : []),
      ...duplicates.map((offset) => error('YAML_DUPLICATE_KEY', `duplicate key: ${keyAt(text, offset)}`, position(offset, []))),
    ];
    if (!diagnostics.length && alias) diagnostics.push(error('YAML_ALIAS', alias.message, position(alias.offset, [])));
    return { source: null, diagnostics };
  }
  const { value, find } = parsed;
  const pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
  const locate = (path: readonly PathSeg[], at: 'key' | 'value' = 'value'): SourceLocation => {
    const found = find(path, at);
    return position('doc' in found ? found.offset + offsetOf(found.doc, pairs, found.below, at) : found.offset, path);
  };
  const deep = parsed.byYaml ? deepPath(value) : null;
  if (deep) return { source: null, diagnostics: [tooDeep(locate(deep))] };
  const has = (path: readonly PathSeg[]) =>
    path.reduce<unknown>((node, seg) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined), value) !== undefined;
  return { source: { file, dir, value, locate, has }, diagnostics: [] };
}

function tooLargeForYaml(file: string, tooLarge: NonNullable<Failed['tooLarge']>, at: (offset: number) => SourceLocation): Diagnostic {
  const size = mib(tooLarge.chars);
  if (!tooLarge.block)
    return error('CONFIG_FILE_TOO_LARGE', `${file} is ${size} and cannot be read block by block; read whole, a file may be at most ${mib(MAX_FULL_YAML_CHARS)}`, undefined,
      'Files are read block by block unless they use anchors and aliases, `---` / `...` markers, directives or flow collections over several lines at the top level. Split the config over several files in a folder (-c folder/), or leave those out.');
  return error('CONFIG_BLOCK_TOO_LARGE', `this block is ${size}, written in YAML forms only the full reader reads; such a block may be at most ${mib(MAX_FULL_YAML_CHARS)}`, at(tooLarge.block.offset),
    'A resource needs a few kilobytes: put a large AOI in a file (aoi: { file: x.geojson }), or write the block in plain YAML (no block scalars, tags, escapes or multi-line values).');
}

/** yaml reports a stack overflow in its own recursion as RESOURCE_EXHAUSTION, at the collection it was reading. */
function tooDeep(at: SourceLocation): Diagnostic {
  return error(
    'CONFIG_TOO_DEEP',
    `nested more than ${MAX_NESTING} levels deep; a config needs about 10`,
    at,
    'Look for unclosed or repeated [ and { or runaway indentation here.',
  );
}

/** The path to a collection nested deeper than MAX_NESTING, if any (the recursion stops there). */
function deepPath(node: unknown, depth = 0): PathSeg[] | null {
  if (node === null || typeof node !== 'object') return null;
  if (depth === MAX_NESTING) return [];
  const array = Array.isArray(node);
  for (const key of Object.keys(node)) {
    const below = deepPath((node as Record<string, unknown>)[key], depth + 1);
    if (below) return [array ? Number(key) : key, ...below];
  }
  return null;
}

/**
 * A parsed text: its value, and for a path either its offset, or the document that holds it, that
 * document's offset in the text and the path inside it.
 */
interface Parsed {
  lines: LineCounter;
  value: unknown;
  /** Some of it was read by yaml, whose nesting nothing bounds (the plain reader stops at MAX_NESTING). */
  byYaml: boolean;
  find(path: readonly PathSeg[], at: 'key' | 'value'): { offset: number } | { doc: Document; offset: number; below: readonly PathSeg[] };
}

interface Failed {
  lines: LineCounter;
  syntax?: YAMLError;
  duplicates: number[];
  alias?: { message: string; offset: number };
  /** Text over MAX_FULL_YAML_CHARS that only yaml could read: the whole file (no `block`), or one block. */
  tooLarge?: { chars: number; block?: { offset: number } };
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

/** The whole text as one document: the reference behaviour, used whenever the text does not split safely. */
function parseWhole(text: string): Parsed | Failed {
  const lines = new LineCounter();
  if (text.length > MAX_FULL_YAML_CHARS) return { lines, duplicates: [], tooLarge: { chars: text.length } };
  // yaml's own uniqueKeys check compares each key with all before it (quadratic in a 10k-resource block).
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const duplicates = duplicateKeys(doc);
  if (doc.errors.length || duplicates.length) return { lines, syntax: doc.errors[0], duplicates };
  try {
    return { lines, value: doc.toJS({ maxAliasCount: 100 }) ?? {}, byYaml: true, find: (path) => ({ doc, offset: 0, below: path }) };
  } catch (e) {
    // Aliases fail only here: one without its anchor, or too many of them (a "billion laughs").
    return { lines, duplicates, alias: { message: (e as Error).message, offset: badAlias(doc) ?? 0 } };
  }
}

/**
 * Each block as its own small document (see yaml-blocks.ts); only the values are kept, and a block is
 * parsed again when a diagnostic needs a position in it. Null (parse whole) when the text does not split,
 * a block has a syntax error or is not exactly one key, or keys repeat across blocks: the whole parse then
 * reports exactly what it always did.
 */
function parseBlocks(text: string): Parsed | Failed | null {
  const tops = splitBlocks(text);
  if (!tops) return null;
  const duplicates: number[] = [];
  const offsets = new Map<number, PairOffsets>(); // by block start
  let tooLarge: Span | undefined;
  let byYaml = false;
  const one = (span: Span): [string, unknown] | null => {
    const plain = readPlainBlock(text, span.start, span.end);
    if (plain) {
      offsets.set(span.start, plain.offsets);
      return [plain.key, plain.value];
    }
    if (span.end - span.start > MAX_FULL_YAML_CHARS) {
      tooLarge = span;
      return null;
    }
    const doc = parseDocument(text.slice(span.start, span.end), PARSE_OPTIONS);
    const map = doc.contents;
    if (doc.errors.length || !isMap(map) || map.items.length !== 1 || !isScalar(map.items[0]!.key)) return null;
    const key = String(map.items[0]!.key.value);
    if (key === '__proto__') return null;
    byYaml = true;
    duplicates.push(...duplicateKeys(doc).map((o) => o + span.start));
    offsets.set(span.start, pairOffsets(map));
    return [key, (doc.toJS() as Record<string, unknown>)[key]];
  };
  const value: Record<string, unknown> = {};
  const byKey = new Map<string, { top: TopBlock; entries?: Map<string, Span> }>();
  const declined = (): Failed | null => {
    if (!tooLarge) return null;
    const lines = new LineCounter();
    for (const start of lineStarts(text)) lines.addNewLine(start);
    return { lines, duplicates: [], tooLarge: { chars: tooLarge.end - tooLarge.start, block: { offset: tooLarge.start } } };
  };
  for (const top of tops) {
    const header = one(top.entries ? { start: top.start, end: top.entries[0]!.start } : top);
    if (!header || byKey.has(header[0]) || (top.entries && header[1] !== null)) return declined();
    const [key] = header;
    if (!top.entries) {
      value[key] = header[1];
      byKey.set(key, { top });
      continue;
    }
    const entries = new Map<string, Span>();
    const block: Record<string, unknown> = {};
    for (const span of top.entries) {
      const entry = one(span);
      if (!entry || entries.has(entry[0])) return declined();
      block[entry[0]] = entry[1];
      entries.set(entry[0], span);
    }
    value[key] = block;
    byKey.set(key, { top, entries });
  }
  const lines = new LineCounter();
  for (const start of lineStarts(text)) lines.addNewLine(start);
  if (duplicates.length) return { lines, duplicates };

  const docs = new Map<number, Document>();
  const reparse = (span: Span) => {
    let doc = docs.get(span.start);
    if (!doc) docs.set(span.start, (doc = parseDocument(text.slice(span.start, span.end), PARSE_OPTIONS)));
    return doc;
  };
  const find = (path: readonly PathSeg[], at: 'key' | 'value') => {
    const inBlock = (span: Span, below: readonly PathSeg[]) => {
      const known = offsets.get(span.start)?.get(below.join(SEP));
      if (known) return { offset: span.start + known[at === 'key' ? 0 : 1] };
      // A block too large for yaml (a huge inline AOI the plain reader read): its first line will do.
      if (span.end - span.start > MAX_FULL_YAML_CHARS) return { offset: span.start };
      return { doc: reparse(span), offset: span.start, below };
    };
    const found = path.length ? byKey.get(String(path[0])) : undefined;
    // The path is not written: the whole document's answer is where its first key is.
    if (!found) return inBlock(tops[0]!, []);
    const { top, entries } = found;
    if (!entries) return inBlock(top, path);
    const entry = path.length > 1 ? entries.get(String(path[1])) : undefined;
    if (entry) return inBlock(entry, path.slice(1));
    // The block itself as a key: its header; as a value (or an entry it lacks): the map that starts at its first entry.
    return path.length === 1 && at === 'key' ? inBlock({ start: top.start, end: top.entries![0]!.start }, path) : inBlock(top.entries![0]!, []);
  };
  return { lines, value, byYaml, find };
}

/**
 * Where each key and its value start, by path, for the pairs of nested maps (sequences, mostly
 * coordinates, are left to a re-parse): the locations every resource records cost no re-parse.
 */
function pairOffsets(map: YAMLMap, into: PairOffsets = new Map(), prefix = ''): PairOffsets {
  for (const { key, value } of map.items as Pair[]) {
    const keyOffset = rangeStart(key);
    if (!isScalar(key) || keyOffset === undefined) continue;
    const path = prefix + String(key.value);
    if (!into.has(path)) into.set(path, [keyOffset, rangeStart(value) ?? keyOffset]);
    if (isMap(value)) pairOffsets(value as YAMLMap, into, path + SEP);
  }
  return into;
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
