/** Small numeric helpers for the benchmarks: medians and readable figures. */

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median of each numeric field over a list of run records. */
export function medians(runs) {
  const out = {};
  for (const k of Object.keys(runs[0])) if (typeof runs[0][k] === 'number') out[k] = median(runs.map((r) => r[k]));
  return out;
}

export const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
export const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
export const ratio = (x) => `${x.toFixed(2)}×`;
export const int = (x) => Math.round(x).toLocaleString('en-US');
