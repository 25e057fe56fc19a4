/** What `orderform validate` says of a valid config: its files and what it declares, per kind. */
import { countByKind } from '../../engine/config/index.js';
import type { Config, ResourceKind } from '../../engine/model.js';

const KIND_LABELS: Record<ResourceKind, [string, string]> = {
  oneatlas_order: ['OneAtlas order', 'OneAtlas orders'],
  maxar_ard_order: ['Maxar ARD order', 'Maxar ARD orders'],
  quotation_decision: ['quotation decision', 'quotation decisions'],
  oneatlas_alert: ['alert', 'alerts'],
};

const plural = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

export function renderValid(config: Pick<Config, 'files' | 'resources'>): string {
  const counts = countByKind(config.resources);
  // In this table's order, whatever order the registry counts them in.
  const kinds = (Object.entries(KIND_LABELS) as [ResourceKind, [string, string]][]).filter(([kind]) => counts[kind] > 0).map(([kind, labels]) => plural(counts[kind], labels));
  return `OK: ${plural(config.files.length, ['file', 'files'])}, ${kinds.length ? kinds.join(', ') : 'no resources'}\n`;
}
