/** Apply-time guards against the sandbox: price rises between plan and apply, running spend, safety flags, stale plans. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aoiNameOf, cli, configYaml, tempDir, writeConfig } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

async function savedPlan(dir: string): Promise<void> {
  const r = await cli(['plan', '--out', 'plan.json'], dir, sb().env);
  expect(r.code, r.err).toBe(0);
}

describe('apply guards', () => {
  it('refuses a saved plan whose price rose since planning, naming both prices', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'] });
    await savedPlan(dir);
    sb().knobs.priceMultiplier = 1.5;
    sb().resetCalls();
    try {
      const r = await cli(['apply', 'plan.json'], dir, sb().env);
      expect(r.code).toBe(1);
      // Refused as a whole before anything runs: the saved plan is not what would happen now.
      expect(r.err).toMatch(/PLAN_PRICE_INCREASED: orders\.paris: the price rose from [\d,.]+ EUR \(planned\) to [\d,.]+ EUR/);
      expect(r.out).toBe('');
      expect(mutatingCalls(sb())).toEqual({});
    } finally {
      sb().knobs.priceMultiplier = 1;
    }
  });

  it('tolerates a rise within safety.priceTolerance', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris-tolerance'], safety: 'safety: { priceTolerance: 0.05 }' });
    await savedPlan(dir);
    sb().knobs.priceMultiplier = 1.04;
    sb().resetCalls();
    try {
      const r = await cli(['apply', 'plan.json'], dir, sb().env);
      expect(r.code, r.err).toBe(0);
      expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1 });
    } finally {
      sb().knobs.priceMultiplier = 1;
    }
  });

  it('counts an accept whose quotation is requested in the same run at its maxPrice: a ceiling past the budget stops the plan', async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['n'], decisions: { d: ['n', 'accept', 1e6] }, budget: 'budget: { total: { EUR: 1 } }' });
    sb().resetCalls();
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('LIMIT_EXCEEDED');
    expect(r.out + r.err).toContain('budget.total EUR');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it("refuses an accept above the decision's maxPrice", async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['n'], decisions: { d: ['n', 'accept', 1] } });
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('PRICE_OVER_MAX');
    expect(r.out).toContain('1 done, 1 failed');
  });

  it('needs --allow-large-spend above safety.maxSpendWithoutFlag', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris-large'], safety: 'safety: { maxSpendWithoutFlag: { EUR: 1 } }' });
    sb().resetCalls();
    const refused = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('LARGE_SPEND');
    expect(refused.err).toContain('--allow-large-spend');
    expect(mutatingCalls(sb())).toEqual({});
    const allowed = await cli(['apply', '--auto-approve', '--allow-large-spend'], dir, sb().env);
    expect(allowed.code, allowed.err).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1 });
  });

  it('needs --allow-destructive to delete more than safety.maxDestructiveShare of the alerts', async () => {
    const dir = tempDir();
    const safety = 'safety: { maxDestructiveShare: 0.5 }';
    writeConfig(dir, { alerts: { a: 'A', b: 'B', c: 'C' }, safety });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    writeConfig(dir, { alerts: { a: 'A' }, safety });
    sb().resetCalls();
    const refused = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('TOO_DESTRUCTIVE');
    expect(refused.err).toContain('--allow-destructive');
    expect(mutatingCalls(sb())).toEqual({});
    const allowed = await cli(['apply', '--auto-approve', '--allow-destructive'], dir, sb().env);
    expect(allowed.code, allowed.err).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'DELETE /api/v1/alerts/{id}': 2 });
  });

  it('refuses a saved plan once the state moved', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris-budget'] });
    await savedPlan(dir);
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    const r = await cli(['apply', 'plan.json'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('PLAN_STALE_STATE');
  });
});

describe("a Pléiades Neo order's maxPrice", () => {
  it('bounds the accept that buys it: refused at apply above it, even when the decision allows more', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.yaml'), configYaml({ neo: ['neo-own-ceiling'], decisions: { d: ['neo-own-ceiling', 'accept', 1e6] } }, aoiNameOf(dir)).replace('    endUser:', '    maxPrice: { amount: 1, currency: EUR }\n    endUser:'));
    sb().resetCalls();
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code, r.out).toBe(1);
    expect(r.err, r.out).toMatch(/PRICE_OVER_MAX: quotations\.d: not bought: costs [\d,.]+ EUR, above its maxPrice 1\.00 EUR/);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/quotations': 1 });
    // Once the quotation is known, plan says so before apply.
    const plan = await cli(['plan'], dir, sb().env);
    expect(plan.code).toBe(1);
    expect(plan.out + plan.err).toMatch(/PRICE_OVER_MAX: quotations\.d costs [\d,.]+ EUR, above its maxPrice 1\.00 EUR/);
  });
});
