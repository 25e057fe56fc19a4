import { afterEach, describe, expect, it } from 'vitest';
import { createProviders, type ProviderClients } from '../../engine/providers/index.js';
import { toAlertCreate } from '../../engine/providers/oneatlas/convert.js';
import { toOrderRequest } from '../../engine/providers/maxar-ard/convert.js';
import type { AlertSpec, MaxarOrderSpec } from '../../engine/model.js';
import { alertsConfig, load, MAXAR_PROVIDER, maxarOrder, readState, recorded, writeState } from './fixtures.js';
import { FULL } from '../support/project.js';
import { mutatingCalls } from '../support/sandbox.js';
import { startWorld, type World } from './harness.js';

let world: World | undefined;
let clients: ProviderClients | undefined;
afterEach(async () => {
  await clients?.close();
  await world?.close();
  clients = world = undefined;
});

/** Alerts in state: enough for several list pages (100 alerts each); the full 1,000 under `npm run reliability`. */
const ALERTS = FULL ? 1000 : 250;

describe('refresh with list calls', () => {
  it(`plans ${ALERTS} alerts already in state with ${Math.ceil(ALERTS / 100)} list pages, not one call per alert`, async () => {
    world = await startWorld({ 'orders.yaml': alertsConfig(ALERTS) });
    const config = await load(world.dir, 'orders.yaml', world.sb.env);
    clients = createProviders({ config, env: world.sb.env });
    const specs = config.resources as AlertSpec[];
    const ids: string[] = [];
    for (let i = 0; i < specs.length; i += 50) {
      const batch = await Promise.all(specs.slice(i, i + 50).map((s) => clients!.oneatlas!.createAlert(toAlertCreate(s))));
      ids.push(...batch.map((a) => a.id));
    }
    await writeState(config, specs.map((s, i) => recorded(s, 'active', { alertId: ids[i]! })));
    world.sb.resetCalls();

    const r = await world.cli('plan', '--detailed-exitcode');
    expect(r.stdout).toContain(`No changes. ${ALERTS} resources up to date.`);
    expect(r.code).toBe(0);
    expect(world.sb.calls()).toEqual({ 'POST /auth/realms/IDP/protocol/openid-connect/token': 1, 'GET /api/v1/alerts': Math.ceil(ALERTS / 100) });
    // Seeding the alerts over HTTP is most of the time, and slow on a loaded CI box: the assertions are call counts, not time.
  }, 120_000);

  it('reports an alert renamed or deleted outside orderform as drift', async () => {
    world = await startWorld({ 'orders.yaml': alertsConfig(2) });
    const config = await load(world.dir, 'orders.yaml', world.sb.env);
    clients = createProviders({ config, env: world.sb.env });
    const [a, b] = config.resources as AlertSpec[];
    const ra = await clients.oneatlas!.createAlert(toAlertCreate(a!));
    const rb = await clients.oneatlas!.createAlert(toAlertCreate(b!));
    await writeState(config, [recorded(a!, 'active', { alertId: ra.id }), recorded(b!, 'active', { alertId: rb.id })]);
    await clients.oneatlas!.renameAlert(ra.id, 'renamed-elsewhere');
    await clients.oneatlas!.deleteAlert(rb.id);
    world.sb.resetCalls();

    const r = await world.cli('plan');
    expect(r.stdout).toContain(`${a!.address}: renamed outside orderform to "renamed-elsewhere"`);
    expect(r.stdout).toContain(`${b!.address}: deleted outside orderform`);
    expect(mutatingCalls(world.sb)).toEqual({});
  });

  it('refresh adopts intents that exist remotely and records no remote change', async () => {
    world = await startWorld({ 'orders.yaml': alertsConfig(1, `${MAXAR_PROVIDER}\norders:\n${maxarOrder('denver-a')}`) });
    const config = await load(world.dir, 'orders.yaml', world.sb.env);
    clients = createProviders({ config, env: world.sb.env });
    const alert = config.resources.find((r) => r.kind === 'oneatlas_alert') as AlertSpec;
    const order = config.resources.find((r) => r.kind === 'maxar_ard_order') as MaxarOrderSpec;
    const remoteAlert = await clients.oneatlas!.createAlert(toAlertCreate(alert));
    const placed = await clients.maxar!.placeOrder(toOrderRequest(order, () => ''));
    const intent = { action: 'create', startedAt: '2025-01-01T00:00:00.000Z' };
    await writeState(config, [
      { ...recorded(alert, 'intent', {}), intent },
      { ...recorded(order, 'intent', { customerReference: order.customerReference }), intent },
    ]);
    world.sb.resetCalls();

    const r = await world.cli('refresh');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`~ ${order.address}: adopted: found remotely by its reference`);
    expect(mutatingCalls(world.sb)).toEqual({});
    const state = await readState(config);
    expect(state.resources[alert.address]).toMatchObject({ status: 'active', remote: { alertId: remoteAlert.id } });
    expect(state.resources[order.address]).toMatchObject({ status: expect.stringMatching(/^(in-progress|delivered)$/), remote: { orderId: placed.id } });
    expect(state.resources[order.address]!.intent).toBeUndefined();
    expect((await world.cli('plan', '--detailed-exitcode')).code).toBe(0);
  });
});
