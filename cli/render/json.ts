/** The plan as JSON for machines: stable key order, documented by schemas/plan.schema.json. */
import { canonicalStringify } from '../../engine/core/canonical.js';
import type { Plan } from '../../engine/plan/types.js';

export function renderPlanJson(plan: Plan): string {
  return `${canonicalStringify(plan, 2)}\n`;
}
