/**
 * `search --append FILE`: the picked orders added under the file's `orders:` block (created when
 * missing), comments and the rest of the file kept, written atomically. Appending with `>>` wrote a
 * second `orders:` key (YAML_DUPLICATE_KEY); here a key already in the file is refused instead.
 */
import { readFile } from 'node:fs/promises';
import { isMap, parseDocument, type Document, type Scalar, type YAMLMap } from 'yaml';
import { DiagnosticsError, error } from '../diagnostics.js';
import { writeFileAtomic } from '../state/atomic-file.js';
import type { Skeleton } from './order-skeleton.js';

export async function appendOrders(path: string, shownAs: string, skeleton: Skeleton): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  const doc: Document = parseDocument(text);
  if (doc.errors.length) {
    throw new DiagnosticsError([error('APPEND_TARGET_INVALID', `${shownAs} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); nothing was added`, undefined,
      `Fix it (\`orderform validate -c ${shownAs}\`), then search again.`)]);
  }
  if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) throw new DiagnosticsError([error('APPEND_TARGET_INVALID', `${shownAs} is not a YAML mapping; nothing was added`)]);
  const existing = doc.get('orders');
  if (existing !== undefined && existing !== null && !isMap(existing)) {
    throw new DiagnosticsError([error('APPEND_TARGET_INVALID', `orders in ${shownAs} is not a mapping; nothing was added`)]);
  }
  const keys = Object.keys(skeleton.orders);
  const taken = keys.filter((k) => doc.hasIn(['orders', k]));
  if (taken.length) {
    throw new DiagnosticsError([error('ORDER_KEY_EXISTS', `${shownAs} already has ${taken.map((k) => `orders.${k}`).join(', ')}; nothing was added`, undefined,
      'Orders are immutable once placed: pick other items, or rename the existing key if it was never applied.')]);
  }
  if (!isMap(existing)) doc.set('orders', doc.createNode({}));
  const orders = doc.get('orders') as YAMLMap;
  keys.forEach((key, i) => {
    const pair = doc.createPair(key, skeleton.orders[key]);
    if (i === 0) (pair.key as Scalar).commentBefore = skeleton.notes.join('\n');
    orders.items.push(pair);
  });
  await writeFileAtomic(path, doc.toString({ flowCollectionPadding: true }));
  return keys;
}
