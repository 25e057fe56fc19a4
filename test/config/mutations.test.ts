/**
 * Random mutations of a valid config never crash the loader: it either accepts the config, or
 * rejects it with diagnostics that all say where (file, line, column).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, load, tree } from './helpers.js';

const original = readFileSync(join(ROOT, 'orders.yaml.example'), 'utf8');
const dir = tree({});
cpSync(join(ROOT, 'examples/aois'), join(dir, 'examples/aois'), { recursive: true });

type Path = (string | number)[];

function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}

function mutate(doc: unknown, path: Path, op: 'delete' | 'set' | 'rename', replacement: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  if (path.length === 0) return op === 'set' ? replacement : copy;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((n, k) => n[k] as Record<string | number, unknown>, copy);
  const last = path[path.length - 1]!;
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (op === 'rename' && !Array.isArray(parent)) {
    parent[`${String(last)}x`] = parent[last];
    delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

async function check(text: string) {
  writeFileSync(join(dir, 'orders.yaml'), text);
  const { config, diagnostics } = await load(['orders.yaml'], {}, dir);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(config === null).toBe(errors.length > 0);
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^[A-Z_]+$/);
    expect(d.source?.file).toBeTruthy();
    expect(d.source!.line).toBeGreaterThanOrEqual(1);
    expect(d.source!.column).toBeGreaterThanOrEqual(1);
  }
}

describe('loader under random mutations', () => {
  const doc = parse(original) as unknown;
  const all = paths(doc);

  test('structural mutations: delete, rename or replace any node', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: all.length - 1 }),
        fc.constantFrom('delete' as const, 'set' as const, 'rename' as const),
        fc.jsonValue({ maxDepth: 2 }),
        async (i, op, value) => check(stringify(mutate(doc, all[i]!, op, value))),
      ),
      { numRuns: 200 },
    );
  });

  test('textual mutations: cut or insert characters anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: original.length - 1 }),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 6, unit: fc.constantFrom(':', '-', ' ', '\n', '[', '{', '"', '&a', '*a', 'x', '1', '\t') }),
        async (at, cut, insert) => check(original.slice(0, at) + insert + original.slice(at + cut)),
      ),
      { numRuns: 200 },
    );
  });
});
