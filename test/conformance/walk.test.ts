/**
 * Conformance (DNSControl style): walk one config through a series of edits, applying each against the
 * sandbox; after every apply a fresh plan shows zero changes and the mutating calls were the minimal ones.
 */
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();
const safety = 'safety: { maxDestructiveShare: 1 }';
const ACCEPT = 'PUT /api/v1/contracts/{contractId}/quotations/{quotationId}/accept';
const REFUSE = 'PUT /api/v1/contracts/{contractId}/quotations/{quotationId}/refuse';

const steps: [string, FixtureOptions, Record<string, number>][] = [
  ['two legacy orders and an alert', { legacy: ['a', 'b'], alerts: { x: 'X' } }, { 'POST /api/v1/orders': 2, 'POST /api/v1/alerts': 1 }],
  ['a Maxar order, a Neo order, the alert renamed', { legacy: ['a', 'b'], maxar: ['m'], neo: ['n'], alerts: { x: 'X renamed' } },
    { 'POST /api/v1/order': 1, 'POST /api/v1/quotations': 1, 'PUT /api/v1/alerts/{id}': 1 }],
  ['accept the quotation, a second alert', { legacy: ['a', 'b'], maxar: ['m'], neo: ['n'], decisions: { buy: ['n', 'accept', 1e6] }, alerts: { x: 'X renamed', y: 'Y' } },
    { [ACCEPT]: 1, 'POST /api/v1/alerts': 1 }],
  ["change the second alert's criteria (replace)", { legacy: ['a', 'b'], maxar: ['m'], neo: ['n'], decisions: { buy: ['n', 'accept', 1e6] }, alerts: { x: 'X renamed', y: ['Y', 50] } },
    { 'DELETE /api/v1/alerts/{id}': 1, 'POST /api/v1/alerts': 1 }],
  ['remove the first alert', { legacy: ['a', 'b'], maxar: ['m'], neo: ['n'], decisions: { buy: ['n', 'accept', 1e6] }, alerts: { y: ['Y', 50] } },
    { 'DELETE /api/v1/alerts/{id}': 1 }],
  ['a second Neo order quoted and refused in one apply', { legacy: ['a', 'b'], maxar: ['m'], neo: ['n', 'n2'], decisions: { buy: ['n', 'accept', 1e6], no: ['n2', 'refuse'] }, alerts: { y: ['Y', 50] } },
    { 'POST /api/v1/quotations': 1, [REFUSE]: 1 }],
  ['orders removed from config are kept, never cancelled', { alerts: { y: ['Y', 50] } }, {}],
];

describe('conformance walk', () => {
  it('each edit applies with the minimal mutating calls and re-plans to zero changes', async () => {
    const dir = tempDir();
    for (const [what, fixture, calls] of steps) {
      writeConfig(dir, { ...fixture, safety });
      sb().resetCalls();
      const applied = await cli(['apply', '--auto-approve'], dir, sb().env);
      expect(applied.code, `${what}: ${applied.err}`).toBe(0);
      expect(mutatingCalls(sb()), what).toEqual(calls);
      sb().resetCalls();
      const replan = await cli(['plan', '--detailed-exitcode'], dir, sb().env);
      expect(replan.code, `${what}: re-plan\n${replan.out}${replan.err}`).toBe(0);
      expect(mutatingCalls(sb()), `${what}: plan writes nothing`).toEqual({});
    }
  });
});
