/** A purchase that fails: stop (default) or keep going, a summary of done / failed / skipped, state keeps what was done. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, PARIS, tempDir, writeConfig } from './fixture.js';
import { mutatingCalls, useSandbox } from './harness.js';

const { sb } = useSandbox();

const stateOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'orderform.state.json'), 'utf8')).resources as Record<string, { status: string }>;

describe('a failed purchase', () => {
  it('stops the apply by default: the rest is skipped, exit 1, state keeps the unknown outcome', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['a', 'b', 'c'] });
    sb().resetCalls();
    // A 503 to a purchase: the vendor may have placed it, so it is never sent again blindly.
    sb().knobs.errorRate = { 'POST /api/v1/orders': { next: 1 } };
    const r = await cli(['apply', '--auto-approve', '--parallelism', '1'], dir, sb().env);
    sb().knobs.errorRate = {};
    expect(r.code).toBe(1);
    expect(r.out).toContain('Apply failed: 0 done, 1 failed, 2 skipped.');
    expect(r.err).toContain('OUTCOME_UNKNOWN');
    expect(r.err).toContain('--keep-going');
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1 });
    expect(stateOf(dir)['orders.a']?.status).toBe('intent');

    const again = await cli(['apply', '--auto-approve', '--parallelism', '1'], dir, sb().env);
    expect(again.out).toContain('Apply complete: 2 done');
    expect(again.out).toContain('ORDER_OUTCOME_UNKNOWN: orders.a');
    const retried = await cli(['apply', '--auto-approve', '--retry-unconfirmed', 'orders.a'], dir, sb().env);
    expect(retried.out).toContain('Apply complete: 1 done');
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 4 });
  });

  it('refused by the vendor at plan time (an AOI the acquisitions do not cover): nothing is ordered, nothing is in state', async () => {
    const dir = tempDir();
    writeConfig(dir, { maxar: ['m'] });
    const yaml = readFileSync(join(dir, 'orders.yaml'), 'utf8');
    // Valid offline; Maxar's dry run refuses it, so the plan shows the refusal where the order is written.
    writeFileSync(join(dir, 'orders.yaml'), yaml.replace(PARIS, '[[-105.02, 39.72], [-104.95, 39.72], [-104.95, 39.76], [-105.02, 39.72]]'));
    sb().resetCalls();
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/orders\.yaml:\d+:\d+: error MAXAR_AOI_REFUSED/);
    expect(mutatingCalls(sb())).toEqual({});
    expect(stateOf(dir)['orders.m']).toBeUndefined();
  });

  it('a Maxar fee limit reached between plan and apply: refused with a code by Maxar\'s own estimate before buying, nothing recorded as placed; the next apply may order it', async () => {
    const dir = tempDir();
    writeConfig(dir, { maxar: ['m'] });
    expect((await cli(['plan', '--out', 'reviewed.plan'], dir, sb().env)).code).toBe(0);
    sb().resetCalls();
    // Someone else spent the fresh-imagery budget meanwhile: Maxar now refuses the order.
    sb().knobs.maxarLimits = { fresh_imagery_fee_limit: 1 };
    const r = await cli(['apply', 'reviewed.plan', '--auto-approve'], dir, sb().env);
    sb().knobs.maxarLimits = {};
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('MAXAR_LIMIT_REFUSED');
    expect(r.out + r.err).toContain('fresh_imagery_fee_limit');
    expect(mutatingCalls(sb())).toEqual({});
    expect(stateOf(dir)['orders.m']).toBeUndefined();
    const again = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(again.code, again.err).toBe(0);
    expect(stateOf(dir)['orders.m']?.status).toMatch(/^(in-progress|delivered)$/);
  });

  it('with --keep-going goes on with the independent changes', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['kg-a', 'kg-b', 'kg-c'] });
    sb().knobs.errorRate = { 'POST /api/v1/orders': { next: 1 } };
    const r = await cli(['apply', '--auto-approve', '--parallelism', '1', '--keep-going'], dir, sb().env);
    sb().knobs.errorRate = {};
    expect(r.code).toBe(1);
    expect(r.out).toContain('Apply failed: 2 done, 1 failed, 0 skipped.');
    expect(Object.values(stateOf(dir)).map((s) => s.status).sort()).toEqual(['in-progress', 'in-progress', 'intent']);
  });
});

describe('Pléiades Neo', () => {
  it('apply requests the quotation; the next plan shows its amount and waits for a decision', async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['n'] });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    const plan = await cli(['plan'], dir, sb().env);
    expect(plan.out).toMatch(/quotation QUO\S+ \([\d.]+ EUR.*awaits a decision/);
  });

  it('an expired quotation under a declared accept is refused with reason expired, once; the next plan is clean', async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['x'] });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    const quotationId = (stateOf(dir)['orders.x'] as unknown as { remote: { quotationId: string } }).remote.quotationId;
    expect(sb().expireQuotation(quotationId)).toBe(true);
    const file = writeConfig(dir, { neo: ['x'], decisions: { d: ['x', 'accept', 1e6] } });
    writeFileSync(file, readFileSync(file, 'utf8').replace('decision: accept\n', 'decision: accept\n    refuseIfExpired: true\n'));
    sb().resetCalls();
    const r = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(r.code, r.err).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'PUT /api/v1/contracts/{contractId}/quotations/{quotationId}/refuse': 1 });
    const plan = await cli(['plan', '--detailed-exitcode'], dir, sb().env);
    expect(plan.code, plan.out + plan.err).toBe(0);
  });
});
