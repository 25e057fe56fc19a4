/**
 * Every shipped example plans against the sandbox with every order priced (no PRICE_REFUSED): the
 * catalogue ids, AOIs and options agree with the vendor rules the sandbox enforces. Each example
 * runs in its own temp copy (state is written beside the config, never into the repo).
 */
import { rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/capture-io.js';
import { examplesCopy } from '../support/project.js';
import { useSandbox } from '../support/sandbox.js';
import { ROOT } from './helpers.js';

const EXAMPLES = ['orders.yaml.example', ...readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.yaml')).map((n) => `examples/${n}`)];

interface PlanChange {
  address: string;
  kind: string;
  cost: { amount: number | null; basis: string } | null;
}

const { sb } = useSandbox();
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A fresh copy of the example files: each example gets its own state. */
async function workspace(): Promise<string> {
  const dir = await examplesCopy();
  dirs.push(dir);
  return dir;
}

describe('examples against the sandbox', () => {
  test.each(EXAMPLES)('%s plans with every order priced', async (file) => {
    const { code, stdout, stderr } = await runCli(['plan', '-c', file, '--output', 'json', '--detailed-exitcode'], { cwd: await workspace(), env: sb().env });
    expect(code, stderr).toBe(2);
    const plan = JSON.parse(stdout) as { applyable: boolean; changes: PlanChange[]; diagnostics: { severity: string; code: string }[] };
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan.applyable).toBe(true);
    const orders = plan.changes.filter((c) => c.kind === 'oneatlas_order' || c.kind === 'maxar_ard_order');
    for (const order of orders) {
      // Pléiades Neo is quoted, not priced: its amount comes with the quotation at apply.
      const priced = order.cost?.amount !== null && order.cost?.amount !== undefined;
      expect(priced || order.cost?.basis === 'known-after-quotation', `${order.address}: ${JSON.stringify(order.cost)}`).toBe(true);
    }
    if (file !== 'examples/alerts.yaml') expect(orders.length).toBeGreaterThan(0);
  });

  test('orders.yaml.example applies end to end: orders placed, the Neo quotation requested and accepted', async () => {
    const cwd = await workspace();
    const apply = await runCli(['apply', '-c', 'orders.yaml.example', '--auto-approve'], { cwd, env: sb().env });
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 7 done, 0 failed, 0 skipped.');
    const again = await runCli(['plan', '-c', 'orders.yaml.example', '--detailed-exitcode'], { cwd, env: sb().env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });
});
