/** Money arithmetic shared by plan, apply and every provider's pricing. */

/** Money is rounded to cents once, where it is computed, so totals add up exactly as shown. */
export function roundMoney(x: number): number {
  return Math.round(x * 100) / 100;
}
