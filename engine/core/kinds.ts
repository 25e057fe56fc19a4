/**
 * Per-kind traits that touch money and safety. Each provider declares them for its kinds; the
 * registry (engine/providers/registry.ts) checks at compile time that every kind has them, so a new
 * kind cannot silently skip a budget, a limit, a price ceiling or the destructive-change threshold.
 */
export interface KindTraits {
  /**
   * How plan treats the resource over its life: an `order` is immutable once placed and never
   * cancelled; a `renamable` object changes its name in place and is replaced on any other change;
   * a `decision` is a one-way answer to a quotation.
   */
  lifecycle: 'order' | 'renamable' | 'decision';
  /** Creating it buys something: counted in spend totals, budgets and limits, and guarded at apply. */
  createSpends: boolean;
  /**
   * What checks its `maxPrice`: the spend limits at plan and apply (PRICE_OVER_MAX), the quotation
   * ceiling check (QUOTATION_OVER_CEILING), or nothing (the kind has no price ceiling).
   */
  maxPrice: 'spend-limits' | 'quotation-ceiling' | 'none';
  /**
   * orderform may delete it remotely: removing it from the config deletes it (counted against
   * safety.maxDestructiveShare), and creating it is reversible. Otherwise removal keeps it.
   */
  deletedWhenRemoved: boolean;
}
