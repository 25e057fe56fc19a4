/**
 * State in PostgreSQL: one meta row per workspace (lineage, serial) and one JSONB row per resource,
 * so a put() is one upsert plus a serial bump in a transaction, whatever the size of the state.
 * The run lock is a session-level advisory lock held on a dedicated connection: it dies with the
 * session, so a crashed job never leaves a stale lock; a row beside it records who holds it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DiagnosticsError, error } from '../diagnostics.js';
import type { ResourceState, StateSnapshot, StateStore, Unlock } from './types.js';

export const STATE_URL_ENV = 'ORDERFORM_STATE_URL';

export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:port/db?workspace=name`; defaults to $ORDERFORM_STATE_URL. */
  url?: string;
  /** Named state in the database; overrides `?workspace=`; default `default`. */
  workspace?: string;
  /** How long lock() waits for another job to finish; 0 (default) fails at once. */
  lockWaitMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Schema migrations, applied in order once each; the index + 1 is the stored version. */
const MIGRATIONS = [
  `CREATE TABLE orderform_state (
     workspace  text PRIMARY KEY,
     lineage    text NOT NULL,
     serial     bigint NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now());
   CREATE TABLE orderform_resources (
     workspace text NOT NULL REFERENCES orderform_state ON DELETE CASCADE,
     address   text NOT NULL,
     body      jsonb NOT NULL,
     PRIMARY KEY (workspace, address));
   CREATE TABLE orderform_locks (
     workspace   text PRIMARY KEY,
     owner       text NOT NULL,
     acquired_at timestamptz NOT NULL,
     backend_pid integer NOT NULL);`,
];

/** How long a job that found the lock taken waits for the holder's row (written just after the lock is taken). */
const HOLDER_WAIT_MS = 3_000;

interface LockRow {
  owner: string;
  acquired_at: Date;
  backend_pid: number;
}

