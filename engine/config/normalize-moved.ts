/**
 * `moved:` entries: a renamed key keeps what state holds for it (nothing is ordered again). Checked
 * offline: the new address is declared, the old one is not, both name the same block, and each address
 * takes part in one move only.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { Move, ResourceSpec } from '../model.js';
import { locate, type MergedConfig } from './merge.js';

const block = (address: string) => address.slice(0, address.indexOf('.'));

export function normalizeMoved(merged: Pick<MergedConfig, 'moved'>, resources: readonly ResourceSpec[]): { moved: Move[]; diagnostics: Diagnostic[] } {
  const declared = new Set(resources.map((r) => r.address));
  const seen = new Set<string>();
  const moved: Move[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const at of merged.moved) {
    const { from, to } = at.value;
    const source = locate(at);
    const problem = (code: string, summary: string, detail: string) => diagnostics.push(error(code, summary, source, detail));
    if (block(from) !== block(to)) problem('MOVED_KIND_MISMATCH', `moved: ${from} and ${to} are in different blocks`, 'A move renames a key within its block (orders, quotations or alerts).');
    else if (!declared.has(to)) problem('MOVED_TARGET_NOT_DECLARED', `moved: ${to} is not declared in the config`, `Declare ${to} (the renamed resource), or remove this entry.`);
    else if (declared.has(from)) problem('MOVED_SOURCE_STILL_DECLARED', `moved: ${from} is still declared in the config`, `A move renames ${from} to ${to}: remove ${from} from the config.`);
    else if (seen.has(from) || seen.has(to)) problem('MOVED_DUPLICATE', `moved: ${seen.has(from) ? from : to} takes part in more than one move`, 'Keep one entry per renamed address (chain renames as one entry from the oldest to the newest).');
    else moved.push({ from, to, source });
    seen.add(from).add(to);
  }
  return { moved, diagnostics };
}
