/**
 * Defensive reading of vendor JSON: documented required fields are checked (a `WireFormatError`
 * names the first one missing), unknown fields are ignored, numbers sent as strings are accepted
 * where the vendor does so (`creditRemaining: "150.0"`).
 */

export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
  constructor(
    /** Which answer, e.g. `OneAtlas GET /api/v1/contracts`. */
    readonly source: string,
    /** Path of the field, e.g. `contracts[0].contractId`. */
    readonly field: string,
    readonly expected: string,
  ) {
    super(`unexpected answer from ${source}: ${field || 'body'} should be ${expected}`);
  }
}

/** `numeric`: a number or a string holding one. */
export type FieldKind = 'string' | 'number' | 'numeric' | 'boolean' | 'array' | 'object';

export type JsonObject = Record<string, unknown>;

export class WireReader {
  constructor(readonly source: string) {}

  object(value: unknown, path = ''): JsonObject {
    if (!isObject(value)) throw new WireFormatError(this.source, path, 'an object');
    return value;
  }

  /** Checks the required fields of one object; returns it for chaining. */
  fields<T>(value: unknown, path: string, required: Record<string, FieldKind>): T {
    const o = this.object(value, path);
    for (const [key, kind] of Object.entries(required)) {
      if (!matches(o[key], kind)) throw new WireFormatError(this.source, join(path, key), describe(kind));
    }
    return o as T;
  }

  /** The array at `key`, each element checked for `required`. */
  list<T>(value: unknown, path: string, key: string, required: Record<string, FieldKind>): T[] {
    const o = this.object(value, path);
    const arr = o[key];
    const at = join(path, key);
    if (!Array.isArray(arr)) throw new WireFormatError(this.source, at, 'an array');
    return arr.map((item, i) => this.fields<T>(item, `${at}[${i}]`, required));
  }
}

/** A number sent as a number or a numeric string; NaN is never returned. */
export function toNumber(value: unknown, reader: WireReader, field: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new WireFormatError(reader.source, field, 'a number');
  return n;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function matches(v: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    case 'numeric':
      return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
    case 'boolean':
      return typeof v === kind;
  }
}

function describe(kind: FieldKind): string {
  return kind === 'numeric' ? 'a number (or numeric string)' : kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
