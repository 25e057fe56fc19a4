/**
 * Several files make one config: each block (a provider, budget, safety, state) may be declared in
 * one file only, and resource keys are unique per block across files. Every piece keeps the file it
 * came from, so that later steps can position their diagnostics.
 */
import type { Alert, Budget, Moved, Order, OrderformConfig, QuotationDecision, Safety, State } from '../../schemas/generated/config.js';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import type { PathSeg } from './path.js';
import type { YamlSource } from './yaml-source.js';

/** A value as written, with the file and the path it sits at. */
export interface Located<T> {
  value: T;
  source: YamlSource;
  path: PathSeg[];
}

/** A keyed resource as written. */
export interface Entry<T> extends Located<T> {
  key: string;
}

export interface MergedConfig {
  /** Each block under `providers:`, by its key (a provider's own as-written type: ProviderSettings). */
  providers: Record<string, Located<unknown>>;
  budget?: Located<Budget>;
  safety?: Located<Safety>;
  state?: Located<State>;
  orders: Entry<Order>[];
  quotations: Entry<QuotationDecision>[];
  alerts: Entry<Alert>[];
  /** `moved` entries of every file, in load order. */
  moved: Located<Moved>[];
}

/** Where something as written sits, optionally a path below it. */
export function locate(at: Located<unknown>, ...below: PathSeg[]): SourceLocation {
  return at.source.locate([...at.path, ...below]);
}

export function locateKey(at: Located<unknown>): SourceLocation {
  return at.source.locate(at.path, 'key');
}

const where = (l: SourceLocation) => `${l.file}:${l.line}:${l.column}`;

export function mergeSources(sources: YamlSource[]): { merged: MergedConfig; diagnostics: Diagnostic[] } {
  const merged: MergedConfig = { providers: {}, orders: [], quotations: [], alerts: [], moved: [] };
  const diagnostics: Diagnostic[] = [];

  /** A block declared once across the files; `blocks` holds it under `name` (the config's, or `providers`'). */
  const single = (blocks: Record<string, Located<unknown> | undefined>, name: string, value: unknown, source: YamlSource, path: PathSeg[]) => {
    if (value === undefined) return;
    const first = blocks[name];
    if (first) {
      diagnostics.push(
        error('DUPLICATE_BLOCK', `${path.join('.')} is declared in more than one file`, source.locate(path, 'key'),
          `first declared at ${where(locateKey(first))}. The files given are read as one config; to check configs that each stand alone (the examples), validate one file at a time.`),
      );
      return;
    }
    blocks[name] = { value, source, path };
  };

  const byKey = new Map<string, Entry<unknown>>(); // `block.key` → its first declaration
  const keyed = <T>(list: Entry<T>[], block: string, map: Record<string, T> | undefined, source: YamlSource) => {
    for (const [key, value] of Object.entries(map ?? {})) {
      const path = [block, key];
      const first = byKey.get(`${block}.${key}`);
      if (first) {
        diagnostics.push(
          error('DUPLICATE_RESOURCE_KEY', `${block}.${key} is declared twice`, source.locate(path, 'key'), `first declared at ${where(locateKey(first))}`),
        );
        continue;
      }
      const entry = { key, value, source, path };
      list.push(entry);
      byKey.set(`${block}.${key}`, entry);
    }
  };

  for (const source of sources) {
    const doc = source.value as OrderformConfig;
    for (const [vendor, value] of Object.entries(doc.providers ?? {})) single(merged.providers, vendor, value, source, ['providers', vendor]);
    const blocks = merged as unknown as Record<string, Located<unknown> | undefined>;
    single(blocks, 'budget', doc.budget, source, ['budget']);
    single(blocks, 'safety', doc.safety, source, ['safety']);
    single(blocks, 'state', doc.state, source, ['state']);
    keyed(merged.orders, 'orders', doc.orders, source);
    keyed(merged.quotations, 'quotations', doc.quotations, source);
    keyed(merged.alerts, 'alerts', doc.alerts, source);
    (doc.moved ?? []).forEach((value, i) => merged.moved.push({ value, source, path: ['moved', i] }));
  }
  return { merged, diagnostics };
}
