/**
 * `GET /api/v1/items/{id}/download`: a delivered product's bytes, with single-range `Range` support
 * (206 / 416) so clients can resume; `ETag` is the sha256 of the whole file.
 */
import { requireToken } from '../auth.js';
import type { Handler, Route } from '../context.js';
import { hostError } from '../errors.js';
import { deliveredProducts, productBytes, productDigest } from './workspace.js';

/** [start, end] inclusive, 'unsatisfiable', or undefined to serve the whole file (absent or multi-range header). */
export function parseRangeHeader(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return undefined;
  if (a === '') {
    const suffix = Number(b);
    return suffix === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}

const download: Handler = (req, sim) => {
  requireToken(req, sim, 'search');
  const product = deliveredProducts(sim).find((p) => p.id === req.params.id);
  if (!product) throw hostError('search', 404, 'NOT_FOUND', `Item '${req.params.id}' not found in your workspaces`);
  const bytes = productBytes(product.id);
  const headers: Record<string, string> = {
    'content-type': 'application/zip',
    'accept-ranges': 'bytes',
    etag: `"${productDigest(product.id).sha256}"`,
    'content-disposition': `attachment; filename="${product.order.customerReference}_${product.line.orderItemId}_${product.item.id}.zip"`,
  };
  const range = parseRangeHeader(req.headers.range, bytes.length);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.length}` }, bytes: Buffer.alloc(0) };
  }
  if (!range) return { status: 200, headers, bytes };
  const [start, end] = range;
  return {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}` },
    bytes: bytes.subarray(start, end + 1),
  };
};

export const downloadRoutes: Route[] = [{ method: 'GET', template: '/api/v1/items/{id}/download', host: 'search', handler: download }];
