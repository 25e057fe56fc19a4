import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../engine/diagnostics.js';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { PostgresStateStore, type PostgresStoreOptions } from '../../engine/state/postgres-store.js';
import type { ResourceState } from '../../engine/state/types.js';
import { findPostgresBinDir, startPostgres, type TestPostgres } from '../support/postgres.js';

const binDir = findPostgresBinDir();
const title = binDir
  ? 'PostgresStateStore'
  : 'PostgresStateStore (SKIPPED: no initdb/pg_ctl/postgres in PATH or /usr/lib/postgresql/15/bin)';

function resource(address: string, status: ResourceState['status'] = 'intent'): ResourceState {
  return {
    address,
    kind: 'oneatlas_order',
    status,
    remote: { customerReference: `of-${address}` },
    specDigest: `sha256:${address}`,
    spec: { items: [{ catalogItemId: 'abc', options: { hd: 'true' } }] },
    price: { amount: 1234.5, currency: 'EUR' },
    createdAt: '2024-07-01T00:00:00.000Z',
    updatedAt: '2024-07-01T00:00:00.000Z',
  };
}

/** The single diagnostic a rejected call carries. */
async function diagnosticOf(work: Promise<unknown> | (() => unknown)): Promise<Diagnostic> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    expect(e).toBeInstanceOf(DiagnosticsError);
    const [diagnostic] = (e as DiagnosticsError).diagnostics;
    return diagnostic!;
  }
  throw new Error('expected a DiagnosticsError, got success');
}

