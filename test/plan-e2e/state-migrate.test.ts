import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertSpec } from '../../engine/model.js';
import { PostgresStateStore } from '../../engine/state/postgres-store.js';
import { findPostgresBinDir, startPostgres, type TestPostgres } from '../support/postgres.js';
import { alertsConfig, load, readState, recorded, writeState } from './fixtures.js';
import { startWorld, type World } from './harness.js';

const title = findPostgresBinDir() ? 'state migrate' : 'state migrate (SKIPPED: no PostgreSQL binaries)';

describe.skipIf(!findPostgresBinDir())(title, () => {
  let pgs: TestPostgres;
  let world: World;
  beforeAll(async () => {
    pgs = await startPostgres();
    world = await startWorld({ 'orders.yaml': alertsConfig(2) });
  }, 60_000);
  afterAll(async () => {
    await world?.close();
    await pgs?.stop();
  });

  it('moves a file state to PostgreSQL with its lineage, serial and resources, and refuses a non-empty target', async () => {
    const config = await load(world.dir, 'orders.yaml', world.sb.env);
    await writeState(config, (config.resources as AlertSpec[]).map((s, i) => recorded(s, 'active', { alertId: `al-${i}` })));
    const before = await readState(config);
    const url = `${pgs.url}?workspace=migrated`;

    const r = await world.cli('state', 'migrate', '--to', url);
    expect(r.code).toBe(0);
    const store = new PostgresStateStore({ url });
    expect(await store.read()).toEqual(before);
    await store.close();

    const again = await world.cli('state', 'migrate', '--to', url);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('STATE_NOT_EMPTY');
  });
});
