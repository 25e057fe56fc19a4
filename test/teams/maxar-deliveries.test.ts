/**
 * `orderform deliveries` for Maxar ARD: Maxar writes an order into the user's own bucket, so deliveries shows each
 * order's status and that place, from one order listing: the account's for an admin login (seed 004), the login's
 * own for a user role, known from /auth/self or from one 403 — never a failure. The order date range becomes the
 * listing's start_date/end_date; the status filter is matched on what Maxar reports now.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAXAR_ADMIN_LOGIN } from '../../sandbox/index.js';
import { startTeam, type Team } from './harness.js';

const PARIS = JSON.stringify({ type: 'Polygon', coordinates: [[[2.3, 48.84], [2.34, 48.84], [2.34, 48.87], [2.3, 48.87], [2.3, 48.84]]] });
const order = (key: string, acquisition: string, output: string) => `  ${key}:
    vendor: maxar
    acquisitions: [${acquisition}]
    aoi: ${PARIS}
    output:
      ${output}
`;
const CONFIG = `providers:
  maxar: {}
orders:
${order('paris-fresh', '10300100ARDFRESH1', 's3: { bucket: acme-ard, prefix: paris/fresh }')}${order('paris-doomed', '10300100ARDFAIL01', 's3: { bucket: acme-ard }')}`;
const ADMIN = { ORDERFORM_MAXAR_USERNAME: MAXAR_ADMIN_LOGIN.username, ORDERFORM_MAXAR_PASSWORD: MAXAR_ADMIN_LOGIN.password };
const ACCOUNT_LIST = 'GET /api/v1/admin/account/{account_id}/order';
const OWN_LIST = 'GET /api/v1/order';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Listed {
  address: string;
  vendor: string;
  orderId?: string;
  status?: string;
  location?: string;
  products: unknown[];
}

let team: Team;
beforeAll(async () => {
  team = await startTeam();
  writeFileSync(join(team.dir, 'orders.yaml'), CONFIG);
  const apply = await team.cli(['apply', '--auto-approve']);
  // The doomed order is already FAILED when apply reads it back: placed and recorded, and reported (exit 1).
  expect(apply.code, apply.stdout + apply.stderr).toBe(1);
  expect(apply.stdout).toContain('Apply complete: 2 done, 0 failed');
  expect(apply.stderr).toContain('MAXAR_ORDER_FAILED: orders.paris-doomed');
});
afterAll(() => team.close());

const list = async (args: string[] = [], env?: Record<string, string>) => {
  team.sb.resetCalls();
  const r = await team.cli(['deliveries', '--output', 'json', ...args], env ? { env } : {});
  expect(r.code, r.stderr).toBe(0);
  return { orders: JSON.parse(r.stdout) as Listed[], calls: team.sb.calls() };
};

describe('deliveries of Maxar orders', () => {
  test('a user-role login: its own listing, each order with Maxar\'s status and the bucket it was written to', async () => {
    const { orders, calls } = await list();
    expect(orders.map((o) => [o.address, o.vendor, o.status?.split(':')[0], o.location])).toEqual([
      ['orders.paris-doomed', 'maxar', 'FAILED', 's3://acme-ard/'],
      ['orders.paris-fresh', 'maxar', 'SUCCEEDED', 's3://acme-ard/paris/fresh'],
    ]);
    expect(orders[0]!.status).toMatch(/^FAILED: Order failed/);
    expect(orders.every((o) => /^\d{19}$/.test(o.orderId ?? '') && o.products.length === 0)).toBe(true);
    expect(calls[OWN_LIST]).toBe(1);
    expect(calls[ACCOUNT_LIST]).toBeUndefined();
    const text = await team.cli(['deliveries']);
    expect(text.stdout).toMatch(/orders\.paris-fresh\s+\d{19}\s+SUCCEEDED\s+s3:\/\/acme-ard\/paris\/fresh/);
  });

  test('an admin login: the account listing (seed 004), the same orders', async () => {
    const { orders, calls } = await list([], ADMIN);
    expect(orders.map((o) => [o.address, o.status?.split(':')[0]])).toEqual([['orders.paris-doomed', 'FAILED'], ['orders.paris-fresh', 'SUCCEEDED']]);
    expect(calls[ACCOUNT_LIST]).toBe(1);
    expect(calls[OWN_LIST]).toBeUndefined();
  });

  test('when /auth/self does not say the role: an admin keeps the account listing, a user falls back after one 403 (plan too)', async () => {
    team.sb.knobs.maxarSelfAdmin = false;
    try {
      const user = await list();
      expect(user.orders).toHaveLength(2);
      expect([user.calls[ACCOUNT_LIST], user.calls[OWN_LIST]]).toEqual([1, 1]);
      const admin = await list([], ADMIN);
      expect(admin.orders).toHaveLength(2);
      expect([admin.calls[ACCOUNT_LIST], admin.calls[OWN_LIST]]).toEqual([1, undefined]);
      // plan's refresh reads the same way: no change, no failure on the role.
      const plan = await team.cli(['plan', '--detailed-exitcode']);
      expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    } finally {
      team.sb.knobs.maxarSelfAdmin = true;
    }
  });

  test('--status narrows to what Maxar reports; --ordered-from/--ordered-to are the listing\'s start_date/end_date', async () => {
    const addresses = async (...args: string[]) => (await list(args)).orders.map((o) => o.address);
    expect(await addresses('--status', 'delivered')).toEqual(['orders.paris-fresh']);
    expect(await addresses('--status', 'failed')).toEqual(['orders.paris-doomed']);
    expect(await addresses('--status', 'in-progress')).toEqual([]);
    expect(await addresses('--ordered-from', day(0), '--ordered-to', day(0))).toEqual(['orders.paris-doomed', 'orders.paris-fresh']);
    expect(await addresses('--ordered-from', day(1))).toEqual([]);
    expect(await addresses('--ordered-to', day(-1))).toEqual([]);
    expect(await addresses('--ordered-from', day(-1), '--status', 'delivered')).toEqual(['orders.paris-fresh']);
    expect((await team.cli(['deliveries', '--status', 'in-progress'])).stdout).toBe('No order in state matches these filters.\n');
    const bad = await team.cli(['deliveries', '--ordered-from', 'June']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INVALID_DATE');
    const reversed = await team.cli(['deliveries', '--ordered-from', day(1), '--ordered-to', day(0)]);
    expect(reversed.stderr).toContain('INVALID_DATE_RANGE');
  });

  test('an order placed by another login, which a user role cannot list: shown as not listed, not a failure', async () => {
    mkdirSync(join(team.dir, 'admin'));
    writeFileSync(join(team.dir, 'admin', 'orders.yaml'), `providers:\n  maxar: {}\norders:\n${order('by-admin', '10300100ARDSTD001', 's3: { bucket: admin-ard }')}`);
    const c = ['-c', 'admin/orders.yaml'];
    // The admin login also lists the account's history, which bought this acquisition before: a re-buy on purpose.
    const applied = await team.cli(['apply', ...c, '--auto-approve', '--allow-rebuy'], { env: ADMIN });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const asUser = await team.cli(['deliveries', ...c, '--output', 'json']);
    expect(asUser.code, asUser.stderr).toBe(0);
    expect(JSON.parse(asUser.stdout)).toMatchObject([{ address: 'orders.by-admin', status: 'not listed', location: 's3://admin-ard/' }]);
    const asAdmin = await team.cli(['deliveries', ...c, '--output', 'json'], { env: ADMIN });
    expect(JSON.parse(asAdmin.stdout)).toMatchObject([{ address: 'orders.by-admin', status: 'SUCCEEDED' }]);
  });

  test('--download has nothing to fetch from Maxar: it says where each order was written', async () => {
    const r = await team.cli(['deliveries', '--download', 'imagery']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('orders.paris-fresh (SUCCEEDED): written by the vendor to s3://acme-ard/paris/fresh');
    expect(r.stdout).toMatch(/0 of 0 products in imagery\n$/);
    expect(readdirSync(team.dir)).not.toContain('imagery');
  });
});
