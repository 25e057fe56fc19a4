/**
 * `plan --target` / `apply --target` (Terraform semantics): only the named resources and what they depend on,
 * the plan saying it is targeted; a saved targeted plan is applied as that slice, nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeConfig } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

interface PlanJson {
  targets?: string[];
  changes: { address: string; action: string }[];
  diagnostics: { code: string; summary: string }[];
}
const addresses = (p: PlanJson) => p.changes.filter((c) => c.action !== 'noop').map((c) => c.address).sort();

describe('--target', () => {
  it('plans only the target, says so, and a saved targeted plan applies exactly that: no order is bought', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['target-order'], alerts: { ta: 'Target A', tb: 'Target B' } });
    const r = await cli(['plan', '--target', 'alerts.ta', '--out', 'plan.json'], dir, sb().env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('alerts.ta');
    expect(r.out).not.toContain('orders.target-order');
    expect(r.out).toContain('warning PLAN_TARGETED: This plan is limited to alerts.ta and what it depends on (--target): 2 other change(s) are left out and will not be applied');
    const saved = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as PlanJson;
    expect(saved.targets).toEqual(['alerts.ta']);
    expect(addresses(saved)).toEqual(['alerts.ta']);

    expect((await cli(['apply', 'plan.json', '--target', 'alerts.tb'], dir, sb().env)).err).toContain('TARGET_WITH_SAVED_PLAN');
    sb().resetCalls();
    const applied = await cli(['apply', 'plan.json'], dir, sb().env);
    expect(applied.code, applied.err).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/alerts': 1 });

    const rest = JSON.parse((await cli(['plan', '--output', 'json'], dir, sb().env)).out) as PlanJson;
    expect(rest.targets).toBeUndefined();
    expect(addresses(rest)).toEqual(['alerts.tb', 'orders.target-order']);

    sb().resetCalls();
    const direct = await cli(['apply', '--auto-approve', '--target', 'alerts.tb'], dir, sb().env);
    expect(direct.code, direct.err).toBe(0);
    expect(direct.out).toContain('PLAN_TARGETED');
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/alerts': 1 });
    expect(addresses(JSON.parse((await cli(['plan', '--output', 'json'], dir, sb().env)).out) as PlanJson)).toEqual(['orders.target-order']);
  });

  it('takes what the target depends on: an accept targets the quotation request of its order', async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['target-neo'], decisions: { tbuy: ['target-neo', 'accept', 100000] }, alerts: { tc: 'Target C' } });
    const p = JSON.parse((await cli(['plan', '--target', 'quotations.tbuy', '--output', 'json'], dir, sb().env)).out) as PlanJson;
    expect(addresses(p)).toEqual(['orders.target-neo', 'quotations.tbuy']);
    expect(p.targets).toEqual(['quotations.tbuy']);
  });

  it('an address that is neither in the config nor in state is an error', async () => {
    const dir = tempDir();
    writeConfig(dir, { alerts: { td: 'Target D' } });
    const r = await cli(['plan', '--target', 'alerts.nope'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('TARGET_UNKNOWN: --target alerts.nope: no resource with this address in the config or the state');
  });
});
