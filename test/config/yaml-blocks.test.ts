/**
 * Parsing a config block by block must be invisible: the same value, diagnostics and positions as parsing
 * the whole document. A trailing `# &whole` comment makes the splitter refuse the text (anchors tie blocks
 * together) without moving any offset, so each text is compared with itself parsed whole.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitBlocks } from '../../engine/config/yaml-blocks.js';
import { parseYaml } from '../../engine/config/yaml-source.js';
import type { PathSeg } from '../../engine/config/path.js';
import { ROOT } from './helpers.js';

const WHOLE = '\n# &whole\n';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** Every path written in a value, plus one missing key below each map. */
function paths(value: unknown, at: PathSeg[] = []): PathSeg[][] {
  if (value === null || typeof value !== 'object') return [at];
  const below = Object.keys(value).flatMap((k) => paths((value as Record<string, unknown>)[k], [...at, k]));
  return [at, [...at, 'not-written'], ...below];
}

function outcome(text: string) {
  const { source, diagnostics } = parseYaml('f.yaml', '/', text);
  const where = (l: { line: number; column: number }) => `${l.line}:${l.column}`;
  return {
    diagnostics: diagnostics.map((d) => `${d.code} ${d.source ? where(d.source) : ''} ${d.summary}`),
    value: source?.value,
    positions: source ? paths(source.value).map((p) => `${p.join('.')} key ${where(source.locate(p, 'key'))} value ${where(source.locate(p))}`) : [],
  };
}

const EDGE_CASES: Record<string, string> = {
  'flow-style block': 'orders: {a: {vendor: oneatlas}, b: {vendor: maxar}}\nalerts:\n  x: {name: n}\n',
  'comments and blank lines between blocks': 'orders:\n  # first\n\n  a:\n    vendor: oneatlas\n\n# between\n  b:\n    vendor: maxar\n\nalerts: # inline\n\n  x:\n    name: y\n',
  'duplicate keys across blocks': 'alerts:\n  x:\n    name: a\n  x:\n    name: b\n',
  'duplicate top-level keys': 'alerts:\n  x:\n    name: a\nalerts:\n  y:\n    name: b\n',
  'duplicate key inside an entry': 'alerts:\n  x:\n    name: a\n    name: b\n  y:\n    name: c\n    name: d\n',
  'anchor and alias across blocks': 'alerts:\n  x: &base\n    name: a\n  y: *base\n',
  'tab in indentation': 'alerts:\n  x:\n\tname: a\n',
  'tab after a key': 'alerts:\n  x:\t{name: a}\n',
  CRLF: 'orders:\r\n  a:\r\n    vendor: oneatlas\r\n  b:\r\n    vendor: maxar\r\n',
  'block scalar with text that looks like a key': 'alerts:\n  x:\n    name: |\n      y:\n        z: 1\n  b: x\n    note: >\n\n  c: d\n',
  'second document': 'alerts:\n  x:\n    name: a\n---\nalerts:\n  y: {}\n',
  'document end marker': 'alerts:\n  x:\n    name: a\n...\n',
  'quoted keys': '"orders":\n  "a b":\n    vendor: oneatlas\n  \'c\':\n    vendor: maxar\n',
  'multi-line quoted scalar': 'alerts:\n  x:\n    name: "a\n  y: b"\n',
  'sequence block': 'orders:\n  - a\n  - b\n',
  'compact sequence under an entry': 'alerts:\n  x:\n  - 1\n  y: 2\n',
  'empty block': 'orders:\n# nothing\nalerts:\n',
  'unclosed flow': 'orders: {a: 1,\nb: 2\n',
  'numbers and nulls as keys': 'alerts:\n  1:\n    name: a\n  null:\n    name: b\n  ~: c\n',
  'top-level sequence': '- a\n- b\n',
  'empty text': '',
};

describe('block-by-block YAML parsing', () => {
  const files = [...yamlFiles(join(ROOT, 'test/config/corpus')), ...yamlFiles(join(ROOT, 'examples')), join(ROOT, 'orders.yaml.example')];

  test.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s reads the same as the whole document', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expect(outcome(text)).toEqual(outcome(text + WHOLE));
  });

  test.each(Object.entries(EDGE_CASES))('%s reads the same as the whole document', (_, text) => {
    expect(outcome(text)).toEqual(outcome(text + WHOLE));
  });

  test('the comparison can fail: a split that lost an entry would show', () => {
    expect(outcome('alerts:\n  x: 1\n  y: 2\n')).not.toEqual(outcome('alerts:\n  x: 1\n' + WHOLE));
  });

  test('a plain many-resource config is split into one block per resource', () => {
    const entry = (i: number) => `  a-${i}:\n    name: "n ${i}"\n    aoi: { type: Polygon, coordinates: [[[2, 48], [2.1, 48], [2, 48.1], [2, 48]]] }\n`;
    const text = `safety:\n  maxDestructiveShare: 1\nalerts:\n${Array.from({ length: 50 }, (_, i) => entry(i)).join('')}`;
    const tops = splitBlocks(text)!;
    expect(tops.map((t) => t.entries?.length ?? 0)).toEqual([0, 50]);
    expect(outcome(text)).toEqual(outcome(text + WHOLE));
    expect(splitBlocks(text + WHOLE)).toBeNull();
  });
});
