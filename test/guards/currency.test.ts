/** Every money check is total: a ceiling in another currency than the price is an error, never skipped. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpendGuard } from '../../engine/apply/guard.js';
import { DEFAULT_SAFETY } from '../../engine/config/normalize-settings.js';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import type { ResourceSpec } from '../../engine/model.js';
import type { Change, Cost } from '../../engine/plan/types.js';
import { aoiNameOf, cli, configYaml, tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

/** The fixture config with a maxPrice on every OneAtlas order. */
function withOrderMaxPrice(dir: string, o: FixtureOptions, maxPrice: string): void {
  writeFileSync(join(dir, 'orders.yaml'), configYaml(o, aoiNameOf(dir)).replaceAll('    endUser:', `    maxPrice: ${maxPrice}\n    endUser:`));
}

describe('currencies of ceilings', () => {
  it('a maxPrice in USD on a EUR order stops plan and apply: nothing is bought', async () => {
    const dir = tempDir();
    withOrderMaxPrice(dir, { legacy: ['paris'] }, '{ amount: 1, currency: USD }');
    const plan = await cli(['plan'], dir, sb().env);
    expect(plan.code).toBe(1);
    expect(plan.out + plan.err).toMatch(/MAX_PRICE_CURRENCY_MISMATCH: orders\.paris is priced in EUR; its maxPrice is in USD/);
    sb().resetCalls();
    const apply = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(apply.code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('a decision maxPrice in JPY on a EUR contract is refused at plan, before the quotation is even requested', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.yaml'), configYaml({ neo: ['n'], decisions: { d: ['n', 'accept', 500] } }).replace('currency: EUR', 'currency: JPY'));
    sb().resetCalls();
    const apply = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(apply.code).toBe(1);
    expect(apply.out + apply.err).toContain('QUOTATION_CURRENCY_MISMATCH: quotations.d: contract CTR22000777 prices in EUR, its maxPrice is in JPY');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('a budget with ceilings in USD only does not let a EUR order through', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'], budget: 'budget: { total: { USD: 10 }, perOrder: { USD: 10 } }' });
    const plan = await cli(['plan'], dir, sb().env);
    expect(plan.code).toBe(1);
    expect(plan.out + plan.err).toContain('BUDGET_CURRENCY_MISMATCH: orders.paris is priced in EUR; budget.total has ceilings in USD only');
    expect(plan.out + plan.err).toContain('budget.perOrder has ceilings in USD only');
  });

  it('says at plan that a budget currency no contract or account prices in bounds nothing', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'], budget: 'budget: { total: { EUR: 100000, JPY: 5 } }' });
    const plan = await cli(['plan'], dir, sb().env);
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out + plan.err).toContain('BUDGET_CURRENCY_UNPRICED: budget.total.JPY bounds nothing: the contracts and accounts this plan uses price in EUR');
  });

  it('says at validate, offline, that a non-USD budget bounds nothing when Maxar is the only vendor', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.yaml'), `providers:
  maxar:
    accountId: "557471230760500000"
budget:
  total: { EUR: 1000 }
  perVendor:
    maxar: { GBP: 5, USD: 100 }
`);
    const r = await cli(['validate'], dir, {});
    expect(r.code, r.err).toBe(0);
    expect(r.out + r.err).toContain('budget.total.EUR bounds nothing: the only vendor declared, Maxar ARD, prices in USD');
    expect(r.out + r.err).toContain('orders.yaml:5:');
    expect(r.out + r.err).toContain('budget.perVendor.maxar.GBP bounds nothing: Maxar ARD prices in USD');
    expect(r.out + r.err).not.toContain('maxar.USD');
  });
});

describe('the spend guard with prices it cannot check', () => {
  const change: Change = {
    address: 'quotations.d', kind: 'quotation_decision', action: 'accept', reason: 'decision-declared', irreversible: true, before: null, after: null, fieldDiffs: [], dependsOn: [], notes: [],
    cost: { amount: null, currency: 'EUR', basis: 'known-after-quotation', vendor: 'oneatlas' },
  };
  const guard = (priceNow: Cost | null, maxPrice?: { amount: number; currency: string }) =>
    createSpendGuard({
      config: { budget: { total: {}, perOrder: {}, perVendor: {}, period: 'all-time' }, safety: DEFAULT_SAFETY, resources: maxPrice ? [{ address: 'quotations.d', kind: 'quotation_decision', target: { quotationId: 'QUO1' }, maxPrice } as unknown as ResourceSpec] : [] },
      accounts: [],
      reprice: async () => priceNow,
      allowLargeSpend: true,
    })(() => undefined);
  const attempt = async (spend: ReturnType<typeof guard>) => {
    let bought = false;
    const code = await spend(change, {} as ResourceSpec, async () => void (bought = true)).then(() => 'bought', (e: unknown) => (e instanceof DiagnosticsError ? e.diagnostics[0]!.code : String(e)));
    return { code, bought };
  };

  it('refuses to buy when the price is still unknown right before the purchase (PRICE_UNKNOWN)', async () => {
    expect(await attempt(guard(null))).toEqual({ code: 'PRICE_UNKNOWN', bought: false });
  });

  it('refuses a quotation priced in EUR against a maxPrice in JPY (MAX_PRICE_CURRENCY_MISMATCH)', async () => {
    const priced: Cost = { amount: 450, currency: 'EUR', basis: 'quotation', vendor: 'oneatlas' };
    expect(await attempt(guard(priced, { amount: 500, currency: 'JPY' }))).toEqual({ code: 'MAX_PRICE_CURRENCY_MISMATCH', bought: false });
    expect(await attempt(guard(priced, { amount: 500, currency: 'EUR' }))).toEqual({ code: 'bought', bought: true });
  });
});
