import { about, DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import { OutcomeUnknownError } from '../providers/http.js';
import { systemErrorDiagnostic } from '../system-errors.js';

/** Every problem a failed change reports, each naming the resource (a refusal may give several reasons: all are kept). */
export function toDiagnostics(err: unknown, address: string): Diagnostic[] {
  if (err instanceof DiagnosticsError && err.diagnostics.length) return err.diagnostics.map((d) => named(d, address));
  return [toDiagnostic(err, address)];
}

// Pricing and vendor diagnostics may already name the resource first (plan shows them as they are).
const named = (d: Diagnostic, address: string): Diagnostic =>
  about(address, { ...d, summary: d.summary.startsWith(`${address}: `) ? d.summary : `${address}: ${d.summary}` });

/** Turns whatever a handler threw into one user-facing diagnostic naming the resource (the first, for a DiagnosticsError). */
export function toDiagnostic(err: unknown, address: string): Diagnostic {
  if (err instanceof DiagnosticsError && err.diagnostics[0]) return named(err.diagnostics[0], address);
  if (err instanceof OutcomeUnknownError) {
    return about(address, error(
      'OUTCOME_UNKNOWN',
      `${address}: the vendor may or may not have done it (${err.message})`,
      undefined,
      'The intent is recorded in state. Run `orderform apply` again: it looks the object up by its reference before doing anything.',
    ));
  }
  const system = systemErrorDiagnostic(err);
  if (system) return about(address, { ...system, summary: `${address}: ${system.summary}` });
  const e = err as { message?: string; code?: string; status?: number };
  const code = e?.code ?? (e?.status ? `HTTP_${e.status}` : 'APPLY_FAILED');
  return about(address, error(code, `${address}: ${e?.message ?? String(err)}`));
}
