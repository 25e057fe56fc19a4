/**
 * Loading a configuration: files (or folders of *.yaml / *.yml) → YAML with positions → schema →
 * merge → normalize → vendor rules. Every problem comes back as a positioned diagnostic, all at
 * once; nothing here touches the network.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { Order } from '../../schemas/generated/config.js';
import { error, hasErrors, warning, type Diagnostic } from '../diagnostics.js';
import type { Config, ResourceKind, ResourceSpec } from '../model.js';
import { allProviders, blockNormalizer, providerNamed } from '../providers/registry.js';
import { aoiReader, displayPath } from './aoi.js';
import { budgetCurrencyRules } from './budget-rules.js';
import type { Normalized, ResourceContext } from './context.js';
import { digestOf } from './digest.js';
import { endpointDiagnostics, type Env } from './endpoints.js';
import { mergeSources, type Entry, type MergedConfig } from './merge.js';
import { normalizeMoved } from './normalize-moved.js';
import { normalizeBudget, normalizeProviders, normalizeSafety, normalizeState } from './normalize-settings.js';
import { parsePath } from './path.js';
import { validateSchema } from './schema-errors.js';
import { uniqueReferences } from './unique-references.js';
import { parseYaml, type YamlSource } from './yaml-source.js';
import { MAX_CONFIG_BYTES, mib, readBounded } from './read-bounded.js';

export interface LoadOptions {
  cwd: string;
  /** Environment for endpoint and state URL resolution (default: process.env). */
  env?: Env;
}

export interface LoadResult {
  /** Null when any diagnostic is an error. */
  config: Config | null;
  diagnostics: Diagnostic[];
}

export async function loadConfig(paths: string[], opts: LoadOptions): Promise<LoadResult> {
  const env = opts.env ?? process.env;
  const { files, diagnostics } = await expandPaths(paths, opts.cwd);
  const sources: YamlSource[] = [];
  for (const file of files) {
    const read = await readSource(file, opts.cwd);
    diagnostics.push(...read.diagnostics);
    if (read.source) {
      // An empty file (or only comments) is valid YAML but most likely not what was meant.
      const v = read.source.value;
      if (v === null || v === undefined || (typeof v === 'object' && !Object.keys(v).length)) diagnostics.push(warning('CONFIG_EMPTY', `${read.source.file} is empty: no providers, no resources`, read.source.locate([]), 'Start from `orderform init` or orders.yaml.example.'));
      diagnostics.push(...validateSchema(read.source));
      sources.push(read.source);
    }
  }
  if (!files.length && !diagnostics.length) diagnostics.push(error('NO_CONFIG_FILES', `no *.yaml or *.yml files in ${paths.join(', ')}`));
  if (hasErrors(diagnostics)) return { config: null, diagnostics: sorted(diagnostics, files) };

  const { merged, diagnostics: mergeProblems } = mergeSources(sources);
  diagnostics.push(...mergeProblems);
  // A block declared twice would make every reference to it ambiguous: stop before the noise.
  if (hasErrors(mergeProblems)) return { config: null, diagnostics: sorted(diagnostics, files) };
  diagnostics.push(...endpointDiagnostics(merged, env));
  const providers = normalizeProviders(merged, env);
  const state = normalizeState(merged, files[0]!, env);
  diagnostics.push(...state.diagnostics);
  const ctx: ResourceContext = { providers, readAoi: aoiReader(opts.cwd, env) };
  const normalized = await normalizeResources(merged, ctx);
  const resources = normalized.flatMap((n) => (n.spec ? [n.spec] : []));
  diagnostics.push(...normalized.flatMap((n) => n.diagnostics));
  diagnostics.push(...refine([...allProviders().flatMap((p) => p.rules(resources)), ...uniqueReferences(resources)], sources), ...budgetCurrencyRules(merged));
  const moves = normalizeMoved(merged, resources);
  diagnostics.push(...moves.diagnostics);
  if (hasErrors(diagnostics)) return { config: null, diagnostics: sorted(diagnostics, files) };

  resources.sort((a, b) => (a.address < b.address ? -1 : 1));
  const budget = normalizeBudget(merged);
  const safety = normalizeSafety(merged);
  const config: Config = {
    files,
    digest: digestOf({ resources, providers, budget, safety, ...(moves.moved.length ? { moved: moves.moved } : {}) }),
    providers,
    budget,
    safety,
    state: state.state,
    resources,
    moved: moves.moved,
  };
  return { config, diagnostics: sorted(diagnostics, files) };
}

