/** Digests: sha256 hex of the canonical JSON (engine/core/canonical.ts) of what defines a remote object. */
import { createHash } from 'node:crypto';
import { canonical } from '../core/canonical.js';

/** Source positions are ignored: moving a resource in the file does not change what it is. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value, true))).digest('hex');
}

/** The deterministic reference a placed order is found again by: `of-<key>-<first 8 hex of digest>`. */
export function customerReferenceFor(key: string, digest: string): string {
  return `of-${key}-${digest.slice(0, 8)}`;
}

/** The key and digest prefix a derived reference encodes; undefined for any other reference. */
export function parseDerivedReference(reference: string): { key: string; digest8: string } | undefined {
  const m = /^of-(.+)-([0-9a-f]{8})$/.exec(reference);
  return m ? { key: m[1]!, digest8: m[2]! } : undefined;
}
