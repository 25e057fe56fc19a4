/** Digests: sha256 hex of canonical JSON (object keys sorted, arrays in order, undefined dropped). */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function digestOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** The deterministic reference a placed order is found again by: `of-<key>-<first 8 hex of digest>`. */
export function customerReferenceFor(key: string, digest: string): string {
  return `of-${key}-${digest.slice(0, 8)}`;
}
