import type { Diagnostic } from '../../engine/diagnostics.js';
import { printable } from './printable.js';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** `file:line:col: error CODE: summary` then the path and detail, one diagnostic per block. */
export function renderDiagnostic(d: Diagnostic, color: boolean): string {
  const paint = (c: string, s: string) => (color ? `${c}${s}${RESET}` : s);
  const where = d.source ? `${printable(d.source.file)}:${d.source.line}:${d.source.column}: ` : '';
  const sev = paint(d.severity === 'error' ? RED : YELLOW, d.severity);
  let out = `${where}${sev} ${d.code}: ${printable(d.summary)}\n`;
  if (d.source?.path) out += paint(DIM, `  at ${printable(d.source.path)}`) + '\n';
  if (d.detail) out += printable(d.detail, true).split('\n').map((l) => `  ${l}`).join('\n') + '\n';
  return out;
}

export function renderDiagnostics(ds: readonly Diagnostic[], color: boolean): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.length - errors;
  const body = ds.map((d) => renderDiagnostic(d, color)).join('');
  const tally = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
  return ds.length ? body + tally : '';
}
