import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configSchema, type JsonSchema } from '../../engine/config/schema.js';
import { PRIMARY_MARKETS } from '../../engine/providers/oneatlas/rules.js';
import { ROOT, cli } from './helpers.js';

/** Every subschema with its JSON-pointer-ish location. */
function walk(s: JsonSchema, at: string, visit: (s: JsonSchema, at: string) => void): void {
  visit(s, at);
  const children = (key: string) => Object.entries((s[key] ?? {}) as Record<string, JsonSchema>);
  for (const key of ['properties', 'patternProperties', 'definitions']) for (const [k, v] of children(key)) walk(v, `${at}/${key}/${k}`, visit);
  if (s.items && typeof s.items === 'object') walk(s.items as JsonSchema, `${at}/items`, visit);
  for (const [i, v] of ((s.anyOf ?? []) as JsonSchema[]).entries()) walk(v, `${at}/anyOf/${i}`, visit);
}

describe('config schema', () => {
  const schema = configSchema();

  test('every property has a description (its own or its definition\'s)', () => {
    const defs = schema.definitions as Record<string, JsonSchema>;
    const missing: string[] = [];
    walk(schema, '#', (s, at) => {
      for (const [name, p] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) {
        const described = p.description ?? (p.$ref ? defs[String(p.$ref).split('/').pop()!]?.description : undefined);
        if (!described) missing.push(`${at}/properties/${name}`);
      }
    });
    expect(missing).toEqual([]);
  });

  test('every object rejects unknown properties', () => {
    const open: string[] = [];
    walk(schema, '#', (s, at) => {
      // Free-form GeoJSON feature properties are the one place users may write anything.
      if (at.endsWith('/properties/properties')) return;
      if ((s.type === 'object' || s.properties || s.patternProperties) && s.additionalProperties !== false) open.push(at);
    });
    expect(open).toEqual([]);
  });

  test('markets and delivery types are not a fixed list: the contract says which (plan checks them)', () => {
    const order = (schema.definitions as Record<string, JsonSchema>).OneAtlasOrder!.properties as Record<string, JsonSchema>;
    for (const field of ['primaryMarket', 'secondaryMarket', 'delivery']) expect(order[field]!.enum).toBeUndefined();
    expect(PRIMARY_MARKETS).toEqual(expect.arrayContaining(order.primaryMarket!.examples as string[]));
  });

  test('generated types and the config reference match the schema (npm run gen:types)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/gen-types.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  test('the config reference has a table for every object in the schema, with every property (endUser, state.postgres, …)', () => {
    const doc = readFileSync(join(ROOT, 'docs/config-reference.md'), 'utf8');
    const tables = doc.split(/^#+ .*$/m).map((section) => [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).join(' '));
    const missing: string[] = [];
    walk(schema, '#', (s, at) => {
      const props = Object.keys((s.properties ?? {}) as object);
      if (props.length && !tables.includes(props.join(' '))) missing.push(`${at}: ${props.join(', ')}`);
    });
    expect(missing).toEqual([]);
  });

  test('orderform schema prints it', async () => {
    const { code, stdout } = await cli(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(schema);
  });
});