/** How many resources of each kind: for one-line summaries. */
export function countByKind(resources: readonly ResourceSpec[]): Record<ResourceKind, number> {
  // Every registered kind, at 0 when the config has none of it.
  const counts = Object.fromEntries(allProviders().flatMap((p) => Object.keys(p.kinds).map((kind) => [kind, 0]))) as Record<ResourceKind, number>;
  for (const r of resources) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}

/** An order is normalized by the provider its `vendor:` names (the registry checks every schema vendor has one). */
function normalizeOrder(entry: Entry<Order>, ctx: ResourceContext): Promise<Normalized<ResourceSpec>> {
  return providerNamed(entry.value.vendor).normalizeOrder(entry, ctx);
}

async function normalizeResources(merged: MergedConfig, ctx: ResourceContext): Promise<Normalized<ResourceSpec>[]> {
  return Promise.all([
    ...merged.orders.map((e) => normalizeOrder(e, ctx)),
    ...merged.quotations.map(async (e) => blockNormalizer('quotations')(e, ctx)),
    ...merged.alerts.map(async (e) => blockNormalizer('alerts')(e, ctx)),
  ]);
}

/** `orders.<key>`: rules' paths start at a resource. */
const RESOURCE_DEPTH = 2;

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

/** Files first as given, folders expanded to their YAML files, sorted; absolute paths. */
async function expandPaths(paths: string[], cwd: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const info = await stat(abs).catch(() => null);
    if (!info) diagnostics.push(error('CONFIG_FILE_NOT_FOUND', `config file not found: ${p}`, undefined, `looked for ${abs}`));
    else if (info.isDirectory()) {
      const names = (await readdir(abs)).filter((n) => YAML_EXTENSIONS.has(extname(n))).sort();
      files.push(...names.map((n) => join(abs, n)));
    } else files.push(abs);
  }
  return { files: [...new Set(files)], diagnostics };
}

async function readSource(abs: string, cwd: string): Promise<{ source: YamlSource | null; diagnostics: Diagnostic[] }> {
  const file = displayPath(cwd, abs);
  try {
    const read = await readBounded(abs, MAX_CONFIG_BYTES);
    if (read.kind === 'text') return parseYaml(file, dirname(abs), read.text);
    if (read.kind === 'not-a-file') return { source: null, diagnostics: [error('CONFIG_FILE_NOT_A_FILE', `${file} is ${read.what}, not a config file`, undefined, 'Give YAML files, or a folder of *.yaml / *.yml files.')] };
    if (read.kind === 'binary') return { source: null, diagnostics: [error('CONFIG_FILE_NOT_TEXT', `${file} is not UTF-8 text (binary data or another encoding): not read, and its content is not shown`, undefined, 'Give the YAML config file, saved as UTF-8.')] };
    if (read.kind === 'too-large') return { source: null, diagnostics: [error('CONFIG_FILE_TOO_LARGE', `${file} is ${mib(read.bytes)}, over the ${mib(read.max)} a config file may be`, undefined, 'Split the config over several files in a folder (-c folder/).')] };
    return { source: null, diagnostics: [error('CONFIG_FILE_NOT_FOUND', `config file not found: ${file}`, undefined, `looked for ${abs}`)] };
  } catch (e) {
    return { source: null, diagnostics: [error('CONFIG_FILE_UNREADABLE', `cannot read ${file}: ${(e as Error).message}`)] };
  }
}

/**
 * Rules only know a resource's line and the field's path: point at the field, or at the nearest
 * part of it that is written (a missing field: its parent block; none: the resource key).
 */
function refine(diagnostics: Diagnostic[], sources: YamlSource[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const source = d.source && sources.find((s) => s.file === d.source!.file);
    if (!source || !d.source) return d;
    const path = parsePath(d.source.path);
    let written = path.length;
    while (written > RESOURCE_DEPTH && !source.has(path.slice(0, written))) written -= 1;
    if (written <= RESOURCE_DEPTH) return d;
    const at = source.locate(path.slice(0, written));
    return { ...d, source: { ...at, path: d.source.path } };
  });
}

/** Files in load order, then line and column; diagnostics without a place first. */
function sorted(diagnostics: Diagnostic[], files: string[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.source ? [files.findIndex((f) => f.endsWith(d.source!.file)), d.source.line, d.source.column] : [-2, 0, 0]);
  return diagnostics
    .map((d, i) => ({ d, key: [...rank(d), i] }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.d);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export type { Config };
