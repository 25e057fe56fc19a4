/**
 * Range filters written as French interval strings: `[a,b]` inclusive, `[a,b[` or `]a,b]` open at that
 * end, an empty bound is unbounded (`[5,`), a bare value means equality. Numbers or ISO-8601 dates.
 */

export type Range = (value: number) => boolean;

/** Parses a range for numbers (`kind: 'number'`) or dates (compared as epoch ms); undefined when malformed. */
export function parseRange(input: unknown, kind: 'number' | 'date'): Range | undefined {
  const toValue = (s: string): number | undefined => {
    if (kind === 'number') {
      const n = Number(s);
      return s.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  };
  if (typeof input === 'number' && kind === 'number') return (v) => v === input;
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  const m = /^([[\]])?([^,[\]]*)(?:,([^,[\]]*))?([[\]])?$/.exec(text);
  if (!m) return undefined;
  const [, open, lowText = '', highText, close] = m;
  if (!open && !close && highText === undefined) {
    const exact = toValue(lowText);
    return exact === undefined ? undefined : (v) => v === exact;
  }
  // `5[` (the spec's own shorthand) is a lower bound only.
  const upperText = highText ?? '';
  const low = lowText.trim() === '' ? -Infinity : toValue(lowText);
  const high = upperText.trim() === '' ? Infinity : toValue(upperText);
  if (low === undefined || high === undefined) return undefined;
  const lowInclusive = open !== ']';
  const highInclusive = close !== '[';
  return (v) => (lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high);
}

/** `[a,b]` with both bounds numeric and a ≤ b, as alerts require; undefined when not. */
export function closedNumberInterval(input: unknown, min: number, max: number): [number, number] | undefined {
  if (typeof input !== 'string') return undefined;
  const m = /^\[\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\]$/.exec(input);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (!Number.isFinite(a) || !Number.isFinite(b) || a > b || a < min || b > max) return undefined;
  return [a, b];
}