/** First advisory-lock key: the application ('ordf'); the second is derived from the workspace. */
const LOCK_NAMESPACE = 0x6f726466;
const SCHEMA_LOCK_KEY = 0;
const WORKSPACE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class PostgresStateStore implements StateStore {
  readonly workspace: string;
  /** The URL with its password masked: safe to print. */
  readonly displayUrl: string;
  private readonly connectionString: string;
  private readonly lockWaitMs: number;
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;
  private lockClient: pg.Client | undefined;
  private lockLost = false;

  constructor(options: PostgresStoreOptions = {}) {
    const raw = options.url ?? (options.env ?? process.env)[STATE_URL_ENV];
    if (!raw) {
      throw new DiagnosticsError([
        error('STATE_URL_MISSING', `no PostgreSQL state URL: set ${STATE_URL_ENV} or the state URL in the config`),
      ]);
    }
    const url = parseUrl(raw);
    this.workspace = options.workspace ?? url.searchParams.get('workspace') ?? 'default';
    if (!WORKSPACE_PATTERN.test(this.workspace)) {
      throw new DiagnosticsError([
        error('STATE_WORKSPACE_INVALID', `workspace "${this.workspace}" must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`),
      ]);
    }
    url.searchParams.delete('workspace');
    this.connectionString = url.toString();
    this.displayUrl = redactUrl(url.toString());
    this.lockWaitMs = options.lockWaitMs ?? 0;
    this.pool = new pg.Pool({ connectionString: this.connectionString, max: 2, connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async lock(owner: string): Promise<Unlock> {
    await this.init();
    const client = await this.connect(() => this.openLockClient());
    const [k1, k2] = lockKeys(this.workspace);
    try {
      // The holder records its row just after taking the lock: give it a moment to, so the error names it,
      // and take the lock instead if it is released meanwhile.
      const holderDeadline = Date.now() + this.lockWaitMs + HOLDER_WAIT_MS;
      for (let wait = true; !(await this.acquire(client, k1, k2, wait)); wait = false) {
        const holder = await this.lockHolder(client, k1, k2);
        if (holder || Date.now() >= holderDeadline) throw new DiagnosticsError([this.lockedDiagnostic(holder)]);
        await sleep(25);
      }
      await client.query(
        `INSERT INTO orderform_locks (workspace, owner, acquired_at, backend_pid) VALUES ($1, $2, now(), pg_backend_pid())
         ON CONFLICT (workspace) DO UPDATE SET owner = $2, acquired_at = now(), backend_pid = pg_backend_pid()`,
        [this.workspace, owner],
      );
    } catch (e) {
      await client.end().catch(() => undefined);
      throw this.wrap(e);
    }
    this.lockClient = client;
    this.lockLost = false;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      if (this.lockClient === client) this.lockClient = undefined;
      await client
        .query('DELETE FROM orderform_locks WHERE workspace = $1 AND backend_pid = pg_backend_pid()', [this.workspace])
        .then(() => client.query('SELECT pg_advisory_unlock($1, $2)', [k1, k2]))
        .catch(() => undefined) // connection already gone: so is the lock
        .finally(() => client.end().catch(() => undefined));
    };
  }

  async read(): Promise<StateSnapshot> {
    await this.readable();
    // One statement, one snapshot: meta and resources can't disagree.
    const { rows } = await this.query<{ lineage: string; serial: string; address: string | null; body: ResourceState | null }>(
      `SELECT s.lineage, s.serial, r.address, r.body
         FROM orderform_state s LEFT JOIN orderform_resources r ON r.workspace = s.workspace
        WHERE s.workspace = $1 ORDER BY r.address`,
      [this.workspace],
    );
    const first = rows[0];
    if (!first) throw new Error(`state row for workspace ${this.workspace} vanished`);
    const resources: Record<string, ResourceState> = {};
    for (const row of rows) if (row.address !== null && row.body !== null) resources[row.address] = row.body;
    return { version: 1, lineage: first.lineage, serial: Number(first.serial), resources };
  }

  async put(address: string, resource: ResourceState | null): Promise<void> {
    if (this.lockLost) {
      throw new DiagnosticsError([
        error('STATE_LOCK_LOST', `the connection holding the state lock for workspace "${this.workspace}" was lost; another job may be writing`, undefined,
          'Nothing more was written. Check the state with `plan` before running again.'),
      ]);
    }
    await this.init();
    await this.transaction(async (client) => {
      await client.query('UPDATE orderform_state SET serial = serial + 1 WHERE workspace = $1', [this.workspace]);
      if (resource === null) {
        await client.query('DELETE FROM orderform_resources WHERE workspace = $1 AND address = $2', [this.workspace, address]);
      } else {
        await client.query(
          `INSERT INTO orderform_resources (workspace, address, body) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (workspace, address) DO UPDATE SET body = EXCLUDED.body`,
          [this.workspace, address, JSON.stringify(resource)],
        );
      }
    });
  }

  /** Replaces the whole workspace state, lineage and serial included (state migrate), in one transaction. */
  async replace(snapshot: StateSnapshot): Promise<void> {
    await this.init();
    await this.transaction(async (client) => {
      await client.query('UPDATE orderform_state SET lineage = $2, serial = $3 WHERE workspace = $1', [this.workspace, snapshot.lineage, snapshot.serial]);
      await client.query('DELETE FROM orderform_resources WHERE workspace = $1', [this.workspace]);
      for (const [address, resource] of Object.entries(snapshot.resources)) {
        await client.query('INSERT INTO orderform_resources (workspace, address, body) VALUES ($1, $2, $3::jsonb)', [this.workspace, address, JSON.stringify(resource)]);
      }
    });
  }

  async compact(): Promise<void> {
    // Rows are written in place; nothing to fold.
  }

  async close(): Promise<void> {
    const lockClient = this.lockClient;
    this.lockClient = undefined;
    await Promise.all([lockClient?.end().catch(() => undefined), this.pool.end().catch(() => undefined)]);
  }

  /**
   * Read path (plan, show): writes nothing when the schema is current and the workspace exists, so a role
   * that may only SELECT can plan; otherwise it is the first use, which init() makes (and which needs a
   * role that can create tables and insert).
   */
  private async readable(): Promise<void> {
    if (this.ready) return this.ready;
    const current = await this.query<{ version: number; present: boolean }>(
      'SELECT version, EXISTS (SELECT 1 FROM orderform_state WHERE workspace = $1) AS present FROM orderform_schema',
      [this.workspace],
    ).then((r) => r.rows[0], () => undefined); // no schema yet (or not readable): the first use below says which
    if (current?.version === MIGRATIONS.length && current.present) return;
    await this.init().catch((e: unknown) => {
      if (!insufficientPrivilege(e)) throw e;
      throw new DiagnosticsError([
        error('STATE_NOT_INITIALIZED', `state workspace "${this.workspace}" at ${this.displayUrl} ${current ? 'does not exist yet' : 'has no orderform tables yet'}, and this database role may not create it`, undefined,
          'Run `orderform plan` once with a role that can create tables (or the apply role), then plan with this read-only role.'),
      ]);
    });
  }

  /** Creates or upgrades the schema and this workspace's row, once per store. */
  private init(): Promise<void> {
    this.ready ??= this.transaction(async (client) => {
      // Serialize concurrent first runs: CREATE TABLE IF NOT EXISTS alone races on the catalog.
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, SCHEMA_LOCK_KEY]);
      await client.query('CREATE TABLE IF NOT EXISTS orderform_schema (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM orderform_schema');
      const current = rows[0]?.version ?? 0;
      if (current > MIGRATIONS.length) {
        throw new DiagnosticsError([
          error('STATE_SCHEMA_TOO_NEW', `the state database at ${this.displayUrl} has schema version ${current}; this orderform knows up to ${MIGRATIONS.length}`, undefined,
            'Upgrade orderform to use this state.'),
        ]);
      }
      for (const migration of MIGRATIONS.slice(current)) await client.query(migration);
      await client.query(
        'INSERT INTO orderform_schema (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = $1',
        [MIGRATIONS.length],
      );
      await client.query('INSERT INTO orderform_state (workspace, lineage) VALUES ($1, $2) ON CONFLICT (workspace) DO NOTHING', [
        this.workspace,
        randomUUID(),
      ]);
    }).catch((e: unknown) => {
      this.ready = undefined; // a later call may find the server back
      throw e;
    });
    return this.ready;
  }

  private async acquire(client: pg.Client, k1: number, k2: number, wait: boolean): Promise<boolean> {
    if (!wait || this.lockWaitMs <= 0) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [k1, k2]);
      return rows[0]?.ok === true;
    }
    await client.query(`SELECT set_config('lock_timeout', $1, false)`, [`${Math.ceil(this.lockWaitMs)}ms`]);
    try {
      await client.query('SELECT pg_advisory_lock($1, $2)', [k1, k2]);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === '55P03') return false; // lock_not_available: timed out
      throw e;
    } finally {
      await client.query('RESET lock_timeout').catch(() => undefined);
    }
  }

  /** Who holds the lock: the recorded row, trusted only if its session really holds the advisory lock. */
  private async lockHolder(client: pg.Client, k1: number, k2: number): Promise<LockRow | undefined> {
    const { rows } = await client.query<LockRow>(
      `SELECT l.owner, l.acquired_at, l.backend_pid
         FROM orderform_locks l
         JOIN pg_locks p ON p.pid = l.backend_pid AND p.locktype = 'advisory' AND p.granted
          AND p.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND p.classid = $2::int4::oid AND p.objid = $3::int4::oid AND p.objsubid = 2
        WHERE l.workspace = $1`,
      [this.workspace, k1, k2],
    );
    return rows[0];
  }

  private lockedDiagnostic(holder: LockRow | undefined) {
    const who = holder
      ? `${holder.owner} since ${holder.acquired_at.toISOString()} (server pid ${holder.backend_pid})`
      : 'another job that has not recorded its name yet';
    const waited = this.lockWaitMs > 0 ? ` after waiting ${this.lockWaitMs} ms` : '';
    return error('STATE_LOCKED', `state workspace "${this.workspace}" is locked by ${who}${waited}`, undefined,
      'Wait for that run to finish. The lock is released automatically when its connection ends.');
  }

  private async query<R extends pg.QueryResultRow>(text: string, params: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.connect(() => this.pool.connect());
    try {
      return await client.query<R>(text, params);
    } catch (e) {
      throw this.wrap(e);
    } finally {
      client.release();
    }
  }

  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.connect(() => this.pool.connect());
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.wrap(e);
    } finally {
      client.release();
    }
  }

  /** Opens a connection, turning failure into a diagnostic that names the server but not the password. */
  private async connect<C>(open: () => Promise<C>): Promise<C> {
    try {
      return await open();
    } catch (e) {
      throw new DiagnosticsError([
        error('STATE_BACKEND_UNAVAILABLE', this.redact(`cannot connect to the PostgreSQL state at ${this.displayUrl}: ${message(e)}`), undefined,
          `Check the URL in ${STATE_URL_ENV} (or the config) and that the server is reachable.`),
      ]);
    }
  }

  /** A connection of its own for the lock: the advisory lock lives exactly as long as it does. */
  private async openLockClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000 });
    // Without a listener a dropped connection would crash the process; instead writes stop (see put).
    client.on('error', () => {
      if (this.lockClient === client) this.lockLost = true;
    });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    return client;
  }

  private wrap(e: unknown): Error {
    if (e instanceof DiagnosticsError) return e;
    if ((e as { code?: string }).code === '42501') {
      return new DiagnosticsError([
        error('STATE_PERMISSION_DENIED', this.redact(`PostgreSQL state at ${this.displayUrl}: ${message(e)}`), undefined,
          'This database role may not do that: plan needs SELECT on the orderform_* tables; apply and refresh also INSERT, UPDATE and DELETE (docs/ci.md).'),
      ]);
    }
    return new DiagnosticsError([
      error('STATE_BACKEND_ERROR', this.redact(`PostgreSQL state at ${this.displayUrl} failed: ${message(e)}`)),
    ]);
  }

  private redact(text: string): string {
    const encoded = new URL(this.connectionString).password;
    if (!encoded) return text;
    return [decodeURIComponent(encoded), encoded].reduce((t, secret) => t.split(secret).join('***'), text);
  }
}

/** The URL with any password replaced by `***`. Unparseable input is hidden entirely. */
function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparseable URL>';
  }
}

function parseUrl(raw: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new DiagnosticsError([
      error('STATE_URL_INVALID', `state URL ${redactUrl(raw)} is not a postgres:// URL`, undefined,
        'Expected postgres://user:password@host:port/database?workspace=name'),
    ]);
  }
  return url;
}

/** Advisory-lock key pair: the namespace and 32 bits of the workspace's SHA-256 (signed int4). */
function lockKeys(workspace: string): [number, number] {
  return [LOCK_NAMESPACE, createHash('sha256').update(workspace).digest().readInt32BE(0)];
}

function insufficientPrivilege(e: unknown): boolean {
  return e instanceof DiagnosticsError && e.diagnostics.some((d) => d.code === 'STATE_PERMISSION_DENIED');
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
