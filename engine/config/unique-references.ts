/**
 * A customerReference (declared or derived) names one order at the vendor: two orders with one reference
 * would make every lookup by reference ambiguous (a lost answer could adopt the other order, a lost state
 * could record one order twice). Checked across all config files, reported at every position.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { ResourceSpec } from '../model.js';

export function uniqueReferences(resources: readonly ResourceSpec[]): Diagnostic[] {
  const byRef = new Map<string, ResourceSpec[]>();
  for (const r of resources) if ('customerReference' in r) byRef.set(r.customerReference, [...(byRef.get(r.customerReference) ?? []), r]);
  const out: Diagnostic[] = [];
  for (const [ref, same] of byRef) {
    if (same.length < 2) continue;
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => `${o.address} (${o.source.file}:${o.source.line}:${o.source.column})`);
      out.push(error('DUPLICATE_CUSTOMER_REFERENCE', `${r.address}: customerReference ${ref} is also the reference of ${others.join(', ')}`,
        { ...r.source, path: `${r.address}.customerReference` },
        'Each order needs its own reference: orderform finds an order at the vendor by it. Change or remove the declared customerReference (removed, it is derived from the key and spec).'));
    }
  }
  return out;
}
