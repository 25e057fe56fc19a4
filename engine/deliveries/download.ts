/**
 * Downloads delivered products into a folder, resumably: bytes go to `<file>.part` (an interrupted
 * run continues from its size with an HTTP Range request), are checked against the vendor's sha256
 * when it publishes one, then renamed to `<file>`, with `<file>.sha256` (sha256sum format) beside
 * it. A file whose recorded checksum still matches is skipped; one that no longer matches is
 * fetched again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DiagnosticsError, error } from '../diagnostics.js';
import type { DeliveredProduct, Downloader } from '../core/deliveries.js';
import { HttpError } from '../providers/index.js';

export type DownloadOutcome = 'downloaded' | 'resumed' | 'skipped' | 'replaced';

export interface DownloadResult {
  path: string;
  outcome: DownloadOutcome;
  sha256: string;
  bytes: number;
}

export interface DownloadHooks {
  /** Before bytes flow: the file's total size (when known) and how much of it is already on disk. */
  onStart?(product: DeliveredProduct, total: number | undefined, already: number): void;
  onBytes?(product: DeliveredProduct, n: number): void;
}

export interface DownloadTarget {
  /** Downloads with the listing client's own login (no second token exchange). */
  client: Downloader;
  dir: string;
  hooks?: DownloadHooks;
}

export async function downloadProduct(product: DeliveredProduct, t: DownloadTarget): Promise<DownloadResult> {
  if (!product.downloadUrl) {
    throw new DiagnosticsError([error('NO_DOWNLOAD_LINK', `product ${product.id} has no download link`, undefined, 'the vendor lists it without a link; download it from the vendor\'s own site')]);
  }
  await mkdir(t.dir, { recursive: true });
  const path = join(t.dir, product.fileName);
  const part = `${path}.part`;
  const sumFile = `${path}.sha256`;

  const existing = await sizeOf(path);
  let replacing = false;
  if (existing !== undefined) {
    const recorded = (await readFile(sumFile, 'utf8').catch(() => '')).split(/\s+/)[0];
    const actual = await sha256Of(path);
    const expected = product.sha256 ?? recorded;
    if (expected && actual === expected) {
      if (recorded !== actual) await writeSum(sumFile, actual, product.fileName);
      return { path, outcome: 'skipped', sha256: actual, bytes: existing };
    }
    replacing = true;
    await rm(path, { force: true });
  }

  const offset = (await sizeOf(part)) ?? 0;
  const resumed = await fetchInto(product, t, part, offset);
  const sha256 = await sha256Of(part);
  if (product.sha256 && sha256 !== product.sha256) {
    await rm(part, { force: true });
    throw new DiagnosticsError([
      error('CHECKSUM_MISMATCH', `${product.fileName}: sha256 ${sha256} does not match the vendor's ${product.sha256}`, undefined, 'the partial file was removed; run again to download it afresh'),
    ]);
  }
  const bytes = (await sizeOf(part)) ?? 0;
  await rename(part, path);
  await writeSum(sumFile, sha256, product.fileName);
  return { path, outcome: replacing ? 'replaced' : resumed ? 'resumed' : 'downloaded', sha256, bytes };
}

/** Streams the rest of the file into `part`; true when the server continued from `offset`. */
async function fetchInto(product: DeliveredProduct, t: DownloadTarget, part: string, offset: number): Promise<boolean> {
  const file = await open(part, offset > 0 ? 'a' : 'w');
  let resumed = false;
  try {
    await t.client.download({
      url: product.downloadUrl!,
      offset,
      onStart: async (status, headers) => {
        resumed = status === 206 && offset > 0;
        // A server that ignores Range sends the whole file again: start the part over.
        if (offset > 0 && !resumed) await file.truncate(0);
        const total = totalSize(headers) ?? product.size;
        t.hooks?.onStart?.(product, total, resumed ? offset : 0);
      },
      sink: async (chunk) => {
        await file.write(chunk);
        t.hooks?.onBytes?.(product, chunk.length);
      },
    });
  } catch (err) {
    // 416: the part already holds every byte; the checksum below decides whether it is good.
    if (!(err instanceof HttpError && err.status === 416 && offset > 0)) throw err;
    t.hooks?.onStart?.(product, offset, offset);
    resumed = true;
  } finally {
    await file.close();
  }
  return resumed;
}

/** The whole file's size from `Content-Range: bytes a-b/total`, else `Content-Length` of a full answer. */
function totalSize(headers: Record<string, string>): number | undefined {
  const range = /\/(\d+)$/.exec(headers['content-range'] ?? '');
  if (range) return Number(range[1]);
  const length = Number(headers['content-length']);
  return headers['content-range'] === undefined && Number.isFinite(length) && headers['content-length'] ? length : undefined;
}

async function sizeOf(path: string): Promise<number | undefined> {
  return stat(path).then((s) => s.size, () => undefined);
}

async function writeSum(sumFile: string, sha256: string, fileName: string): Promise<void> {
  await writeFile(sumFile, `${sha256}  ${fileName}\n`);
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
