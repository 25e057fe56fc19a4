/**
 * The built CLI validates with standalone validators generated at build time (PRECOMPILED_FILE); the
 * sources compile the schema at first use. Both must report the same errors, down to what
 * schema-errors.ts reads from them (keyword, params, paths, and the schemas of verbose mode).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { precompiledSource, PRECOMPILED_FILE, validatorFor } from '../../engine/config/schema.js';
import { parseYaml } from '../../engine/config/yaml-source.js';
import { ROOT } from './helpers.js';

const corpus = join(ROOT, 'test', 'config', 'corpus');
const files = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.yaml')).map((f) => join(corpus, f)),
  join(ROOT, 'orders.yaml.example'),
];

const comparable = (validate: ValidateFunction, data: unknown) => {
  validate(data);
  return (validate.errors ?? []).map(({ instancePath, schemaPath, keyword, params, message, schema, parentSchema, data: at }) =>
    ({ instancePath, schemaPath, keyword, params, message, schema, parentSchema, data: at }));
};

describe('precompiled config validators', () => {
  // The generated code requires ajv and ajv-formats: write it inside the project, where they resolve (the OS temp
  // folder has no node_modules above it on a fresh machine).
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'orderform-validators-'));
  writeFileSync(join(dir, PRECOMPILED_FILE), precompiledSource());
  const precompiled = createRequire(import.meta.url)(join(dir, PRECOMPILED_FILE)) as Record<string, ValidateFunction>;

  it('report exactly what the compiled schema reports, on every corpus file', () => {
    let withErrors = 0;
    for (const file of files) {
      const { source } = parseYaml(file, corpus, readFileSync(file, 'utf8'));
      if (!source) continue;
      const expected = comparable(validatorFor(), source.value);
      expect(comparable(precompiled.root!, source.value), file).toEqual(expected);
      if (expected.length) withErrors += 1;
    }
    expect(withErrors).toBeGreaterThan(10);
  });

  it('include each definition a union is resolved to', () => {
    const order = { vendor: 'oneatlas', contract: 'x', productTyp: 'y' };
    expect(comparable(precompiled.OneAtlasOrder!, order)).toEqual(comparable(validatorFor('OneAtlasOrder'), order));
    expect(comparable(precompiled.OneAtlasOrder!, order).length).toBeGreaterThan(0);
  });
});
