/**
 * Several files make one config: each block (a provider, budget, safety, state) may be declared in
 * one file only, and resource keys are unique per block across files. Every piece keeps the file it
 * came from, so that later steps can position their diagnostics.
 */
import type { Alert, Budget, MaxarProvider, Moved, OneAtlasProvider, Order, OrderformConfig, QuotationDecision, Safety, State } from '../../schemas/generated/config.js';
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
  oneatlas?: Located<OneAtlasProvider>;
  maxar?: Located<MaxarProvider>;
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
  const merged: MergedConfig = { orders: [], quotations: [], alerts: [], moved: [] };
  const diagnostics: Diagnostic[] = [];

  const single = <K extends 'oneatlas' | 'maxar' | 'budget' | 'safety' | 'state'>(
    name: K,
    value: MergedConfig[K] extends Located<infer T> | undefined ? T | undefined : never,
    source: YamlSource,
    path: PathSeg[],
  ) => {
    if (value === undefined) return;
    const first = merged[name];
    if (first) {
      diagnostics.push(
        error('DUPLICATE_BLOCK', `${path.join('.')} is declared in more than one file`, source.locate(path, 'key'),
          `first declared at ${where(locateKey(first))}. The files given are read as one config; to check configs that each stand alone (the examples), validate one file at a time.`),
      );
      return;
    }
    (merged as unknown as Record<string, Located<unknown>>)[name] = { value, source, path };
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
    single('oneatlas', doc.providers?.oneatlas, source, ['providers', 'oneatlas']);
    single('maxar', doc.providers?.maxar, source, ['providers', 'maxar']);
    single('budget', doc.budget, source, ['budget']);
    single('safety', doc.safety, source, ['safety']);
    single('state', doc.state, source, ['state']);
    keyed(merged.orders, 'orders', doc.orders, source);
    keyed(merged.quotations, 'quotations', doc.quotations, source);
    keyed(merged.alerts, 'alerts', doc.alerts, source);
    (doc.moved ?? []).forEach((value, i) => merged.moved.push({ value, source, path: ['moved', i] }));
  }
  return { merged, diagnostics };
}
