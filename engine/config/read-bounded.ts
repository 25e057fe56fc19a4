/**
 * Reads a config or AOI file only if it is a regular file of bounded size: a folder, a FIFO (which
 * would block forever), a device such as /dev/zero (endless) or a huge file are refused before any
 * byte is read, so a typo or a stray path cannot hang orderform or exhaust its memory.
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
  | { kind: 'too-large'; bytes: number; max: number };

export async function readBounded(abs: string, max: number): Promise<BoundedRead> {
  const info = await stat(abs).catch(() => null);
  if (!info) return { kind: 'missing' };
  if (!info.isFile()) return { kind: 'not-a-file', what: info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'not a regular file' };
  if (info.size > max) return { kind: 'too-large', bytes: info.size, max };
  return { kind: 'text', text: await readFile(abs, 'utf8') };
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
