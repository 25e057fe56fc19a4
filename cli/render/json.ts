/** The plan as JSON for machines: stable key order, documented by schemas/plan.schema.json. */
import { canonicalStringify } from '../../engine/core/canonical.js';
import type { Plan } from '../../engine/plan/types.js';

export function renderPlanJson(plan: Plan): string {
  return `${canonicalStringify(plan, 2)}\n`;
}

/** A listing as JSON for scripts (discover, search, deliveries): the data itself, indented. */
export const renderJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
