/** What `orderform discover` shows: each vendor's view of what its account holds, or what --write wrote. */
import type { Discovery } from '../../engine/discover/discover.js';
import { allProviders } from '../../engine/providers/registry.js';
import { maxarDiscoveryView } from './maxar-discovery.js';
import { oneatlasDiscoveryView } from './oneatlas-discovery.js';

/** How one vendor's discovery is shown: its sections (a title and a table each), and what --write wrote of it. */
export interface DiscoveryView<Found> {
  sections(found: Found, section: (title: string, body: string) => void): void;
  written(found: Found): string;
}

/** Compile-checked: every vendor that can discover has a view. */
const VIEWS: { [V in keyof Discovery]-?: DiscoveryView<NonNullable<Discovery[V]>> } = { oneatlas: oneatlasDiscoveryView, maxar: maxarDiscoveryView };

/** Each vendor found, in the registry's order, with its view. */
function eachFound(found: Discovery, fn: <F>(view: DiscoveryView<F>, f: F) => void): void {
  for (const p of allProviders()) {
    const f = (found as Record<string, unknown>)[p.vendor];
    const view = (VIEWS as Record<string, DiscoveryView<unknown>>)[p.vendor];
    if (f !== undefined && view) fn(view, f);
  }
}

export function renderProvidersWritten(found: Discovery, file: string): string {
  const parts: string[] = [];
  eachFound(found, (view, f) => parts.push(view.written(f)));
  return `Wrote the providers block of ${file}: ${parts.join(', ')}.\n`;
}

export function renderDiscovery(found: Discovery): string {
  const out: string[] = [];
  eachFound(found, (view, f) => view.sections(f, (title, body) => out.push(`${title}\n${body}`)));
  return out.join('\n');
}
