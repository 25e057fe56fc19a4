/**
 * Canonical JSON: the one way specs, plans and digests are serialized. Object keys sorted, undefined
 * dropped; in specs, YAML source positions removed too (they locate an error; they are not part of
 * what is ordered).
 */
import type { FieldDiff } from './change.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isSourceLocation(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'file' in v && 'line' in v && 'column' in v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A deep copy with sorted keys and no undefined values (nor source positions, with `stripSources`). */
export function canonical(value: unknown, stripSources = false): Json {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v, stripSources)));
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (v === undefined || (stripSources && k === 'source' && isSourceLocation(v))) continue;
      out[k] = canonical(v, stripSources);
    }
    return out;
  }
  return value as Json;
}

export function canonicalStringify(value: unknown, indent?: number): string {
  return JSON.stringify(canonical(value), null, indent);
}

/** A spec as state stores it and plans show it. */
export function specJson(spec: unknown): Json {
  return canonical(spec, true);
}

/**
 * Field-level differences between two JSON values as dotted paths. Objects are walked; arrays of
 * objects of equal length are walked by index (`items[0].catalogItemId`); other arrays are one value.
 */
export function fieldDiffs(before: unknown, after: unknown, path = ''): FieldDiff[] {
  const join = (k: string) => (path ? `${path}.${k}` : k);
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => fieldDiffs(before[k], after[k], join(k)));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.every(isPlainObject) && after.every(isPlainObject)) {
    return before.flatMap((b, i) => fieldDiffs(b, after[i], `${path}[${i}]`));
  }
  if (canonicalStringify(before ?? null) === canonicalStringify(after ?? null)) return [];
  return [{ path: path || '(root)', before: before ?? null, after: after ?? null }];
}
