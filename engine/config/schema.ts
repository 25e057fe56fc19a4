/**
 * The config JSON Schema (schemas/orderform.schema.json) and its compiled ajv validators.
 * The file is read from the package root, found by walking up from this module, so that it works
 * both from the sources (tests) and from dist/ (the installed CLI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS with a default export.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

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

let cached: { schema: JsonSchema; text: string; ajv: InstanceType<typeof Ajv> } | undefined;

function load() {
  if (!cached) {
    const text = readFileSync(findSchemaFile(), 'utf8');
    const schema = JSON.parse(text) as JsonSchema;
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addSchema(schema);
    cached = { schema, text, ajv };
  }
  return cached;
}

/** The schema as printed by `orderform schema`. */
export function schemaText(): string {
  return load().text;
}

export function configSchema(): JsonSchema {
  return load().schema;
}

/** The validator of the whole document (no name) or of one definition, e.g. `OneAtlasOrder`. */
export function validatorFor(definition?: string): ValidateFunction {
  const { schema, ajv } = load();
  const id = schema.$id as string;
  const validate = ajv.getSchema(definition ? `${id}#/definitions/${definition}` : id);
  if (!validate) throw new Error(`schema definition not found: ${definition}`);
  return validate;
}

export type { ErrorObject };
