/** What `orderform refresh` says: a line per resource it records (as it records it), then how many. */
import type { StateUpdate } from '../../engine/plan/refresh.js';
import { printable } from './printable.js';

/** `~ orders.a: delivered` (updated) or `- alerts.w: deleted outside orderform; …` (dropped). */
export const renderRefreshUpdate = (u: StateUpdate): string => `${u.resource ? '~' : '-'} ${u.address}: ${printable(u.summary)}\n`;

export const renderRefreshed = (updated: number): string =>
  updated ? `Refreshed: ${updated} resource${updated === 1 ? '' : 's'} updated in state.\n` : 'Refreshed: state matches the vendors.\n';
