import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import { OutcomeUnknownError } from '../providers/http.js';
import { systemErrorDiagnostic } from '../system-errors.js';

/** Turns whatever a handler threw into a user-facing diagnostic naming the resource. */
export function toDiagnostic(err: unknown, address: string): Diagnostic {
  if (err instanceof DiagnosticsError && err.diagnostics[0]) {
    const d = err.diagnostics[0];
    // Pricing diagnostics already name the resource (plan shows them as they are).
    return { ...d, summary: d.summary.startsWith(`${address}: `) ? d.summary : `${address}: ${d.summary}` };
  }
  if (err instanceof OutcomeUnknownError) {
    return error(
      'OUTCOME_UNKNOWN',
      `${address}: the vendor may or may not have done it (${err.message})`,
      undefined,
      'The intent is recorded in state. Run `orderform apply` again: it looks the object up by its reference before doing anything.',
    );
  }
  const system = systemErrorDiagnostic(err);
  if (system) return { ...system, summary: `${address}: ${system.summary}` };
  const e = err as { message?: string; code?: string; status?: number };
  const code = e?.code ?? (e?.status ? `HTTP_${e.status}` : 'APPLY_FAILED');
  return error(code, `${address}: ${e?.message ?? String(err)}`);
}
