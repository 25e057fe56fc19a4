/**
 * The CI plan job's database role may only SELECT (docs/ci.md): plan reads PostgreSQL state without
 * writing anything, also beside a running apply; the same role cannot apply, and a state that does not
 * exist yet is reported (this role may not create it) instead of failing on a permission error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/fixture.js';
import { APPLY, startWorld, type World } from '../reliability/harness.js';
import { ensureBuilt } from '../support/project.js';
import { findPostgresBinDir, startPostgres, type TestPostgres } from '../support/postgres.js';

const binDir = findPostgresBinDir();
const title = binDir ? 'plan with a read-only PostgreSQL role' : 'plan with a read-only PostgreSQL role (SKIPPED: no PostgreSQL binaries)';

describe.skipIf(!binDir)(title, () => {
  let pg: TestPostgres;
  let world: World | undefined;
  const READER_PASSWORD = 'reader-secret-pw';

  beforeAll(async () => {
    ensureBuilt();
    pg = await startPostgres();
    await pg.sql(`CREATE ROLE plan_reader LOGIN PASSWORD '${READER_PASSWORD}'`);
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  const readerUrl = (db: string) => pg.urlFor(db).replace(/\/\/orderform:[^@]+@/, `//plan_reader:${READER_PASSWORD}@`);
  const head = (db: string) => pg.sql<{ serial: string; lineage: string }>('SELECT serial, lineage FROM orderform_state', [], db);

  it('plans (and saves the plan) with SELECT only, writing nothing; the same role cannot apply', async () => {
    await pg.sql('CREATE DATABASE ro_a');
    world = await startWorld({ legacy: ['paris-a'], alerts: { 'watch-a': 'Watch A' } }, {}, { ORDERFORM_STATE_URL: pg.urlFor('ro_a') });
    const applied = await world.cli(...APPLY);
    expect(applied.code, applied.err).toBe(0);
    await pg.sql('GRANT SELECT ON ALL TABLES IN SCHEMA public TO plan_reader', [], 'ro_a');
    const before = await head('ro_a');

    // A change for the plan to show: the alert renamed in config.
    const file = join(world.dir, 'orders.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Watch A"', '"Watch A renamed"'));
    const reader = { ...world.env, ORDERFORM_STATE_URL: readerUrl('ro_a') };
    const plan = await cli(['plan', '--detailed-exitcode', '--out', 'plan.json'], world.dir, reader);
    expect(plan.err).not.toMatch(/STATE_|internal error/);
    expect(plan.code, plan.out + plan.err).toBe(2);
    expect(plan.out).toContain('alerts.watch-a');
    expect(await head('ro_a')).toEqual(before);

    const apply = await cli(['apply', 'plan.json'], world.dir, reader);
    expect(apply.code).toBe(1);
    expect(apply.err).toContain('STATE_PERMISSION_DENIED');
    expect(apply.err).not.toContain(READER_PASSWORD);
    expect(await head('ro_a')).toEqual(before);
  }, 120_000);

  it('a state that does not exist yet: STATE_NOT_INITIALIZED, saying to plan once with a role that can create it', async () => {
    await pg.sql('CREATE DATABASE ro_b');
    world = await startWorld({ alerts: { 'watch-a': 'Watch A' } });
    const plan = await cli(['plan'], world.dir, { ...world.env, ORDERFORM_STATE_URL: readerUrl('ro_b') });
    expect(plan.code).toBe(1);
    expect(plan.err).toContain('STATE_NOT_INITIALIZED');
    expect(plan.err).toContain('has no orderform tables yet');
    expect(plan.err).not.toContain(READER_PASSWORD);
  }, 120_000);
});
