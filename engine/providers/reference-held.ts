/**
 * An order found at the vendor under a declared resource's reference is adopted only if it is that
 * order: every field the vendor shows of it (items, AOI, options) must equal the declared spec. Shared
 * by the providers' adoption, which say what their vendor shows.
 */
import { canonicalStringify } from '../core/canonical.js';
import type { FieldDiff } from '../core/change.js';
import { error } from '../diagnostics.js';
import type { ResourceSpec } from '../model.js';
import type { AdoptionFound } from './provider.js';

/** A field the vendor shows beside the declared value; `shown` undefined: not shown, not compared. */
export interface ShownField {
  path: string;
  shown: unknown;
  declared: unknown;
}

/** The shown fields that differ from the declared ones (compared as canonical JSON). */
export function differences(fields: readonly ShownField[]): FieldDiff[] {
  return fields
    .filter((f) => f.shown !== undefined && canonicalStringify(f.shown) !== canonicalStringify(f.declared))
    .map((f) => ({ path: f.path, before: f.shown, after: f.declared }));
}

/** REFERENCE_HELD_BY_OTHER_ORDER: the reference is used at the vendor by another order (naming both, and what differs). */
export function referenceHeld(d: ResourceSpec & { customerReference: string }, held: string, diffs: FieldDiff[]): AdoptionFound {
  const fields = diffs.map((x) => x.path).join(', ');
  const refused = error('REFERENCE_HELD_BY_OTHER_ORDER',
    `${d.address}: reference ${d.customerReference} is already used at the vendor by ${held}, which is not this order (it differs in ${fields})`, d.source,
    `Give ${d.address} another customerReference (or remove the declared one to derive it from the key and spec). If ${held} is this order as placed, restore its spec (${fields}).`);
  return { refused, fieldDiffs: diffs };
}
