/** Search results as orders: the `orders:` YAML of a skeleton (any vendor's), and the AOI's name in it. */
import { Document } from 'yaml';
import type { Skeleton } from '../core/search.js';
import { slug } from '../discover/slug.js';

export type { Skeleton } from '../core/search.js';

/** The `orders:` YAML of a skeleton, its notes as the leading comment (any vendor's). */
export function skeletonYaml({ orders, notes }: Skeleton): string {
  const doc = new Document({ orders });
  doc.commentBefore = notes.join('\n');
  return doc.toString({ flowCollectionPadding: true });
}

/** `Toulouse centre.geojson` → `toulouse-centre`: a key-safe AOI name from a file name. */
export function aoiNameOf(fileName: string): string {
  return slug(fileName.replace(/\.(geo)?json$/i, ''), 32) || 'aoi';
}
