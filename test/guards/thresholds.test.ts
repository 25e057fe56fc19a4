/** Safety thresholds at plan time: the plan says which approvals apply will need, in text, JSON and Markdown, and the saved plan records them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeConfig } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

describe('safety thresholds at plan time', () => {
  it('a spend above safety.maxSpendWithoutFlag is shown beside the limits in text, JSON and Markdown, and recorded in the saved plan', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'], safety: 'safety: { maxSpendWithoutFlag: { EUR: 1 } }' });
    const text = await cli(['plan', '--out', 'plan.json'], dir, sb().env);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/Safety thresholds crossed:\n {2}⚠ LARGE_SPEND [\d,.]+ EUR > 1\.00 EUR \(safety\.maxSpendWithoutFlag\): apply needs --allow-large-spend/);
    expect(text.out.indexOf('Limits:') < text.out.indexOf('Safety thresholds crossed:') || !text.out.includes('Limits:')).toBe(true);
    expect(text.err).toContain('Apply it with: orderform apply plan.json --allow-large-spend');

    const saved = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    expect(saved.approvals).toEqual([expect.objectContaining({ code: 'LARGE_SPEND', flag: '--allow-large-spend', threshold: 1, currency: 'EUR' })]);

    const json = await cli(['plan', '--output', 'json'], dir, sb().env);
    expect(JSON.parse(json.out).approvals).toEqual(saved.approvals);
    const md = await cli(['plan', '--output', 'markdown'], dir, sb().env);
    expect(md.out).toMatch(/\*\*Safety thresholds crossed\*\*[^\n]*\n- ⚠️ LARGE_SPEND [\d,.]+ EUR &gt; 1\.00 EUR \(safety\.maxSpendWithoutFlag\): apply needs --allow-large-spend/);

    sb().resetCalls();
    const refused = await cli(['apply', 'plan.json'], dir, sb().env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('LARGE_SPEND');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('a plan under every threshold lists no approval', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'], safety: 'safety: { maxSpendWithoutFlag: { EUR: 1000000 } }' });
    const r = await cli(['plan', '--output', 'json'], dir, sb().env);
    expect(JSON.parse(r.out).approvals).toEqual([]);
    const text = await cli(['plan'], dir, sb().env);
    expect(text.out).not.toContain('Safety thresholds crossed');
  });

  it('deleting more than safety.maxDestructiveShare of the alerts is shown at plan as TOO_DESTRUCTIVE', async () => {
    const dir = tempDir();
    const safety = 'safety: { maxDestructiveShare: 0.5 }';
    writeConfig(dir, { alerts: { a: 'A', b: 'B', c: 'C' }, safety });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    writeConfig(dir, { alerts: { a: 'A' }, safety });
    const r = await cli(['plan'], dir, sb().env);
    expect(r.out).toContain('⚠ TOO_DESTRUCTIVE replaces or deletes 2 of 3 managed alerts > 50% (safety.maxDestructiveShare): apply needs --allow-destructive');
  });
});

describe('approvals reviewed in the config (safety.approvals)', () => {
  const priceOf = async (dir: string) => (JSON.parse((await cli(['plan', '--output', 'json'], dir, sb().env)).out).totals[0].amount as number);

  it('largeSpend up to an amount: the plan shows the approval it uses, the saved plan applies without a flag', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['approved-spend'], safety: 'safety: { maxSpendWithoutFlag: { EUR: 1 } }' });
    const price = await priceOf(dir);
    const safety = `safety: { maxSpendWithoutFlag: { EUR: 1 }, approvals: { largeSpend: { upTo: { EUR: ${Math.ceil(price)} }, reason: "survey budget, PR #42" } } }`;
    writeConfig(dir, { legacy: ['approved-spend'], safety });
    const text = await cli(['plan', '--out', 'plan.json'], dir, sb().env);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/✓ LARGE_SPEND [\d,.]+ EUR > 1\.00 EUR \(safety\.maxSpendWithoutFlag\): approved by safety\.approvals\.largeSpend \(up to [\d,.]+ EUR: survey budget, PR #42\)/);
    expect(text.err).toMatch(/Apply it with: orderform apply plan\.json\n/);
    const md = await cli(['plan', '--output', 'markdown'], dir, sb().env);
    expect(md.out).toMatch(/- ✅ LARGE_SPEND [^\n]*approved by safety\.approvals\.largeSpend/);
    const applied = await cli(['apply', 'plan.json'], dir, sb().env);
    expect(applied.code, applied.err).toBe(0);
  });

  it('the approval is bound to its amount: a price that rises past it before apply is not approved', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['approval-rise'], safety: 'safety: { maxSpendWithoutFlag: { EUR: 1 } }' });
    const price = await priceOf(dir);
    const safety = `safety: { maxSpendWithoutFlag: { EUR: 1 }, priceTolerance: 0.5, approvals: { largeSpend: { upTo: { EUR: ${Math.ceil(price * 1.05)} }, reason: "reviewed at the plan's price" } } }`;
    writeConfig(dir, { legacy: ['approval-rise'], safety });
    expect((await cli(['plan', '--out', 'plan.json'], dir, sb().env)).code).toBe(0);
    sb().knobs.priceMultiplier = 1.2;
    try {
      sb().resetCalls();
      const refused = await cli(['apply', 'plan.json'], dir, sb().env);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/PLAN_APPROVALS_CHANGED: applying it now crosses a threshold the plan did not show: LARGE_SPEND/);
      expect(mutatingCalls(sb())).toEqual({});
    } finally {
      sb().knobs.priceMultiplier = 1;
    }
  });

  it('largeSpend below the spend approves nothing: apply still needs the flag', async () => {
    const dir = tempDir();
    const safety = 'safety: { maxSpendWithoutFlag: { EUR: 1 }, approvals: { largeSpend: { upTo: { EUR: 2 }, reason: "small things only" } } }';
    writeConfig(dir, { legacy: ['over-approval'], safety });
    const plan = await cli(['plan', '--output', 'json'], dir, sb().env);
    expect(JSON.parse(plan.out).approvals).toEqual([expect.not.objectContaining({ approvedBy: expect.anything() })]);
    sb().resetCalls();
    const refused = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('LARGE_SPEND');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('destructive names the changes reviewed: deleting one more than it names still needs --allow-destructive', async () => {
    const dir = tempDir();
    const safety = (changes: string) => `safety: { maxDestructiveShare: 0.25, approvals: { destructive: { changes: [${changes}], reason: "sites closed" } } }`;
    writeConfig(dir, { alerts: { da: 'DA', db: 'DB', dc: 'DC' }, safety: safety('alerts.da') });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);

    writeConfig(dir, { alerts: { dc: 'DC' }, safety: safety('alerts.da') });
    const partial = await cli(['plan'], dir, sb().env);
    expect(partial.out).toContain('⚠ TOO_DESTRUCTIVE replaces or deletes 2 of 3 managed alerts > 25% (safety.maxDestructiveShare): apply needs --allow-destructive');
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).err).toContain('TOO_DESTRUCTIVE');

    writeConfig(dir, { alerts: { dc: 'DC' }, safety: safety('alerts.da, alerts.db') });
    const full = await cli(['plan'], dir, sb().env);
    expect(full.out).toContain('✓ TOO_DESTRUCTIVE replaces or deletes 2 of 3 managed alerts > 25% (safety.maxDestructiveShare): approved by safety.approvals.destructive (alerts.da, alerts.db: sites closed)');
    const applied = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(applied.code, applied.err).toBe(0);
  });
});
