/**
 * Reads a config or AOI file only if it is a regular file of bounded size: a folder, a FIFO (which
 * would block forever), a device such as /dev/zero (endless) or a huge file are refused before any
 * byte is read, so a typo or a stray path cannot hang orderform or exhaust its memory. A file that
 * is not UTF-8 text (an image, an archive) is refused too: its bytes never reach a message.
 */
import { readFile, stat } from 'node:fs/promises';

/** Config files: the bench's 10,000-resource config is 3.2 MiB. */
export const MAX_CONFIG_BYTES = 32 * 1024 * 1024;
/** AOI files: an AOI has at most 999 vertices (AOI_TOO_MANY_VERTICES), well under 1 MiB as GeoJSON. */
export const MAX_AOI_BYTES = 1024 * 1024;

export type BoundedRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'too-large'; bytes: number; max: number }
  | { kind: 'binary' };

// ignoreBOM: keep a byte-order mark in the text, as readFile(…, 'utf8') did; yaml skips it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readBounded(abs: string, max: number): Promise<BoundedRead> {
  const info = await stat(abs).catch(() => null);
  if (!info) return { kind: 'missing' };
  if (!info.isFile()) return { kind: 'not-a-file', what: info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'not a regular file' };
  if (info.size > max) return { kind: 'too-large', bytes: info.size, max };
  const bytes = await readFile(abs);
  // A NUL byte is valid UTF-8 but never in YAML or GeoJSON text; an ELF or PNG header has them early.
  if (bytes.includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'binary' };
  }
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
