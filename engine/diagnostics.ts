/** Where a problem sits in the user's YAML: file:line:column (1-based) and a dotted path. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** Dotted path into the document, e.g. `orders.paris-2024-q3.items[0].catalogItemId`. */
  path: string;
}

export type Severity = 'error' | 'warning';

/**
 * A problem reported to the user. Errors are values: the engine collects them and returns them;
 * the CLI renders them. `code` is stable and documented (tests assert it).
 */
export interface Diagnostic {
  severity: Severity;
  code: string;
  summary: string;
  detail?: string;
  source?: SourceLocation;
  /** The resource it is about, when it is about one (e.g. `orders.paris`): tools group by it, not by parsing the summary. */
  address?: string;
}

export function error(code: string, summary: string, source?: SourceLocation, detail?: string): Diagnostic {
  return { severity: 'error', code, summary, ...(detail ? { detail } : {}), ...(source ? { source } : {}) };
}

export function warning(code: string, summary: string, source?: SourceLocation, detail?: string): Diagnostic {
  return { severity: 'warning', code, summary, ...(detail ? { detail } : {}), ...(source ? { source } : {}) };
}

/** The same diagnostic, tied to the resource it is about. */
export function about(address: string, d: Diagnostic): Diagnostic {
  return { ...d, address };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Thrown only to cross an async boundary with user-facing problems; the CLI catches it and renders
 * the diagnostics without a stack trace. Anything else that escapes is a bug and shows its stack with --debug.
 */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.summary}`).join('\n'));
    this.name = 'DiagnosticsError';
  }
}
