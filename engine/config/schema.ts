/**
 * The config JSON Schema (schemas/orderform.schema.json) and its ajv validators: precompiled at build
 * time into dist/ (standalone code, no schema compilation at start), else compiled at first use.
 * The file is read from the package root, found by walking up from this module, so that it works
 * both from the sources (tests) and from dist/ (the installed CLI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type AjvModule from 'ajv';

// ajv is loaded only when no precompiled validators exist: compiling the schema costs ~50–100 ms per start.
const require = createRequire(import.meta.url);

/** Written by `npm run build` (scripts/gen-validators.mjs) next to this module in dist/; absent in the sources. */
export const PRECOMPILED_FILE = 'schema-validators.cjs';

const RELATIVE = join('schemas', 'orderform.schema.json');

export type JsonSchema = Record<string, unknown>;

function findSchemaFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${RELATIVE} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

let cached: { schema: JsonSchema; text: string } | undefined;

function load() {
  if (!cached) {
    const text = readFileSync(findSchemaFile(), 'utf8');
    cached = { schema: JSON.parse(text) as JsonSchema, text };
  }
  return cached;
}

function createAjv(opts: { code?: { source: boolean } } = {}): InstanceType<typeof AjvModule.default> {
  const Ajv = (require('ajv') as typeof AjvModule).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...opts });
  addFormats(ajv);
  ajv.addSchema(load().schema);
  return ajv;
}

/** The validators by name: the whole document (`root`) and every definition. */
function validatorRefs(): Record<string, string> {
  const { schema } = load();
  const id = schema.$id as string;
  const names = Object.keys((schema.definitions ?? {}) as object);
  return { root: id, ...Object.fromEntries(names.map((n) => [n, `${id}#/definitions/${n}`])) };
}

/** Every validator as one CommonJS module of standalone code (exports by name), for PRECOMPILED_FILE. */
export function precompiledSource(): string {
  const standalone = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js')).default;
  const ajv = createAjv({ code: { source: true } });
  const refs = validatorRefs();
  for (const ref of Object.values(refs)) ajv.getSchema(ref);
  return standalone(ajv, refs);
}

let validators: ((name: string) => ValidateFunction | undefined) | undefined;

function validatorsSource() {
  if (!validators) {
    const file = join(dirname(fileURLToPath(import.meta.url)), PRECOMPILED_FILE);
    if (existsSync(file)) {
      const precompiled = require(file) as Record<string, ValidateFunction>;
      validators = (name) => precompiled[name];
    } else {
      const ajv = createAjv();
      const refs = validatorRefs();
      validators = (name) => (refs[name] ? ajv.getSchema(refs[name]) : undefined);
    }
  }
  return validators;
}

/** The schema as printed by `orderform schema`. */
export function schemaText(): string {
  return load().text;
}

export function configSchema(): JsonSchema {
  return load().schema;
}

/** The validator of the whole document (no name) or of one definition, e.g. `Budget`. */
export function validatorFor(definition?: string): ValidateFunction {
  const validate = validatorsSource()(definition ?? 'root');
  if (!validate) throw new Error(`schema definition not found: ${definition}`);
  return validate;
}

export type { ErrorObject };
