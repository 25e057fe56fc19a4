/**
 * Saved plans (`plan --out FILE`, `apply FILE`): the exact Plan as canonical JSON, written atomically
 * with mode 0600, read back only if it matches schemas/plan.schema.json, and refused when the config
 * or the state moved since it was made.
 */
import { readFile } from 'node:fs/promises';
import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import schema from '../../schemas/plan.schema.json' with { type: 'json' };
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../state/atomic-file.js';
import { canonicalStringify } from '../core/canonical.js';
import type { Plan } from './types.js';

let compiled: ValidateFunction<Plan> | undefined;

/** Compiled on first use, not at import: compiling costs ~100 ms that only reading a saved plan needs. */
function planValidator(): ValidateFunction<Plan> {
  if (!compiled) {
    // ajv and ajv-formats are CommonJS with a default export.
    const ajv = new AjvModule.default({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormatsModule.default(ajv);
    compiled = ajv.compile<Plan>(schema);
  }
  return compiled;
}

/** Schema problems of a would-be plan, as diagnostics naming the JSON path. */
export function validatePlan(data: unknown, file: string): Diagnostic[] {
  const validate = planValidator();
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) =>
    error('PLAN_FILE_INVALID', `${file}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`, undefined,
      'The file is not a plan written by this orderform version. Make a new one with `orderform plan --out FILE`.'));
}

/**
 * Writes a plan to a new file, or over a plan orderform wrote before: never over the state, the config or
 * anything else a mistyped `--out` could name (a device is refused by writeFileAtomic).
 */
export async function savePlan(path: string, plan: Plan): Promise<void> {
  const existing = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : e.code === 'EISDIR' ? '' : Promise.reject(e)));
  if (existing !== null && !isSavedPlan(existing)) {
    throw new DiagnosticsError([error('PLAN_OUT_EXISTS', `${path} exists and is not a plan orderform saved; it was left untouched`, undefined,
      'Give `--out` a new file name (or a previous plan file to replace it), or `--out -` to print the plan JSON on stdout.')]);
  }
  await writeFileAtomic(path, serializePlan(plan), { mode: 0o600 });
}

export function serializePlan(plan: Plan): string {
  return `${canonicalStringify(plan, 2)}\n`;
}

function isSavedPlan(text: string): boolean {
  try {
    const data = JSON.parse(text) as Partial<Plan> | null;
    return typeof data === 'object' && data !== null && data.formatVersion === 1 && typeof data.configDigest === 'string' && Array.isArray(data.changes) && typeof data.state === 'object';
  } catch {
    return false;
  }
}

export async function loadPlan(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new DiagnosticsError([error('PLAN_FILE_UNREADABLE', `cannot read plan file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DiagnosticsError([error('PLAN_FILE_INVALID', `${path} is not JSON (${(e as Error).message})`, undefined,
      'Make a new plan with `orderform plan --out FILE`.')]);
  }
  const problems = validatePlan(data, path);
  if (problems.length) throw new DiagnosticsError(problems);
  return data as Plan;
}

export interface CurrentInputs {
  configDigest: string;
  lineage: string;
  serial: number;
}

/** Why a saved plan may no longer be applied: the config, or the state, is not what it was planned against. */
export function checkStale(plan: Plan, now: CurrentInputs): Diagnostic[] {
  const again = 'Run `orderform plan --out FILE` again, review it, and apply the new plan.';
  const out: Diagnostic[] = [];
  if (plan.state.lineage !== now.lineage) {
    out.push(error('PLAN_OTHER_STATE', `the saved plan was made against another state (lineage ${plan.state.lineage}; this state is ${now.lineage})`, undefined,
      `Check that the config points at the state the plan was made with. ${again}`));
  } else if (plan.state.serial !== now.serial) {
    out.push(error('PLAN_STALE_STATE', `the state changed since the plan was saved (serial ${plan.state.serial} then, ${now.serial} now)`, undefined,
      `Another run has written the state in between. ${again}`));
  }
  if (plan.configDigest !== now.configDigest) {
    out.push(error('PLAN_STALE_CONFIG', 'the configuration changed since the plan was saved', undefined, again));
  }
  return out;
}
