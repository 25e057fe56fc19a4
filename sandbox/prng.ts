/** Seeded randomness: every random choice the sandbox makes comes from here, so runs are reproducible. */
import { createHash } from 'node:crypto';

export type Rand = () => number;

/** mulberry32: a small, fast 32-bit PRNG; plenty for fault draws and a synthetic catalog. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A v4-shaped UUID whose bits come from hex (at least 32 hex digits). */
function uuidFromHex(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16] ?? '0', 16) & 3] ?? '8';
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export function uuidFromRand(rand: Rand): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0');
  return uuidFromHex(hex);
}

/** A stable UUID for a name (ids of alerts and delivered products: same inputs, same id). */
export function uuidFromName(...parts: (string | number)[]): string {
  return uuidFromHex(createHash('sha256').update(parts.join('\u0000')).digest('hex'));
}
