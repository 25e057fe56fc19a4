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
/** GitHub's heading anchor: lower case, punctuation (the `.` of `OneAtlasOrder.endUser`) dropped. */
const anchor = (name) => name.toLowerCase().replace(/[^a-z0-9_ -]/g, '').replace(/ /g, '-');
/** An object written inline in a property (not a definition): it gets a section of its own below its parent's. */
const inlineObject = (p) => (p.properties && !p.$ref ? p : p.type === 'array' && p.items?.properties && !p.items.$ref ? p.items : undefined);

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

function propertyTable(s, parent) {
  const required = new Set(s.required ?? []);
  const type = (name, p) => {
    const link = `[object](#${anchor(`${parent}.${name}`)})`;
    return inlineObject(p) ? (p.type === 'array' ? `array of ${link}` : link) : typeOf(p);
  };
  const rows = Object.entries(s.properties ?? {}).map(
    ([name, p]) => `| \`${name}\` | ${type(name, p)} | ${required.has(name) ? 'yes' : ''} | ${cell(describe(p))} |`,
  );
  if (!rows.length) return '';
  return ['| property | type | required | description |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

function section(name, s, level) {
  const out = [`${'#'.repeat(level)} ${name}`, '', cell(s.description), ''];
  if (s.properties) out.push(propertyTable(s, name));
  else out.push(`Type: ${typeOf(s)}`, '');
  for (const [prop, p] of Object.entries(s.properties ?? {})) {
    const inline = inlineObject(p);
    if (inline) out.push(section(`${name}.${prop}`, { ...inline, description: inline.description ?? p.description }, Math.min(level + 1, 6)));
  }
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
