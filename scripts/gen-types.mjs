#!/usr/bin/env node
/**
 * Generates, from schemas/orderform.schema.json, the as-written TypeScript types
 * (schemas/generated/config.ts) and the config reference (docs/config-reference.md).
 * `--check` writes nothing and exits 1 when either committed file has drifted from the schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'schemas/orderform.schema.json');
const typesPath = join(root, 'schemas/generated/config.ts');
const docPath = join(root, 'docs/config-reference.md');

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

async function types() {
  return compile(structuredClone(schema), 'OrderformConfig', {
    bannerComment:
      '/* Generated from schemas/orderform.schema.json by `npm run gen:types`. Do not edit by hand. */',
    additionalProperties: false,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}

const defName = (ref) => ref.replace('#/definitions/', '');
const anchor = (name) => name.toLowerCase();

/** A short type label for the reference tables; links to definitions. */
function typeOf(s) {
  if (s.$ref) return `[${defName(s.$ref)}](#${anchor(defName(s.$ref))})`;
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${v}\``).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.type === 'array') return `array of ${s.items ? typeOf(s.items) : 'any'}`;
  if (s.patternProperties) {
    const [pattern, value] = Object.entries(s.patternProperties)[0];
    return `map \`${pattern}\` → ${typeOf(value)}`;
  }
  return [s.type].flat().join(' \\| ');
}

/** A property's own description, else the one of the definition it refers to. */
const describe = (p) => p.description ?? (p.$ref ? schema.definitions[defName(p.$ref)].description : '');
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function propertyTable(s) {
  const required = new Set(s.required ?? []);
  const rows = Object.entries(s.properties ?? {}).map(
    ([name, p]) => `| \`${name}\` | ${typeOf(p)} | ${required.has(name) ? 'yes' : ''} | ${cell(describe(p))} |`,
  );
  if (!rows.length) return '';
  return ['| property | type | required | description |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

function section(name, s, level) {
  const out = [`${'#'.repeat(level)} ${name}`, '', cell(s.description), ''];
  if (s.properties) out.push(propertyTable(s));
  else out.push(`Type: ${typeOf(s)}`, '');
  return out.join('\n');
}

function reference() {
  const parts = [
    '# Configuration reference',
    '',
    '<!-- Generated from schemas/orderform.schema.json by `npm run gen:types`. Do not edit by hand. -->',
    '',
    'Every object rejects unknown properties. Maps keyed by your own names (resource keys, contract and AOI',
    'names) accept keys of letters, digits, `_` and `-`. Run `orderform validate` to check a file and',
    '`orderform schema` to print the schema (editors pick it up from the `# yaml-language-server: $schema=…` line).',
    '',
    section('Top level', schema, 2),
    ...Object.entries(schema.definitions).map(([name, s]) => section(name, s, 2)),
  ];
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

const outputs = [
  [typesPath, await types()],
  [docPath, reference()],
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([path, text]) => {
    try {
      return readFileSync(path, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  for (const [path] of stale) console.error(`${path} is out of date: run npm run gen:types`);
  process.exit(stale.length ? 1 : 0);
}
for (const [path, text] of outputs) writeFileSync(path, text);