describe.skipIf(!binDir)(title, () => {
  let server: TestPostgres;
  const open: PostgresStateStore[] = [];
  let counter = 0;

  /** A store on a fresh workspace (or the one given), closed after each test. */
  function store(options: PostgresStoreOptions = {}): PostgresStateStore {
    const s = new PostgresStateStore({ url: server.url, workspace: `ws-${++counter}`, ...options });
    open.push(s);
    return s;
  }

  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('state', () => {
    it('starts empty with serial 0 and a lineage, and round-trips puts and removals', async () => {
      const s = store();
      const empty = await s.read();
      expect(empty).toMatchObject({ version: 1, serial: 0, resources: {} });
      expect(empty.lineage).toMatch(/^[0-9a-f-]{36}$/);

      await s.put('orders.a', resource('orders.a'));
      await s.put('orders.b', resource('orders.b'));
      await s.put('orders.a', resource('orders.a', 'in-progress'));
      await s.put('orders.b', null);

      const after = await s.read();
      expect(after.serial).toBe(4);
      expect(after.lineage).toBe(empty.lineage);
      expect(after.resources).toEqual({ 'orders.a': resource('orders.a', 'in-progress') });
    });

    it('keeps lineage and resources for the next run, and keeps workspaces apart', async () => {
      const first = store({ workspace: 'shared-name' });
      await first.put('alerts.x', resource('alerts.x', 'active'));
      const { lineage } = await first.read();

      const viaQuery = store({ url: `${server.url}?workspace=shared-name`, workspace: undefined });
      expect(await viaQuery.read()).toMatchObject({ lineage, serial: 1, resources: { 'alerts.x': { status: 'active' } } });

      const other = store({ workspace: 'another-name' });
      const otherState = await other.read();
      expect(otherState.lineage).not.toBe(lineage);
      expect(otherState.resources).toEqual({});
    });

    it('uses ORDERFORM_STATE_URL and the workspace "default" when nothing else is given', async () => {
      const s = store({ url: undefined, workspace: undefined, env: { ORDERFORM_STATE_URL: server.url } });
      expect(s.workspace).toBe('default');
      await s.put('orders.env', resource('orders.env'));
      const rows = await server.sql(`SELECT address FROM orderform_resources WHERE workspace = 'default'`);
      expect(rows).toEqual([{ address: 'orders.env' }]);
    });

    it('creates the schema once when several first runs race, and records its version', async () => {
      const stores = Array.from({ length: 5 }, () => store());
      const snapshots = await Promise.all(stores.map((s) => s.read()));
      expect(new Set(snapshots.map((x) => x.lineage)).size).toBe(5);
      expect(await server.sql('SELECT id, version FROM orderform_schema')).toEqual([{ id: 1, version: 1 }]);
    });

    it('writes one row per resource: 1,000 puts leave 1,000 rows and serial 1,000', async () => {
      const s = store();
      for (let i = 0; i < 1000; i++) await s.put(`orders.o${i}`, resource(`orders.o${i}`));
      const state = await s.read();
      expect(state.serial).toBe(1000);
      expect(Object.keys(state.resources)).toHaveLength(1000);
      const [count] = await server.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM orderform_resources WHERE workspace = $1',
        [s.workspace],
      );
      expect(count!.n).toBe(1000);
    }, 60_000);

    it('refuses a database whose schema is newer than this orderform', async () => {
      await server.sql('CREATE DATABASE newer');
      const newerUrl = server.urlFor('newer');
      await store({ url: newerUrl }).read();
      await server.sql('UPDATE orderform_schema SET version = 99', [], 'newer');

      const d = await diagnosticOf(store({ url: newerUrl }).read());
      expect(d.code).toBe('STATE_SCHEMA_TOO_NEW');
      expect(d.summary).toContain('schema version 99');
    });
  });

  describe('lock', () => {
    it('lets one job in; the second fails naming the holder and since when; after unlock it gets in', async () => {
      const a = store({ workspace: 'locked' });
      const b = store({ workspace: 'locked' });
      const unlockA = await a.lock('job-a@ci-runner-1');

      const d = await diagnosticOf(b.lock('job-b'));
      expect(d.code).toBe('STATE_LOCKED');
      expect(d.summary).toMatch(/workspace "locked" is locked by job-a@ci-runner-1 since \d{4}-\d\d-\d\dT/);
      expect(d.summary).not.toContain(server.password);

      await unlockA();
      const unlockB = await b.lock('job-b');
      await unlockB();
    });

    // The holder records its row just after taking the lock; a job arriving in between must still name it.
    it('names a holder that has taken the lock but not yet recorded its row', async () => {
      const unlockA = await store({ workspace: 'racing' }).lock('job-a@ci-runner-1');
      const [row] = await server.sql<{ backend_pid: number }>(`DELETE FROM orderform_locks WHERE workspace = 'racing' RETURNING backend_pid`);
      const record = () => server.sql(`INSERT INTO orderform_locks (workspace, owner, acquired_at, backend_pid) VALUES ('racing', 'job-a@ci-runner-1', now(), $1)`, [row!.backend_pid]);
      setTimeout(() => void record(), 300);
      const d = await diagnosticOf(store({ workspace: 'racing' }).lock('job-b'));
      expect(d.code).toBe('STATE_LOCKED');
      expect(d.summary).toMatch(/locked by job-a@ci-runner-1 since /);
      await unlockA();
    });

    it('does not block other workspaces', async () => {
      const unlock = await store({ workspace: 'ws-left' }).lock('left');
      const other = await store({ workspace: 'ws-right' }).lock('right');
      await Promise.all([unlock(), other()]);
    });

    it('waits up to lockWaitMs: gets the lock when the holder finishes, else fails naming it', async () => {
      const holder = store({ workspace: 'waiting' });
      const unlock = await holder.lock('slow-job');

      const impatient = await diagnosticOf(store({ workspace: 'waiting', lockWaitMs: 200 }).lock('impatient'));
      expect(impatient.code).toBe('STATE_LOCKED');
      expect(impatient.summary).toContain('slow-job');
      expect(impatient.summary).toContain('after waiting 200 ms');

      const patient = store({ workspace: 'waiting', lockWaitMs: 20_000 }).lock('patient');
      setTimeout(() => void unlock(), 100);
      const unlockPatient = await patient;
      await unlockPatient();
    });

    it('is released when the holding connection dies, and the old holder then refuses to write', async () => {
      const a = store({ workspace: 'crashy' });
      const b = store({ workspace: 'crashy' });
      const unlockA = await a.lock('job-that-dies');
      await a.put('orders.before', resource('orders.before'));

      await server.sql(`SELECT pg_terminate_backend(backend_pid, 5000) FROM orderform_locks WHERE workspace = 'crashy'`);

      const unlockB = await b.lock('job-b');
      await vi.waitFor(async () => {
        const d = await diagnosticOf(a.put('orders.before', resource('orders.before')));
        expect(d.code).toBe('STATE_LOCK_LOST');
      });
      await unlockA(); // harmless on a dead connection
      const d = await diagnosticOf(store({ workspace: 'crashy' }).lock('job-c'));
      expect(d.summary).toContain('job-b');
      await unlockB();
    });
  });

  describe('connection errors', () => {
    it('never show the password: wrong password', async () => {
      const wrong = new URL(server.url);
      wrong.password = 'Wr0ng-s3cret-pw';
      const s = store({ url: wrong.toString() });
      expect(s.displayUrl).toBe(`postgres://orderform:***@127.0.0.1:${server.port}/postgres`);
      const d = await diagnosticOf(s.read());
      expect(d.code).toBe('STATE_BACKEND_UNAVAILABLE');
      expect(d.summary).toContain('password authentication failed');
      expect(d.summary).toContain('orderform:***@127.0.0.1');
      expect(`${d.summary} ${d.detail}`).not.toContain('Wr0ng-s3cret-pw');
    });

    it('never show the password: nothing listening, also for the lock', async () => {
      const url = `postgres://me:p%40ss-s3cret@127.0.0.1:1/db?workspace=w`;
      for (const attempt of [(s: PostgresStateStore) => s.read(), (s: PostgresStateStore) => s.lock('x')]) {
        const d = await diagnosticOf(attempt(store({ url, workspace: undefined })));
        expect(d.code).toBe('STATE_BACKEND_UNAVAILABLE');
        expect(d.summary).toContain('postgres://me:***@127.0.0.1:1/db');
        expect(d.summary).not.toMatch(/s3cret/);
      }
    });

    it('never show the password: even where the server echoes it back', async () => {
      const s = store({ url: server.urlFor(server.password) });
      const d = await diagnosticOf(s.read());
      expect(d.summary).toContain('database "***" does not exist');
      expect(d.summary).not.toContain(server.password);
    });

    it('reports a missing, non-postgres or badly named state as a diagnostic', async () => {
      expect((await diagnosticOf(() => new PostgresStateStore({ env: {} }))).code).toBe('STATE_URL_MISSING');
      const invalid = await diagnosticOf(() => new PostgresStateStore({ url: 'mysql://u:hunter2@h/db' }));
      expect(invalid.code).toBe('STATE_URL_INVALID');
      expect(invalid.summary).not.toContain('hunter2');
      const unparseable = await diagnosticOf(() => new PostgresStateStore({ url: 'postgres://u:hunter2@h:99999/db' }));
      expect(unparseable.code).toBe('STATE_URL_INVALID');
      expect(unparseable.summary).not.toContain('hunter2');
      const badName = await diagnosticOf(() => new PostgresStateStore({ url: server.url, workspace: 'no spaces' }));
      expect(badName.code).toBe('STATE_WORKSPACE_INVALID');
    });
  });
});
