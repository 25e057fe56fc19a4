/** How plan and show print a plan and pick their exit code. */
import { hasErrors } from '../../engine/diagnostics.js';
import { isChange, type Plan } from '../../engine/plan/types.js';
import type { CliIo } from '../io.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderPlanJson } from '../render/json.js';
import { renderPlanMarkdown } from '../render/markdown.js';
import { renderPlanText } from '../render/text.js';
import type { OutputOptions } from './plan.js';

/**
 * Prints a plan in the chosen format; JSON and Markdown keep stdout clean and show diagnostics on stderr.
 * Markdown is cut to fit a pull-request comment unless `wholeMarkdown` (show: the full plan).
 */
export function printPlan(plan: Plan, opts: OutputOptions, io: CliIo, wholeMarkdown = false): void {
  const color = opts.color && io.color && !io.env.NO_COLOR;
  if (opts.output === 'text') {
    io.stdout(renderPlanText(plan, { color }));
    return;
  }
  io.stdout(opts.output === 'json' ? renderPlanJson(plan) : renderPlanMarkdown(plan, wholeMarkdown ? { maxChars: Infinity } : {}));
  if (plan.diagnostics.length) io.stderr(renderDiagnostics(plan.diagnostics, color));
}

/**
 * 1 when the plan cannot be applied; with --detailed-exitcode 2 when it changes something or a purchase
 * is still unconfirmed (CI must not read "up to date" while an order may be missing), else 0.
 */
export function planExitCode(plan: Plan, detailed: boolean): number {
  if (hasErrors(plan.diagnostics) || !plan.applyable) return 1;
  return detailed && (plan.changes.some(isChange) || plan.unconfirmed.length > 0) ? 2 : 0;
}
