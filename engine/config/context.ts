/** What normalizing one resource needs besides its own text. */
import { error, type Diagnostic } from '../diagnostics.js';
import type { OneAtlasContractRef, Providers } from '../model.js';
import type { AoiReader } from './aoi.js';
import { locate, type Located } from './merge.js';
import type { PathSeg } from './path.js';

export interface ResourceContext {
  providers: Providers;
  readAoi: AoiReader;
}

/** A normalized resource, or null when it has errors; diagnostics either way. */
export interface Normalized<T> {
  spec: T | null;
  diagnostics: Diagnostic[];
}

/** The contract a resource names, or a positioned UNKNOWN_CONTRACT. */
export function findContract(ctx: ResourceContext, at: Located<unknown>, field: PathSeg[], name: string): OneAtlasContractRef | Diagnostic {
  const contracts = ctx.providers.oneatlas?.contracts ?? [];
  const found = contracts.find((c) => c.name === name);
  if (found) return found;
  return error(
    'UNKNOWN_CONTRACT',
    `unknown contract '${name}'`,
    locate(at, ...field),
    contracts.length ? `declared in providers.oneatlas.contracts: ${contracts.map((c) => c.name).join(', ')}` : 'no providers.oneatlas.contracts declared',
  );
}

export function isDiagnostic(v: object): v is Diagnostic {
  return 'code' in v && 'severity' in v;
}
