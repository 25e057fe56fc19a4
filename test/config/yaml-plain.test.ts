/**
 * The fast reader either reads a block exactly as yaml does (value, and where each map key and value
 * start) or declines it; random blocks built from the characters that matter check both.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { readPlainBlock, SEP } from '../../engine/config/yaml-plain.js';

/** yaml's reading: the value, and the key/value offsets of pairs reached through maps only. */
function yamlReading(text: string) {
  const doc = parseDocument(text, { uniqueKeys: false });
  const offsets = new Map<string, [number, number]>();
  const walk = (map: YAMLMap, prefix: string) => {
    for (const { key, value } of map.items as Pair<Node, Node>[]) {
      const path = prefix + String((key as { value: unknown }).value);
      offsets.set(path, [key.range![0], value?.range?.[0] ?? key.range![0]]);
      if (isMap(value)) walk(value, path + SEP);
    }
  };
  if (isMap(doc.contents)) walk(doc.contents, '');
  return { errors: doc.errors.length, value: doc.toJS(), offsets, oneKey: isMap(doc.contents) && doc.contents.items.length === 1 && isScalar(doc.contents.items[0]!.key) };
}

function agrees(text: string): boolean {
  const plain = readPlainBlock(text, 0, text.length);
  if (!plain) return false;
  const y = yamlReading(text);
  expect(y.errors).toBe(0);
  expect(y.oneKey).toBe(true);
  expect({ [plain.key]: plain.value }).toEqual(y.value);
  expect(Object.is(JSON.stringify(plain.value), JSON.stringify(Object.values(y.value as object)[0]))).toBe(true);
  expect([...plain.offsets].sort()).toEqual([...y.offsets].sort());
  return true;
}

const ALERT = `  alert-1:
    name: "watch 1"   # quoted
    context: subscription
    constellations: [PHR, 'P''NEO']
    cloudCover: [0, 20.5]
    enabled: true
    note: ~
    aoi: { type: Polygon, coordinates: [[[2.0, 48.5], [2.008, 48.5], [2.0, 48.504], [2.0, 48.5]]] }
    items:
      - catalogItemId: 5eed0000-0000-4000-8000-000000000001
        extra: { a: b }
      - plain
    production:
      dem: { center: best_available }
      projection: { center: "2154" }
`;

describe('plain YAML block reader', () => {
  test('reads a typical resource block exactly as yaml does', () => {
    expect(readPlainBlock(ALERT, 0, ALERT.length)).not.toBeNull();
    expect(agrees(ALERT)).toBe(true);
    expect(agrees(ALERT.replaceAll('\n', '\r\n'))).toBe(true);
  });

  test('declines what it does not read', () => {
    for (const text of [
      'a: |\n  text\n',
      'a: &x 1\n',
      'a: !!str 1\n',
      'a: "esc\\n"\n',
      'a: 0x1F\n',
      'a: 007\n',
      'a: .5\n',
      'a: -0\n',
      'a:\n',
      'a:\n- 1\n',
      'a: 1\nb: 2\n',
      'a: 1\na: 2\n',
      'a: {b: 1, b: 2}\n',
      'a: [1, 2,]\n',
      'a: "open\n  b"\n',
      'a: b: c\n',
      'a:\tb\n',
      'a: x\n  continued\n',
      '"a": 1\n',
    ])
      expect(readPlainBlock(text, 0, text.length), text).toBeNull();
  });

  test('random blocks: read as yaml reads them, or declined', () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .:#'"\-[\]{},~+eE]{1,8}$/),
      fc.constantFrom('1', '-2.5', '1e3', '0', 'true', 'False', 'null', '~', '"q"', "'it''s'", 'a b', 'x #c', '2154', '5eed-1'),
    );
    const flow = fc.oneof(
      fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), scalar), { maxLength: 3 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    );
    type Tree = { [k: string]: string | Tree | string[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
      t: fc.dictionary(fc.constantFrom('a', 'b', 'k-1', 'x.y'), fc.oneof({ depthSize: 'small' }, scalar, flow, fc.array(scalar, { minLength: 1, maxLength: 2 }), tie('t')), { minKeys: 1, maxKeys: 3 }),
    })).t;
    const render = (t: Tree, ind: string): string =>
      Object.entries(t)
        .map(([k, v]) =>
          typeof v === 'string' ? `${ind}${k}: ${v}\n`
          : Array.isArray(v) ? `${ind}${k}:\n${v.map((x) => `${ind}  - ${x}\n`).join('')}`
          : `${ind}${k}:\n${render(v, `${ind}  `)}`,
        )
        .join('');
    let read = 0;
    fc.assert(
      fc.property(tree, (t) => {
        if (agrees(`  top:\n${render(t, '    ')}`)) read += 1;
      }),
      { numRuns: 3000, seed: 8 },
    );
    expect(read).toBeGreaterThan(300); // the property compared real readings, not only refusals
  });
});
