/** A saved plan is refused when anything it would do changed since it was made; an expired quotation is never accepted. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runApply } from '../../engine/apply/run.js';
import { loadConfig } from '../../engine/config/index.js';
import { buildPlan } from '../../engine/plan/build.js';
import { createProviders } from '../../engine/providers/index.js';
import { FileStateStore } from '../../engine/state/file-store.js';
import { aoiNameOf, cli, configYaml, tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();
const ACCEPT = 'PUT /api/v1/contracts/{contractId}/quotations/{quotationId}/accept';
const REFUSE = 'PUT /api/v1/contracts/{contractId}/quotations/{quotationId}/refuse';

function write(dir: string, o: FixtureOptions, refuseIfExpired = false): void {
  const yaml = configYaml(o, aoiNameOf(dir));
  writeFileSync(join(dir, 'orders.yaml'), refuseIfExpired ? yaml.replace(/(    decision: accept\n)/g, '$1    refuseIfExpired: true\n') : yaml);
}

/** A Pléiades Neo order whose quotation exists (applied), then the decision declared: the quotation id. */
async function quoted(dir: string, n: string): Promise<string> {
  writeConfig(dir, { neo: [n] });
  const r = await cli(['apply', '--auto-approve'], dir, sb().env);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'orderform.state.json'), 'utf8')).resources[`orders.${n}`].remote.quotationId as string;
}

let orders = 0;
/** An order key of its own: the sandbox is shared, and a quotation it already holds under a key would be adopted. */
const newKey = () => `n${++orders}`;

describe('a saved plan applied later', () => {
  it('is refused before anything runs when a quotation it accepts expired since (PLAN_QUOTATION_EXPIRED); with refuseIfExpired the next apply refuses it', async () => {
    const dir = tempDir();
    const n = newKey();
    const quotation = await quoted(dir, n);
    write(dir, { neo: [n], decisions: { d: [n, 'accept', 1e6] } }, true);
    expect((await cli(['plan', '--out', 'plan.json'], dir, sb().env)).code).toBe(0);
    expect(sb().expireQuotation(quotation)).toBe(true);
    sb().resetCalls();
    const r = await cli(['apply', 'plan.json'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`PLAN_QUOTATION_EXPIRED: quotations.d: the plan accepts a quotation that has expired since; nothing is accepted`);
    expect(mutatingCalls(sb())).toEqual({});

    const again = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('refusing it with reason `expired`');
    expect(mutatingCalls(sb())).toEqual({ [REFUSE]: 1 });
  });

  it('is refused when a fee limit no longer holds (PLAN_LIMITS_CHANGED, with the limit named)', async () => {
    const dir = tempDir();
    writeConfig(dir, { maxar: ['m'] });
    expect((await cli(['plan', '--out', 'plan.json'], dir, sb().env)).code).toBe(0);
    sb().knobs.maxarLimits = { annual_subscription_fee_limit: 1 };
    sb().resetCalls();
    try {
      const r = await cli(['apply', 'plan.json'], dir, sb().env);
      expect(r.code).toBe(1);
      expect(r.err).toContain('PLAN_LIMITS_CHANGED');
      expect(r.err).toMatch(/LIMIT_EXCEEDED: [^\n]*maxar annual_subscription_fee_limit/);
      expect(mutatingCalls(sb())).toEqual({});
    } finally {
      sb().knobs.maxarLimits = {};
    }
  });
});

describe('declared refusals and expiry at the moment of purchase', () => {
  it('a declared refusal of an expired quotation is sent', async () => {
    const dir = tempDir();
    const n = newKey();
    const quotation = await quoted(dir, n);
    writeConfig(dir, { neo: [n], decisions: { d: [n, 'refuse'] } });
    expect(sb().expireQuotation(quotation)).toBe(true);
    sb().resetCalls();
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('refusing it as declared');
    expect(mutatingCalls(sb())).toEqual({ [REFUSE]: 1 });
  });

  it.each([[true, { [REFUSE]: 1 }], [false, {}]])('a quotation that lapses between plan and purchase is never accepted (refuseIfExpired: %s)', async (refuseIfExpired, calls) => {
    const dir = tempDir();
    const n = newKey();
    await quoted(dir, n);
    write(dir, { neo: [n], decisions: { d: [n, 'accept', 1e6] } }, refuseIfExpired);
    const { config } = await loadConfig([join(dir, 'orders.yaml')], { cwd: dir, env: sb().env });
    const store = new FileStateStore(config!.state.backend === 'file' ? config!.state.path : '');
    await store.lock('test');
    try {
      const clients = createProviders({ config: config!, env: sb().env });
      const state = await store.read();
      const built = await buildPlan({ config: config!, state, clients });
      expect(built.plan.changes.find((c) => c.address === 'quotations.d')?.action).toBe('accept');
      sb().resetCalls();
      // The purchase happens two days after the plan was built: the quotation (valid 24 h) has lapsed.
      const later = () => new Date(Date.now() + 48 * 3600_000);
      const out = await runApply({ config: config!, store, clients, state, built, plan: built.plan, now: later }, { parallelism: 2, keepGoing: false, allowDestructive: false, allowLargeSpend: false, allowRebuy: false });
      expect(mutatingCalls(sb())).toEqual(calls);
      if (refuseIfExpired) expect(out.done.map((d) => d.address)).toEqual(['quotations.d']);
      else expect(out.failed.map((f) => f.diagnostic.code)).toEqual(['QUOTATION_EXPIRED']);
    } finally {
      await store.close();
    }
  });
});
