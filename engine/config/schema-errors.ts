/**
 * Validates a parsed file against the schema and turns ajv errors into positioned diagnostics a
 * user can act on. Unions (`anyOf`: an order's vendor, an AOI's GeoJSON type) are resolved by their
 * discriminator in the data, then validated against that one branch, so that a typo in an order is
 * reported against its vendor's order schema, not as "matches no branch" noise.
 */
import { error, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import type { PathSeg } from './path.js';
import { configSchema, validatorFor, type ErrorObject, type JsonSchema } from './schema.js';
import type { YamlSource } from './yaml-source.js';

const SECRET_LIKE = /secret|password|passwd|api[-_]?key$|token/i;
/** Fields that name an environment variable holding a secret (apiKeyEnv, passwordEnv, urlEnv, …): a bad value there is most likely the secret. */
const ENV_NAME_FIELD = /Env$/;

/** Passes as a variable name (the schema reports the rest) but reads like a key: 20+ capitals and digits, no `_`. */
const SECRET_LOOKING_NAME = /^(?=[A-Z0-9]*\d)[A-Z][A-Z0-9]{19,}$/;

export function validateSchema(source: YamlSource): Diagnostic[] {
  const errors = errorsFor(validatorFor(), source.value, []);
  const seen = new Set<string>();
  const out: Diagnostic[] = [...secretsInEnvFields(source)];
  for (const d of errors.map((e) => toDiagnostic(e, source))) {
    const id = `${d.code}|${d.source?.path}|${d.summary}`;
    if (!seen.has(id)) out.push(d);
    seen.add(id);
  }
  return out;
}

/** A value in an `…Env` field that is (or may be) the secret: never shown, and the message says what belongs there. */
function secretInEnvField(field: string, at: SourceLocation, why: string): Diagnostic {
  return error(
    'INLINE_SECRET',
    `${field} takes the name of an environment variable, and ${why}: it looks like a secret itself, so it is not shown`,
    at,
    `Put the secret in an environment variable (export MY_VARIABLE=...) and write its name here: ${field}: MY_VARIABLE (capitals, digits and _). If this file was shared or committed, rotate the secret.`,
  );
}

/** `…Env` fields (providers, state, order outputs) whose value is a valid variable name that reads like a key. */
function secretsInEnvFields(source: YamlSource): Diagnostic[] {
  const value = isObject(source.value) ? source.value : {};
  const orders = isObject(value.orders) ? Object.keys(value.orders) : [];
  const out: Diagnostic[] = [];
  const visit = (node: unknown, path: PathSeg[]) => {
    if (!isObject(node) || path.length > 6) return;
    for (const [key, v] of Object.entries(node)) {
      if (typeof v === 'string' && ENV_NAME_FIELD.test(key) && SECRET_LOOKING_NAME.test(v))
        out.push(secretInEnvField(key, source.locate([...path, key]), 'this value, though a valid name, reads like a key'));
      else visit(v, [...path, key]);
    }
  };
  for (const root of [['providers'], ['state'], ...orders.map((k) => ['orders', k, 'output'])]) visit(valueAt(value, root), root);
  return out;
}

/** An ajv error with its instance path already in segments (array indices as numbers). */
interface PathedError {
  error: ErrorObject;
  path: PathSeg[];
  /** Set when a union could not be resolved: what to say instead of ajv's message. */
  union?: { summary: string; at: PathSeg[] };
}

function errorsFor(validate: ReturnType<typeof validatorFor>, data: unknown, prefix: PathSeg[]): PathedError[] {
  if (validate(data)) return [];
  const all = (validate.errors ?? []).map((e) => ({ error: e, path: [...prefix, ...segments(data, e.instancePath)] }));
  const unions = all.filter((e) => e.error.keyword === 'anyOf');
  // Keep the errors that no union produced; replace each union's errors by those of its chosen branch.
  const inUnion = (e: PathedError) => unions.some((u) => isWithin(e.path, u.path));
  const out = all.filter((e) => !inUnion(e));
  for (const u of unions) {
    if (unions.some((outer) => outer !== u && isWithin(u.path, outer.path))) continue; // nested: handled by the branch
    out.push(...resolveUnion(u, valueAt(data, u.path.slice(prefix.length))));
  }
  return out;
}

function resolveUnion(u: PathedError, data: unknown): PathedError[] {
  const branches = ((u.error.schema as JsonSchema[]) ?? []).map((b) => {
    const name = String(b.$ref).replace('#/definitions/', '');
    return { name, schema: (configSchema().definitions as Record<string, JsonSchema>)[name]! };
  });
  const chosen = chooseBranch(data, branches);
  if (typeof chosen !== 'string') return [{ ...u, union: chosen }];
  return errorsFor(validatorFor(chosen), data, u.path);
}

/**
 * The branch whose `const` property (vendor, type) matches the data, else the only branch that
 * requires a property the data has (`file`). Otherwise: what to tell the user.
 */
function chooseBranch(
  data: unknown,
  branches: { name: string; schema: JsonSchema }[],
): string | { summary: string; at: PathSeg[] } {
  const obj = isObject(data) ? data : {};
  const discriminators = new Map<string, unknown[]>();
  for (const b of branches) {
    const props = (b.schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [prop, s] of Object.entries(props)) {
      if (s.const === undefined) continue;
      if (obj[prop] === s.const) return b.name;
      discriminators.set(prop, [...(discriminators.get(prop) ?? []), s.const]);
    }
  }
  for (const b of branches) {
    const owns = ((b.schema.required ?? []) as string[]).filter(
      (p) => p in obj && branches.every((o) => o === b || !(p in ((o.schema.properties ?? {}) as object))),
    );
    if (owns.length) return b.name;
  }
  const [prop, values] = [...discriminators.entries()][0] ?? [];
  const list = (values ?? []).map((v) => JSON.stringify(v)).join(', ');
  if (!isObject(data)) return { summary: `expected an object (${branches.map((b) => b.name).join(' or ')})`, at: [] };
  if (prop && prop in obj) return { summary: `${prop} must be one of ${list}, got ${JSON.stringify(obj[prop])}`, at: [prop] };
  if (prop && branches.every((b) => (b.schema.properties as object)[prop as never]))
    return { summary: `missing required property '${prop}' (one of ${list})`, at: [] };
  return { summary: `expected one of: ${branches.map((b) => `${b.name} (${b.schema.description})`).join('; ')}`, at: [] };
}

function toDiagnostic(p: PathedError, source: YamlSource): Diagnostic {
  const { error: e, path } = p;
  const at = (segs: PathSeg[], where: 'key' | 'value' = 'value') => source.locate(segs, where);
  if (p.union) {
    const code = p.union.summary.startsWith('missing') ? 'SCHEMA_MISSING_PROPERTY' : 'SCHEMA_INVALID';
    return error(code, p.union.summary, at([...path, ...p.union.at]));
  }
  const params = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as JsonSchema;
  const field = path[path.length - 1];
  if (typeof field === 'string' && ENV_NAME_FIELD.test(field) && e.keyword !== 'additionalProperties' && e.keyword !== 'required')
    return secretInEnvField(field, at(path), 'this value is not one');
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const where = at([...path, name], 'key');
      const allowed = Object.keys((parent.properties ?? {}) as object);
      if (parent.patternProperties) {
        const pattern = Object.keys(parent.patternProperties as object)[0];
        return error('SCHEMA_INVALID_KEY', `'${name}' is not a valid name: use letters, digits, '_' and '-' (${pattern})`, where);
      }
      if (SECRET_LIKE.test(name))
        return error('INLINE_SECRET', `'${name}': secrets are never written in the config; name an environment variable with credentials.apiKeyEnv`, where);
      const hint = closest(name, allowed);
      return error(
        'SCHEMA_UNKNOWN_PROPERTY',
        `unknown property '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`,
        where,
        allowed.length ? `allowed here: ${allowed.join(', ')}` : undefined,
      );
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const d = error('SCHEMA_MISSING_PROPERTY', `missing required property '${missing}'`, at(path));
      return { ...d, source: { ...d.source!, path: d.source!.path ? `${d.source!.path}.${missing}` : missing } };
    }
    case 'type':
      return error('SCHEMA_TYPE', `expected ${[params.type].flat().join(' or ')}, got ${describe(e.data)}`, at(path));
    case 'enum':
      return error(
        'SCHEMA_ENUM',
        `${show(e.data)} is not allowed; expected one of: ${(params.allowedValues as unknown[]).join(', ')}`,
        at(path),
      );
    case 'const':
      return error('SCHEMA_ENUM', `expected ${JSON.stringify(params.allowedValue)}, got ${show(e.data)}`, at(path));
    case 'pattern':
    case 'format':
      return error('SCHEMA_FORMAT', `${show(e.data)} is not valid: ${String(parent.description ?? e.message)}`, at(path));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return error('SCHEMA_RANGE', `${show(e.data)} ${e.message}`, at(path));
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'minLength':
    case 'maxLength':
    case 'uniqueItems':
      return error('SCHEMA_SIZE', `${e.message}`, at(path), parent.description ? String(parent.description) : undefined);
    default:
      return error('SCHEMA_INVALID', `${e.message}`, at(path));
  }
}

/** JSON-pointer segments, with array indices as numbers (they render as `[n]`). */
function segments(data: unknown, pointer: string): PathSeg[] {
  const out: PathSeg[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out.push(Array.isArray(node) ? Number(seg) : seg);
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

function valueAt(data: unknown, path: PathSeg[]): unknown {
  return path.reduce<unknown>((node, seg) => (node == null ? undefined : (node as Record<string, unknown>)[seg]), data);
}

function isWithin(path: PathSeg[], base: PathSeg[]): boolean {
  return path.length >= base.length && base.every((s, i) => s === path[i]);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !Number.isFinite(v)) return `${show(v)} (not a finite number: write the number itself)`;
  return `${typeof v} ${show(v)}`;
}

/** A value as written, for a message: YAML's `.nan` / `.inf` (JSON would say null), long text cut. */
function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  const json = JSON.stringify(v) ?? String(v);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN)}… (${json.length.toLocaleString('en-US')} characters)` : json;
}

const MAX_SHOWN = 80;

/** The allowed name nearest to a typo (edit distance ≤ 2), if any. */
function closest(name: string, allowed: string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
