import { afterEach, expect, it } from 'vitest';
import type { AlertSpec } from '../../engine/model.js';
import { alertsConfig, load, readState, recorded, writeState } from './fixtures.js';
import { mutatingCalls } from '../support/sandbox.js';
import { startWorld, type World } from './harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

it('state list, show and rm: rm forgets one resource without any vendor call', async () => {
  world = await startWorld({ 'orders.yaml': alertsConfig(2) });
  const config = await load(world.dir, 'orders.yaml', world.sb.env);
  const [a, b] = config.resources as AlertSpec[];
  await writeState(config, [recorded(a!, 'active', { alertId: 'al-1' }), recorded(b!, 'active', { alertId: 'al-2' })]);

  const list = await world.cli('state', 'list');
  expect(list.stdout).toBe(`${a!.address}\toneatlas_alert\tactive\talertId=al-1\n${b!.address}\toneatlas_alert\tactive\talertId=al-2\n`);
  const show = await world.cli('state', 'show', a!.address);
  expect(JSON.parse(show.stdout)).toMatchObject({ address: a!.address, remote: { alertId: 'al-1' } });
  expect((await world.cli('state', 'show', 'alerts.nope')).stderr).toContain('STATE_ADDRESS_UNKNOWN');

  const rm = await world.cli('state', 'rm', b!.address);
  expect(rm.code).toBe(0);
  expect(Object.keys((await readState(config)).resources)).toEqual([a!.address]);
  expect(world.sb.calls()).toEqual({});
  expect(mutatingCalls(world.sb)).toEqual({});
});
