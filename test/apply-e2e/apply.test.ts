/** `orderform apply` in-process against the sandbox: approval, minimal calls, a second apply does nothing. */
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeConfig } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

describe('orderform apply', () => {
  it('refuses without a terminal or --auto-approve, and changes nothing', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'] });
    sb().resetCalls();
    const r = await cli(['apply'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('APPROVAL_REQUIRED');
    expect(r.err).toContain('--auto-approve');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('does not apply a plan that exceeds a limit', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'], budget: 'budget: { total: { EUR: 1 } }' });
    sb().resetCalls();
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.out.match(/LIMIT_EXCEEDED/g)).toHaveLength(1);
    expect(r.out).toContain('This plan cannot be applied');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('places K orders with K calls; a second apply makes no mutating call', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['a', 'b', 'c'], neo: ['n'], maxar: ['m'], alerts: { w1: 'One', w2: 'Two' } });
    sb().resetCalls();
    const first = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(first.err).not.toContain('error');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Apply complete: 7 done, 0 failed, 0 skipped.');
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 3, 'POST /api/v1/quotations': 1, 'POST /api/v1/order': 1, 'POST /api/v1/alerts': 2 });

    sb().resetCalls();
    const second = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(second.code).toBe(0);
    expect(second.out).toContain('No changes.');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('renames an alert with one PUT and accepts a quotation with one PUT', async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['n'], alerts: { w: 'Before' } });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    writeConfig(dir, { neo: ['n'], decisions: { d: ['n', 'accept', 1e6] }, alerts: { w: 'After' } });
    sb().resetCalls();
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'PUT /api/v1/alerts/{id}': 1, 'PUT /api/v1/contracts/{contractId}/quotations/{quotationId}/accept': 1 });
    const plan = await cli(['plan', '--detailed-exitcode'], dir, sb().env);
    expect(plan.code).toBe(0);
  });
});
