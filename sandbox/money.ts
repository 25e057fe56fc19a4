/** Money as the vendors print it. */

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** OneAtlas `creditRemaining` is a decimal string, e.g. `"150.0"`. */
export function creditString(n: number): string {
  const r = round2(n);
  return Number.isInteger(r) ? r.toFixed(1) : String(r);
}
