/** What `plan --out FILE` says on stderr about the saved plan. */
import { unapproved } from '../../engine/plan/thresholds.js';
import type { Plan } from '../../engine/plan/types.js';

/** Where it is, and the apply command to run, with the flags its approvals need (none for those the config approves). */
export function renderPlanSaved(file: string, plan: Pick<Plan, 'approvals'>): string {
  const flags = [...new Set(unapproved(plan.approvals).map((a) => ` ${a.flag}`))].join('');
  return `Plan saved to ${file}. Apply it with: orderform apply ${file}${flags}\n`;
}

export const renderPlanNotSaved = (file: string): string => `Plan not saved to ${file}: it cannot be applied.\n`;
