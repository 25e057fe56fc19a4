/**
 * The user's world failing — a vendor that does not answer, a full disk, a file that cannot be written,
 * an endpoint that is not an http(s) URL — reads as a coded error naming the URL or path and what to
 * check, never "internal error".
 */
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWorld, type World } from '../plan-e2e/harness.js';
import { NetworkError } from '../../engine/providers/http.js';
import { systemErrorDiagnostic } from '../../engine/system-errors.js';
import { toDiagnostic } from '../../engine/apply/errors.js';

/** Opening a file whose path matches `match` for writing fails as the kernel would make it fail. */
const fault = vi.hoisted(() => ({ current: undefined as undefined | { match: RegExp; kind: 'full' | 'denied' } }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (path, flags, mode) => {
    const f = fault.current;
    if (f && f.match.test(String(path)) && flags !== 'r' && flags !== 0) {
      // A real ENOSPC: writes through the handle fail the way a full disk fails them (no path on the error).
      if (f.kind === 'full') return real.open('/dev/full', 'w');
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { errno: -13, code: 'EACCES', syscall: 'open', path: String(path) });
    }
    return real.open(path, flags, mode);
  };
  return { ...real, open, default: { ...real, open } };
});

let world: World | undefined;
afterEach(async () => {
  fault.current = undefined;
  await world?.close();
  world = undefined;
});

const ENDPOINT_VARS = ['ORDERFORM_ONEATLAS_AUTH_URL', 'ORDERFORM_ONEATLAS_ORDER_URL', 'ORDERFORM_ONEATLAS_SEARCH_URL', 'ORDERFORM_ONEATLAS_DATA_URL', 'ORDERFORM_MAXAR_URL'];

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

describe('a vendor that does not answer', () => {
  it('plan against a stopped sandbox: ENDPOINT_UNREACHABLE with the URL and "is the sandbox running?", exit 1', async () => {
    world = await startWorld();
    const port = await closedPort();
    const env = { ...world.sb.env, ...Object.fromEntries(ENDPOINT_VARS.map((v) => [v, `http://127.0.0.1:${port}`])) };
    const { runCli } = await import('../support/capture-io.js');
    const r = await runCli(['plan', '-c', 'orders.yaml.example'], { cwd: world.dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error ENDPOINT_UNREACHABLE: cannot connect to http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(r.stderr).toContain('Is the sandbox running?');
    expect(r.stderr).not.toContain('internal error');
  }, 30_000);

  it('a host name that does not resolve: ENDPOINT_HOST_UNKNOWN naming the host and where the URL comes from', () => {
    const d = systemErrorDiagnostic(new NetworkError('POST', 'https://order.example.invalid/api/v1/orders', 'ENOTFOUND: getaddrinfo ENOTFOUND order.example.invalid', 'ENOTFOUND'));
    expect(d).toMatchObject({ code: 'ENDPOINT_HOST_UNKNOWN', summary: expect.stringContaining('https://order.example.invalid') });
    expect(d?.detail).toContain('ORDERFORM_*_URL');
  });
});

describe('the disk', () => {
  it.skipIf(!existsSync('/dev/full'))('plan --out on a full disk: DISK_FULL naming the plan file, exit 1, no file left behind', async () => {
    world = await startWorld();
    fault.current = { match: /plan\.json/, kind: 'full' };
    const r = await world.cli('plan', '-c', 'orders.yaml.example', '--out', 'plan.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error DISK_FULL: no space left on the disk to write \S+\/plan\.json \(ENOSPC\)/);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toContain('.tmp');
    expect(existsSync(`${world.dir}/plan.json`)).toBe(false);
  }, 30_000);

  it('a state file that cannot be written: FILE_ACCESS_DENIED naming it, for the CLI and for a change apply was making', async () => {
    world = await startWorld();
    fault.current = { match: /orderform\.state\.json/, kind: 'denied' };
    const r = await world.cli('refresh', '-c', 'orders.yaml.example');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error FILE_ACCESS_DENIED: permission denied \(open\): \S+\/orderform\.state\.json\S* \(EACCES\)/);
    const eacces = Object.assign(new Error("EACCES: permission denied, open '/srv/imagery/orderform.state.json'"), { code: 'EACCES', syscall: 'open', path: '/srv/imagery/orderform.state.json' });
    expect(toDiagnostic(eacces, 'orders.paris-2024-q3')).toMatchObject({
      code: 'FILE_ACCESS_DENIED',
      summary: 'orders.paris-2024-q3: permission denied (open): /srv/imagery/orderform.state.json (EACCES)',
    });
    expect(r.stderr).not.toContain('internal error');
  }, 30_000);
});

describe('a path', () => {
  it('plan --out into a folder that does not exist: PATH_NOT_FOUND naming it, exit 1', async () => {
    world = await startWorld();
    const r = await world.cli('plan', '-c', 'orders.yaml.example', '--out', 'no-such-folder/plan.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error PATH_NOT_FOUND: no such file or folder \(\w+\): \S*no-such-folder\/plan\.json\S* \(ENOENT\)/);
    expect(r.stderr).toContain('no-such-folder first');
    expect(r.stderr).not.toContain('internal error');
  }, 30_000);
});

describe('an endpoint that is not an http(s) URL', () => {
  it('in the config: ENDPOINT_URL_INVALID at its line, offline (validate)', async () => {
    world = await startWorld({ 'bad.yaml': 'providers:\n  maxar:\n    accountId: "557471230760500000"\n    endpoint: file:///etc/passwd\n' });
    const r = await world.cli('validate', 'bad.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:4:15: error ENDPOINT_URL_INVALID: this endpoint is not an http(s) URL: "file:///etc/passwd"');
  });

  it('in the environment: ENDPOINT_URL_INVALID naming the variable, before any request', async () => {
    world = await startWorld();
    const { runCli } = await import('../support/capture-io.js');
    const r = await runCli(['plan', '-c', 'orders.yaml.example'], { cwd: world.dir, env: { ...world.sb.env, ORDERFORM_ONEATLAS_ORDER_URL: 'file:///tmp/orders' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error ENDPOINT_URL_INVALID: environment variable ORDERFORM_ONEATLAS_ORDER_URL is not an http(s) URL: "file:///tmp/orders"');
    expect(world.sb.calls()).toEqual({});
  });
});
