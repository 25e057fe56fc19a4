import { DiagnosticsError, error } from '../diagnostics.js';

/** `--pick 1,3` → those hits; every hit when no pick is given. */
export function pickHits<T extends { index: number }>(hits: readonly T[], pick: readonly number[] | undefined): T[] {
  if (!pick?.length) return [...hits];
  const bad = pick.filter((n) => !hits.some((h) => h.index === n));
  if (bad.length) {
    throw new DiagnosticsError([error('INVALID_PICK', `--pick ${bad.join(',')}: the list shows items 1 to ${hits.length}`, undefined, 'pick by the number in the first column')]);
  }
  return [...new Set(pick)].map((n) => hits.find((h) => h.index === n)!);
}
