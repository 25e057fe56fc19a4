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
