/** What normalizing one resource needs besides its own text. */
import type { Diagnostic } from '../diagnostics.js';
import type { Providers } from '../model.js';
import type { AoiReader } from './aoi.js';

export interface ResourceContext {
  providers: Providers;
  readAoi: AoiReader;
}

/** A normalized resource, or null when it has errors; diagnostics either way. */
export interface Normalized<T> {
  spec: T | null;
  diagnostics: Diagnostic[];
}

export function isDiagnostic(v: object): v is Diagnostic {
  return 'code' in v && 'severity' in v;
}
