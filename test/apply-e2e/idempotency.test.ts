/**
 * The vendor commits, then the connection drops before the answer: the run fails with an unknown
 * outcome and the next run finds the object by its reference instead of buying it again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

const cases: [string, FixtureOptions, string, string][] = [
  ['a legacy order', { legacy: ['o'] }, 'POST /api/v1/orders', 'orders.o'],
  ['a Pléiades Neo quotation request', { neo: ['o'] }, 'POST /api/v1/quotations', 'orders.o'],
  ['a Maxar order', { maxar: ['o'] }, 'POST /api/v1/order', 'orders.o'],
  ['an alert', { alerts: { w: 'Answer lost' } }, 'POST /api/v1/alerts', 'alerts.w'],
];

describe('an answer lost after the vendor committed', () => {
  it('an accepted quotation is accepted once and recorded as decided', async () => {
    const dir = tempDir();
    writeConfig(dir, { neo: ['n'] });
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(0);
    writeConfig(dir, { neo: ['n'], decisions: { d: ['n', 'accept', 1e6] } });
    sb().resetCalls();
    const accept = 'PUT /api/v1/contracts/{contractId}/quotations/{quotationId}/accept';
    sb().knobs.dropAfterCommit = { [accept]: { next: 1 } };
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).err).toContain('OUTCOME_UNKNOWN');
    const second = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(second.code, second.err).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ [accept]: 1 });
    expect(JSON.parse(readFileSync(join(dir, 'orderform.state.json'), 'utf8')).resources['quotations.d'].status).toBe('decided');
  });

  it.each(cases)('%s is placed once', async (_, fixture, route, address) => {
    const dir = tempDir();
    writeConfig(dir, fixture);
    sb().resetCalls();
    sb().knobs.dropAfterCommit = { [route]: { next: 1 } };
    const first = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(first.code).toBe(1);
    expect(first.err).toContain('OUTCOME_UNKNOWN');
    const state = JSON.parse(readFileSync(join(dir, 'orderform.state.json'), 'utf8'));
    expect(state.resources[address]).toMatchObject({ status: 'intent' });

    const second = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain('adopted');
    const third = await cli(['plan', '--detailed-exitcode'], dir, sb().env);
    expect(third.code, third.out).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ [route]: 1 });
    const adopted = JSON.parse(readFileSync(join(dir, 'orderform.state.json'), 'utf8')).resources[address];
    expect(adopted.status).not.toBe('intent');
  });
});
