/**
 * A limit an account sets on spending (a contract's remaining credit, a fee limit per category), as
 * a provider reads it from its vendor, in a form the plan's limit checks read without knowing the vendor.
 */
import type { FeeCategory } from './change.js';

export interface AccountLimit {
  /** As shown in the plan, e.g. `<vendor> contract X credit`. */
  name: string;
  currency: string;
  /** Null: no limit. 0: nothing can be ordered against it (see `zero`). */
  limit: number | null;
  /** Already used, or null when the vendor reports what remains (then `limit` is what remains). */
  used: number | null;
  /** The planned spend that counts against it: costs of this vendor and account; only these fee categories when given. */
  counts: { vendor: string; account: string; categories?: readonly FeeCategory[] };
  /** Shown even when nothing planned counts against it; otherwise only when something does or it is a usable limit. */
  alwaysShown: boolean;
  /** A zero limit means "not orderable": the error given instead of LIMIT_EXCEEDED when planned spend counts against it. */
  zero?: { code: string; summary: string; detail: string };
}
