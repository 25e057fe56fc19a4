/**
 * A saved plan is applied only if what it would do is still what it would do: apply builds a fresh
 * plan from the same config and state and refuses the saved one, with a code per reason, when a
 * remote object moved (a change appears, vanishes or changes action), a price rose beyond
 * safety.priceTolerance, a quotation expired or was re-priced, a limit no longer holds, or a safety
 * threshold is newly crossed. (Config and state moving are checked first, by checkStale.) Pure.
 */
import { about, error, type Diagnostic } from '../diagnostics.js';
import { roundMoney } from '../core/money.js';
import { formatMoney } from './summary.js';
import { isChange, type Change, type Plan } from './types.js';

const AGAIN = 'Run `orderform plan --out FILE` again, review it, and apply the new plan.';

function describe(c: Change | undefined): string {
  return c && isChange(c) ? `${c.action} (${c.reason})` : 'nothing to do';
}

function priceProblem(saved: Change, fresh: Change, tolerance: number): Diagnostic | undefined {
  const was = saved.cost;
  const now = fresh.cost;
  if (!was || !now || was.basis === 'free' || was.amount === null) return undefined;
  if (now.amount === null || now.currency === null) {
    return error('PLAN_PRICE_UNKNOWN', `${saved.address}: the plan priced it at ${formatMoney(was.amount, was.currency)}; its price is no longer known`, undefined, AGAIN);
  }
  if (now.currency !== was.currency) {
    return error('PLAN_PRICE_CHANGED', `${saved.address}: the plan priced it in ${was.currency}; it is now priced in ${now.currency}`, undefined, AGAIN);
  }
  const from = formatMoney(was.amount, was.currency);
  const to = formatMoney(now.amount, now.currency);
  // A quotation is a fixed offer: any other amount is another offer than the one reviewed.
  if (saved.action === 'accept' && now.basis === 'quotation' && was.basis === 'quotation' && now.amount !== was.amount) {
    return error('PLAN_QUOTATION_REPRICED', `${saved.address}: the quotation was ${from} in the plan and is ${to} now`, undefined, AGAIN);
  }
  if (now.amount > roundMoney(was.amount * (1 + tolerance))) {
    return error('PLAN_PRICE_INCREASED', `${saved.address}: the price rose from ${from} (planned) to ${to}${tolerance ? `, beyond safety.priceTolerance (${tolerance * 100}%)` : ''}`, undefined, AGAIN);
  }
  return undefined;
}

export function checkSavedAgainstFresh(saved: Plan, fresh: Plan, priceTolerance: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const before = new Map(saved.changes.map((c) => [c.address, c]));
  const now = new Map(fresh.changes.map((c) => [c.address, c]));
  const addresses = [...new Set([...before.keys(), ...now.keys()])].sort();
  for (const address of addresses) {
    const s = before.get(address);
    const f = now.get(address);
    const sChanges = !!s && isChange(s);
    const fChanges = !!f && isChange(f);
    if (!sChanges && !fChanges) continue;
    if (sChanges && fChanges && s!.action === f!.action) {
      const p = priceProblem(s!, f!, priceTolerance);
      if (p) out.push(about(address, p));
      continue;
    }
    if (s?.action === 'accept' && f?.action === 'refuse' && f.refusalReason === 'expired') {
      out.push(about(address, error('PLAN_QUOTATION_EXPIRED', `${address}: the plan accepts a quotation that has expired since; nothing is accepted`, undefined,
        `${AGAIN} (with refuseIfExpired the new plan refuses it with reason \`expired\`).`)));
      continue;
    }
    out.push(about(address, error('PLAN_STALE_REMOTE', `${address}: the plan would do ${describe(s)}; what the vendors report now calls for ${describe(f)}`, undefined, AGAIN)));
  }
  if (!fresh.applyable) {
    out.push(error('PLAN_LIMITS_CHANGED', 'the saved plan no longer passes its checks (a limit, a credit or a price ceiling); see the errors below', undefined, AGAIN),
      ...fresh.diagnostics.filter((d) => d.severity === 'error'));
  }
  // An approval the config gave at plan time (safety.approvals) that no longer covers it is a change too.
  const key = (a: Plan['approvals'][number]) => `${a.code} ${a.currency} ${a.approvedBy ?? ''}`;
  const approved = new Set(saved.approvals.map(key));
  for (const a of fresh.approvals) {
    if (!approved.has(key(a))) {
      out.push(error('PLAN_APPROVALS_CHANGED', `applying it now crosses a threshold the plan did not show: ${a.code} ${a.summary}`, undefined, AGAIN));
    }
  }
  return out;
}
