/** `orderform import`: objects that exist remotely become tracked; the next plan neither buys nor creates them again. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../engine/config/index.js';
import type { ResourceSpec } from '../../engine/model.js';
import { createProviders } from '../../engine/providers/index.js';
import { toOrderRequest } from '../../engine/providers/maxar-ard/convert.js';
import { toAlertCreate, toWorkOrder } from '../../engine/providers/oneatlas/convert.js';
import { cli, tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

async function setup(fixture: FixtureOptions) {
  const dir = tempDir();
  writeConfig(dir, fixture);
  const { config } = await loadConfig([join(dir, 'orders.yaml')], { cwd: dir, env: sb().env });
  const clients = createProviders({ config: config!, env: sb().env });
  const spec = <K extends ResourceSpec['kind']>(address: string) => config!.resources.find((r) => r.address === address) as Extract<ResourceSpec, { kind: K }>;
  return { dir, clients, spec };
}

describe('orderform import', () => {
  it('adopts a Maxar order and a legacy order placed outside orderform: the plan then shows no change', async () => {
    const { dir, clients, spec } = await setup({ legacy: ['l'], maxar: ['m'] });
    const maxar = await clients.maxar!.placeOrder(toOrderRequest(spec<'maxar_ard_order'>('orders.m'), () => ''));
    const legacy = await clients.oneatlas!.createOrder(toWorkOrder(spec<'oneatlas_order'>('orders.l')));
    await clients.close();
    expect((await cli(['import', 'orders.m', maxar.id], dir, sb().env)).out).toContain('Imported orders.m');
    const l = await cli(['import', 'orders.l', legacy.salesOrderId!], dir, sb().env);
    expect(l.code, l.err).toBe(0);
    sb().resetCalls();
    const plan = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(plan.out).toContain('No changes.');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('adopts an alert named differently: the next apply renames it with one PUT', async () => {
    const { dir, clients, spec } = await setup({ alerts: { w: 'Wanted name' } });
    const created = await clients.oneatlas!.createAlert({ ...toAlertCreate(spec<'oneatlas_alert'>('alerts.w')), name: 'Made by hand' });
    await clients.close();
    const r = await cli(['import', 'alerts.w', created.id], dir, sb().env);
    expect(r.err).toContain('IMPORT_SPEC_DIFFERS');
    expect(r.err).toContain('name');
    sb().resetCalls();
    const ap = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(ap.code, ap.err + ap.out).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'PUT /api/v1/alerts/{id}': 1 });
  });

  it('names what is wrong: unknown id, address not in config', async () => {
    const { dir, clients } = await setup({ maxar: ['m'] });
    await clients.close();
    const unknown = await cli(['import', 'orders.m', 'no-such-order'], dir, sb().env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('IMPORT_NOT_FOUND');
    const missing = await cli(['import', 'orders.nope', 'x'], dir, sb().env);
    expect(missing.err).toContain('IMPORT_NOT_IN_CONFIG');
  });
});
