/**
 * `--target ADDRESS` (Terraform's -target): a plan limited to the named resources and the changes they
 * depend on, e.g. a scheduled job that repairs alerts without buying what else the config declares.
 * Every other change is left out of the plan, so apply cannot run it; the plan says it is targeted. Pure.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Config } from '../model.js';
import type { StateSnapshot } from '../state/types.js';
import type { Change } from './types.js';

export function targetChanges(
  changes: readonly Change[],
  targets: readonly string[],
  config: Pick<Config, 'resources'>,
  state: StateSnapshot,
): { changes: Change[]; addresses: Set<string>; diagnostics: Diagnostic[]; concerns: (d: Diagnostic) => boolean } {
  const known = new Set([...config.resources.map((r) => r.address), ...Object.keys(state.resources)]);
  const diagnostics: Diagnostic[] = targets
    .filter((t) => !known.has(t))
    .map((t) => error('TARGET_UNKNOWN', `--target ${t}: no resource with this address in the config or the state`, undefined,
      'Give an address as the plan shows it, e.g. `alerts.paris-north` or `orders.survey-2024`.'));
  const byAddress = new Map(changes.map((c) => [c.address, c]));
  const addresses = new Set<string>();
  const visit = (address: string) => {
    if (addresses.has(address)) return;
    addresses.add(address);
    for (const dep of byAddress.get(address)?.dependsOn ?? []) visit(dep);
  };
  targets.forEach(visit);
  const kept = changes.filter((c) => addresses.has(c.address));
  const left = changes.filter((c) => !addresses.has(c.address) && c.action !== 'noop').length;
  diagnostics.push(warning('PLAN_TARGETED', `This plan is limited to ${targets.join(', ')} and what ${targets.length === 1 ? 'it depends' : 'they depend'} on (--target): ${left} other change(s) are left out and will not be applied`,
    undefined, 'A targeted plan is for exceptional cases (repairing drift, recovering from a mistake). Run a full plan to see every change.'));
  // A problem positioned at a resource left out is not this plan's: it plans and applies nothing there.
  const declared = config.resources.map((r) => r.address);
  const concerns = (d: Diagnostic) => {
    const at = d.source && declared.find((a) => d.source!.path === a || d.source!.path.startsWith(`${a}.`));
    return !at || addresses.has(at);
  };
  return { changes: kept, addresses, diagnostics, concerns };
}
