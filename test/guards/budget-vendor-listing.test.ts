/**
 * Budgets count what the vendors themselves show was spent, not only what this state records: Maxar's usage
 * resource (the whole account) and, where a user-role login may not read it, the orders it can list — said
 * on the plan, never a silent 0. An order state holds is counted once.
 */
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeConfig } from '../support/fixture.js';
import { useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();
const BUDGET = 'budget: { perVendor: { maxar: { USD: 1000000 } } }';

interface PlanJson {
  limits: { name: string; used: number | null; planned: number }[];
  diagnostics: { code: string; severity?: string; summary: string }[];
  totals: { currency: string; amount: number }[];
}

async function plan(dir: string): Promise<PlanJson> {
  const r = await cli(['plan', '--output', 'json'], dir, sb().env);
  expect([0, 2], r.err).toContain(r.code);
  return JSON.parse(r.out) as PlanJson;
}
const usedOf = (p: PlanJson) => p.limits.find((l) => l.name === 'budget.perVendor.maxar USD')!.used;
const codes = (p: PlanJson) => p.diagnostics.map((d) => d.code);

describe('budget.perVendor counts what Maxar shows was spent', () => {
  it("counts the account's usage (a colleague's orders too) although this state holds nothing", async () => {
    sb().knobs.maxarUsageAdminOnly = false;
    const dir = tempDir();
    writeConfig(dir, { maxar: ['usage-probe'], budget: BUDGET });
    const p = await plan(dir);
    // The sandbox account has three delivered orders by a colleague this contract year.
    expect(usedOf(p)).toBeGreaterThan(0);
    expect(codes(p)).not.toContain('MAXAR_USAGE_UNREADABLE');
  });

  it('a user-role login that may not read usage: the orders it lists count (once, in state or not), and the plan says so', async () => {
    sb().knobs.maxarUsageAdminOnly = true;
    try {
      const buyer = tempDir();
      writeConfig(buyer, { maxar: ['listed-a'], budget: BUDGET });
      const before = await plan(buyer);
      expect(codes(before)).toContain('MAXAR_USAGE_UNREADABLE');
      const warned = before.diagnostics.find((d) => d.code === 'MAXAR_USAGE_UNREADABLE')!;
      expect(warned.summary).toContain('count the orders it can list instead');
      const price = before.totals.find((t) => t.currency === 'USD')!.amount;
      const usedBefore = usedOf(before)!;
      const applied = await cli(['apply', '--auto-approve', '--allow-large-spend'], buyer, sb().env);
      expect(applied.code, applied.err).toBe(0);

      // The buyer's state holds the order: counted once, not once from state and once from the listing.
      writeConfig(buyer, { maxar: ['listed-a', 'listed-b'], budget: BUDGET });
      expect(usedOf(await plan(buyer))).toBeCloseTo(usedBefore + price, 2);

      // Another checkout (state lost, or another config on the same login) still counts it from the listing.
      const other = tempDir();
      writeConfig(other, { maxar: ['listed-c'], budget: BUDGET });
      const elsewhere = await plan(other);
      expect(usedOf(elsewhere)).toBeCloseTo(usedBefore + price, 2);
      expect(codes(elsewhere)).toContain('MAXAR_USAGE_UNREADABLE');
    } finally {
      sb().knobs.maxarUsageAdminOnly = false;
    }
  });
});

describe('budget.total counts what the OneAtlas orders search lists', () => {
  it('a Pléiades Neo quotation accepted elsewhere on the contract counts, once where state holds it', async () => {
    const budget = 'budget: { total: { EUR: 100000000 } }';
    const buyer = tempDir();
    writeConfig(buyer, { neo: ['neo-bought'], decisions: { buy: ['neo-bought', 'accept', 100000] }, budget });
    const applied = await cli(['apply', '--auto-approve', '--allow-large-spend'], buyer, sb().env);
    expect(applied.code, applied.out + applied.err).toBe(0);
    const total = (p: PlanJson) => p.limits.find((l) => l.name === 'budget.total EUR')!.used!;
    const bought = total(await plan(buyer));
    expect(bought).toBeGreaterThan(0);

    const other = tempDir();
    writeConfig(other, { neo: ['neo-other'], budget });
    expect(total(await plan(other))).toBe(bought);
  });
});
