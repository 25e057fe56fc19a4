import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../engine/config/index.js';
import { validatePlan } from '../../engine/plan/planfile.js';
import { PLAN_COMMENT_MARKER } from '../../cli/render/markdown.js';
import { alertsConfig, load, MAXAR_PROVIDER, maxarOrder, readState } from './fixtures.js';
import { mutatingCalls } from '../support/sandbox.js';
import { startWorld, type World } from './harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('orderform plan against the sandbox', () => {
  it('lists every resource of the example with its cost and the total, and changes nothing remotely', async () => {
    world = await startWorld();
    const { config } = await loadConfig([join(world.dir, 'orders.yaml.example')], { cwd: world.dir, env: world.sb.env });
    const r = await world.cli('plan', '-c', 'orders.yaml.example');
    for (const res of config!.resources) expect(r.stdout).toContain(res.address);
    // Maxar's dry run: each acquisition's part of the AOI × its category price (fresh 25, standard 20, training 5).
    expect(r.stdout).toMatch(/cost: 732\.00 USD \(price-endpoint: Maxar dry run: 14\.64 km² fresh, 14\.64 km² standard, 14\.64 km² training/);
    expect(r.stdout).toMatch(/Spend:\n(.*\n)*\s+[\d,.]+ USD/);
    expect(r.stdout).toMatch(/^Plan: /m);
    expect(mutatingCalls(world.sb)).toEqual({});
    // Plan writes no state but the empty one the file store creates on first read (its lineage).
    const state = await readState(config!);
    expect(state.resources).toEqual({});
  });

  it('prints JSON that validates against the plan schema and Markdown with the marker and a table', async () => {
    world = await startWorld();
    const json = await world.cli('plan', '-c', 'orders.yaml.example', '--output', 'json');
    expect(validatePlan(JSON.parse(json.stdout), 'stdout')).toEqual([]);
    const md = await world.cli('plan', '-c', 'orders.yaml.example', '--output', 'markdown');
    expect(md.stdout.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
    expect(md.stdout).toMatch(/^\|.*\|\n\|[-| :]+\|$/m);
    expect(mutatingCalls(world.sb)).toEqual({});
  });

  it('saves the exact plan with --out and shows it back, with the detailed exit codes', async () => {
    world = await startWorld({ 'orders.yaml': alertsConfig(3) });
    const r = await world.cli('plan', '--out', 'plan.json', '--detailed-exitcode', '--output', 'json');
    expect(r.code).toBe(2);
    const saved = await readFile(join(world.dir, 'plan.json'), 'utf8');
    expect(saved).toBe(r.stdout);
    const shown = await world.cli('show', 'plan.json', '--output', 'json');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(saved);
    const text = await world.cli('show', 'plan.json');
    expect(text.stdout).toContain('Plan: 3 alerts to create.');
    expect((await world.cli('plan')).code).toBe(0);
  });

  it('exits 1 and prints every error when the plan cannot be applied', async () => {
    const extra = `${MAXAR_PROVIDER}\nbudget:\n  total: { USD: 10 }\n  perOrder: { USD: 5 }\norders:\n${maxarOrder('denver-a')}`;
    world = await startWorld({ 'orders.yaml': alertsConfig(1, extra) });
    const r = await world.cli('plan', '--detailed-exitcode', '--out', 'plan.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BUDGET_PER_ORDER_EXCEEDED');
    expect(r.stdout).toContain('LIMIT_EXCEEDED');
    expect(r.stderr).toContain('Plan not saved');
  });

  it('refuses to accept a quotation above its maxPrice, positioned at the decision', async () => {
    world = await startWorld({ 'orders.yaml': 'x: 1\n' });
    const env = world.sb.env;
    const neo = `providers:\n  oneatlas:\n    contracts:\n      airbus-neo: { contractId: CTR22000777, backend: neo, workspace: ws-neo-sandbox }\n`;
    const { createProviders } = await import('../../engine/providers/index.js');
    const base = await load(world.dir, 'orders.yaml.example', env);
    const clients = createProviders({ config: base, env });
    const neoOrder = base.resources.find((r) => r.kind === 'oneatlas_order' && r.contract.backend === 'neo');
    if (neoOrder?.kind !== 'oneatlas_order') throw new Error('the example has a Neo order');
    const { toWorkOrder } = await import('../../engine/providers/oneatlas/convert.js');
    const q = await clients.oneatlas!.requestQuotation({ ...toWorkOrder(neoOrder), customerReference: 'ext-quote-1' });
    await clients.close();
    const decision = `quotations:\n  cheap:\n    quotationId: ${q.quotationId}\n    contract: airbus-neo\n    decision: accept\n    maxPrice: { amount: 1, currency: ${q.currency} }\n`;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(world.dir, 'orders.yaml'), neo + decision);
    world.sb.resetCalls();
    const r = await world.cli('plan');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/orders\.yaml:\d+:\d+: error QUOTATION_OVER_CEILING: quotations\.cheap: the quotation costs/);
    expect(world.sb.calls()['POST /api/v2/orders/search']).toBe(1);
  });
});
