/**
 * A throwaway PostgreSQL server for tests: initdb into a temp dir, start on a free loopback port with
 * password auth, return its URL; stop() kills it and deletes the directory. initdb refuses to run as
 * root (this machine and CI), so then the server runs as an unprivileged user through `runuser`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** `postgres://orderform:<password>@127.0.0.1:<port>/postgres` */
  url: string;
  password: string;
  port: number;
  /** The URL of another database on this server. */
  urlFor(database: string): string;
  /** One statement on a fresh connection (to `database`, default postgres), for assertions and fault injection. */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[], database?: string): Promise<R[]>;
  stop(): Promise<void>;
}

const BIN_DIRS = ['/usr/lib/postgresql/15/bin'];
const SUPERUSER = 'orderform';
const FALLBACK_OS_USER = 'orderform-pg';

/** Directory holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed at all. */
export function findPostgresBinDir(): string | null {
  const pathDirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  for (const dir of [...pathDirs, ...BIN_DIRS]) {
    if (['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)))) return dir;
  }
  return null;
}

export async function startPostgres(): Promise<TestPostgres> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('no PostgreSQL binaries (initdb, pg_ctl, postgres) in PATH or /usr/lib/postgresql/15/bin');
  const osUser = process.getuid?.() === 0 ? unprivilegedUser() : null;
  // As root, the server's user must be able to reach the directory: $TMPDIR may be private to root.
  const dir = mkdtempSync(join(osUser ? '/tmp' : tmpdir(), 'orderform-pg-'));
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  writeFileSync(join(dir, 'pwfile'), `${password}\n`);
  if (osUser) {
    chownSync(dir, osUser.uid, osUser.gid);
    chownSync(join(dir, 'pwfile'), osUser.uid, osUser.gid);
  }
  const run = (bin: string, args: string[]): void => {
    const cmd = join(binDir, bin);
    const [file, argv] = osUser ? ['runuser', ['-u', osUser.name, '--', cmd, ...args]] : [cmd, args];
    execFileSync(file, argv, { cwd: dir, stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  const pgCtl = (args: string[]): void => run('pg_ctl', ['-D', data, ...args]);
  try {
    run('initdb', ['-D', data, '-U', SUPERUSER, '--pwfile', join(dir, 'pwfile'), '-A', 'scram-sha-256',
      '-E', 'UTF8', '--no-locale', '--no-sync']);
    pgCtl(['-l', join(dir, 'server.log'), '-w', '-t', '60', 'start',
      '-o', `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL in ${dir}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
  const urlFor = (database: string) => `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    password,
    port,
    urlFor,
    async sql(text, params, database = 'postgres') {
      const client = new pg.Client({ connectionString: urlFor(database) });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      try {
        pgCtl(['-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The `postgres` system user if the package created one, else a system user made for the tests. */
function unprivilegedUser(): { name: string; uid: number; gid: number } {
  const lookup = (name: string) => {
    try {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, name], { stdio: 'pipe' }).toString()));
      return { name, uid: uid!, gid: gid! };
    } catch {
      return null;
    }
  };
  const existing = lookup('postgres') ?? lookup(FALLBACK_OS_USER);
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', FALLBACK_OS_USER], { stdio: 'pipe' });
  } catch (e) {
    // Another test file may have created it a moment ago.
    if (!lookup(FALLBACK_OS_USER)) throw e;
  }
  return lookup(FALLBACK_OS_USER)!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
