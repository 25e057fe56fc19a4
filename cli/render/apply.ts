/** What apply says around the plan: the question, the answer's outcome, a line per change done, the verdict. */
import type { ApplyOutcome } from '../../engine/apply/types.js';
import type { Action } from '../../engine/plan/types.js';
import type { ResourceState } from '../../engine/state/types.js';
import { renderDiagnostics } from './diagnostics.js';

/** How an apply ended once the plan was shown. */
export type ApplyResult =
  | { ended: 'not-applyable' }
  | { ended: 'declined' }
  | { ended: 'interrupted-at-question' }
  | { ended: 'applied'; out: ApplyOutcome; changes: number; interrupted: boolean };

export const APPROVAL_QUESTION = 'Apply these changes? Only "yes" is accepted: ';

/** A declined question (`no`) or one left with Ctrl-C / the end of input. */
export const renderNotApproved = (interrupted: boolean): string => (interrupted ? '\nInterrupted; nothing was changed.\n' : 'Apply cancelled; nothing was changed.\n');

export const INTERRUPTED_WHILE_APPLYING = 'Interrupted: the changes in flight finish and are recorded, no new one starts (Ctrl-C again stops at once; apply again recovers).';

const DONE: Record<Exclude<Action, 'noop'>, string> = {
  create: 'created',
  update: 'updated',
  replace: 'replaced',
  delete: 'deleted',
  'request-quotation': 'quotation requested',
  accept: 'accepted',
  refuse: 'refused',
  forget: 'forgotten',
  adopt: 'adopted (recorded in state, nothing bought)',
};

/** The vendor's id of what a change made (Terraform's `[id=…]`). */
function vendorId(r: ResourceState | null): string | undefined {
  return r ? (r.remote.salesOrderId ?? r.remote.orderId ?? r.remote.alertId ?? r.remote.quotationId) : undefined;
}

/** `orders.a: created after 3s [id=SAL…]` (no newline: a line above the progress bar or on its own). */
export function renderChangeDone(address: string, action: Exclude<Action, 'noop'>, secs: number, result: ResourceState | null): string {
  const id = vendorId(result);
  return `${address}: ${DONE[action]} after ${secs}s${id ? ` [id=${id}]` : ''}`;
}

/** stderr: failures, charges above the plan, problems with changes done, and skipped changes, each in full. */
export function renderApplyProblems(out: ApplyOutcome, color: boolean): string {
  return [
    renderDiagnostics(out.failed.flatMap((f) => f.diagnostics), color),
    renderDiagnostics(out.overcharged ?? [], color),
    renderDiagnostics(out.reported ?? [], color),
    ...out.skipped.map((s) => `skipped ${s.address} (${s.action}): ${s.reason}\n`),
  ].join('');
}

/** stdout: the counts, and after Ctrl-C what the next run does. */
export function renderApplyVerdict(out: ApplyOutcome, changes: number, interrupted: boolean): string {
  if (!changes) return 'No changes. Nothing was applied.\n';
  const verdict = interrupted ? 'Apply interrupted' : out.failed.length ? 'Apply failed' : 'Apply complete';
  const next = interrupted ? (out.done.length ? 'What is done is recorded in state; run apply again for the rest.\n' : 'Nothing was changed.\n') : '';
  return `${verdict}: ${out.done.length} done, ${out.failed.length} failed, ${out.skipped.length} skipped.\n${next}`;
}
