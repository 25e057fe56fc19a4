/** What the state commands (and import) say: state rows, one resource, and what a change to state did. */
import { canonicalStringify } from '../../engine/core/canonical.js';
import type { ResourceState } from '../../engine/state/types.js';

export interface StateListing {
  resources: readonly ResourceState[];
  /** Where state lives (describeStore). */
  store: string;
  lineage: string;
  serial: number;
}

/** stdout: one tab-separated line per resource (address, kind, status, vendor ids), sorted by address. */
export function renderStateRows({ resources }: StateListing): string {
  const ids = (r: ResourceState) =>
    Object.entries(r.remote)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
  return [...resources]
    .sort((a, b) => a.address.localeCompare(b.address))
    .map((r) => `${r.address}\t${r.kind}\t${r.status}\t${ids(r)}\n`)
    .join('');
}

/** stderr: how many, where, and which lineage and serial. */
export const renderStateTally = ({ resources, store, lineage, serial }: StateListing): string =>
  `${resources.length} resource${resources.length === 1 ? '' : 's'} in ${store} (lineage ${lineage || 'none yet'}, serial ${serial})\n`;

export const renderStateResource = (r: ResourceState): string => `${canonicalStringify(r, 2)}\n`;

export const renderForgotten = (address: string): string => `Forgot ${address}: removed from state; nothing was changed at the vendor.\n`;

export const renderMoved = ({ from, to }: { from: string; to: string }): string =>
  `Moved ${from} to ${to} in state; nothing was changed at the vendor. Rename the key in the config if you have not yet.\n`;

export interface Migration {
  resources: number;
  lineage: string;
  serial: number;
  from: string;
  to: string;
}

export const renderMigrated = (m: Migration): string =>
  `Migrated ${m.resources} resources (lineage ${m.lineage}, serial ${m.serial}) from ${m.from} to ${m.to}.\n` +
  'Point the config (or ORDERFORM_STATE_URL) at the new state before the next run.\n';

export const renderImported = (address: string, r: Pick<ResourceState, 'status'>): string => `Imported ${address} (${r.status}).\n`;
