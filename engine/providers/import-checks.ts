/** What `orderform import` tells about the object it found, shared by the providers' import functions. */
import { DiagnosticsError, error, warning, type Diagnostic } from '../diagnostics.js';
import type { ResourceSpec } from '../model.js';

export function notFound(spec: ResourceSpec, what: string): DiagnosticsError {
  return new DiagnosticsError([error('IMPORT_NOT_FOUND', `${spec.address}: no ${what} found remotely`, spec.source,
    'Check the id (a OneAtlas salesOrderId or quotationId, a Maxar order id, an alert id) and that it belongs to the contract or account in the config.')]);
}

export function referenceCheck(spec: ResourceSpec, expected: string, found: string | undefined): Diagnostic[] {
  if (found === expected) return [];
  return [warning('IMPORT_REFERENCE_DIFFERS', `${spec.address}: the remote order carries reference ${found ?? '(none)'}, not ${expected}`, spec.source,
    'It was placed outside orderform or with another spec; it is tracked as this address from now on. Check that it is the order you mean.')];
}
