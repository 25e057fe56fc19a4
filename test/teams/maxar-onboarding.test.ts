/**
 * A Maxar ARD user from a login to a placed order, with a user role and no account id given:
 * discover finds the account, search --vendor maxar selects over an AOI with Maxar's estimate, --pick gives
 * an order that plans at the dry-run price, applies at exactly that charge, and re-plans with no change.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { toSelectRequest } from '../../engine/providers/maxar-ard/select.js';
import { startTeam, type Team } from './harness.js';

let team: Team;
beforeAll(async () => {
  team = await startTeam();
});
afterAll(() => team.close());

const PARIS = { type: 'Polygon', coordinates: [[[2.3, 48.84], [2.34, 48.84], [2.34, 48.87], [2.3, 48.87], [2.3, 48.84]]] };

/** What the account has been charged so far, as Maxar's usage resource says. */
const usage = async (): Promise<number> => {
  const login = await fetch(`${team.sb.env.ORDERFORM_MAXAR_URL}/api/v1/auth/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: team.sb.env.ORDERFORM_MAXAR_USERNAME!, password: team.sb.env.ORDERFORM_MAXAR_PASSWORD! }),
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const r = await fetch(`${team.sb.env.ORDERFORM_MAXAR_URL}/api/v1/usage/account/557471230760500000`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { usage: { cost: { total_imagery_cost: number } } }).usage.cost.total_imagery_cost;
};

describe('Maxar ARD with a user-role login', () => {
  test('discover → search --vendor maxar --pick → plan (dry-run price) → apply (charged exactly that) → re-plan: no change', async () => {
    writeFileSync(join(team.dir, 'paris.geojson'), JSON.stringify(PARIS));
    const discovered = await team.cli(['discover', '--write', 'orders.yaml']);
    expect(discovered.code, discovered.stderr).toBe(0);
    expect(discovered.stdout).toContain('Maxar account 557471230760500000');

    const search = await team.cli(['search', '--vendor', 'maxar', '--aoi', 'paris.geojson', '--category', 'fresh', '--category', 'standard', '--max-cloud', '5']);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toMatch(/1\s+10300100ARDFRESH1\s+\S+\s+fresh/);
    expect(search.stdout).not.toContain('10300100ARDTRAIN1'); // training not asked
    expect(search.stdout).not.toContain('10300100ARDSTD001'); // 91.2 % cloud-free: more than 5 % cloud
    expect(search.stdout).toMatch(/fresh\s+9\.76\s+244\.00 USD/);

    const picked = await team.cli(['search', '--vendor', 'maxar', '--aoi', 'paris.geojson', '--pick', '1', '--output', 'yaml']);
    expect(picked.code, picked.stderr).toBe(0);
    const yaml = picked.stdout.replace('bucket: your-bucket', 'bucket: acme-ard');
    writeFileSync(join(team.dir, 'orders.yaml'), `${readFileSync(join(team.dir, 'orders.yaml'), 'utf8')}\n${yaml}`);

    team.sb.resetCalls();
    const plan = await team.cli(['plan', '--output', 'json']);
    expect(plan.code, plan.stderr).toBe(0);
    const planned = (JSON.parse(plan.stdout) as { changes: { cost: { amount: number; basis: string } | null }[] }).changes[0]!.cost!;
    expect(planned).toMatchObject({ amount: 244, basis: 'price-endpoint' });
    expect(team.sb.calls()['POST /api/v1/order (dry run)']).toBe(1);
    expect(team.sb.calls()['POST /api/v1/order']).toBeUndefined();
    expect(team.sb.calls()['GET /api/v1/admin/account/{account_id}/order']).toBeUndefined();

    const before = await usage();
    const apply = await team.cli(['apply', '--auto-approve']);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect((await usage()) - before).toBeCloseTo(planned.amount, 2);

    team.sb.resetCalls();
    const again = await team.cli(['plan', '--detailed-exitcode']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(team.sb.calls()['POST /api/v1/order (dry run)']).toBeUndefined(); // no estimate for an unchanged order
  });

  test('search criteria become a select request: datetime range, categories, cloud cover over the AOI', () => {
    expect(toSelectRequest({ aoi: PARIS as never, from: '2024-01-01', to: '2024-06-30', maxCloud: 10, categories: ['fresh'], limit: 5 })).toEqual({
      intersects: PARIS,
      datetime: '2024-01-01T00:00:00Z/2024-06-30T23:59:59Z',
      image_age_category: ['fresh'],
      query: { 'aoi:cloud_free_percentage': { gte: 90 } },
    });
  });

  // The SDK names two failed statuses (order.py: `failed: status in ["FAILED", "ERROR"]`).
  test.each(['FAILED', 'ERROR'] as const)('an order Maxar reports %s is shown as drift with Maxar\'s status and message, recorded as failed, and never ordered again by itself', async (final) => {
    const dir = `failing-${final}`;
    mkdirSync(join(team.dir, dir), { recursive: true });
    writeFileSync(join(team.dir, dir, 'orders.yaml'), `providers:
  maxar: {}
orders:
  doomed-${final}:
    vendor: maxar
    acquisitions: [10300100ARDFAIL01]
    aoi: ${JSON.stringify(PARIS)}
    output:
      s3: { bucket: acme-ard-${final.toLowerCase()} }
`);
    // Each case its own spec: the same spec under another undeclared key would be a rename (MOVE_SUGGESTED).
    const c = ['-c', `${dir}/orders.yaml`];
    team.sb.knobs.maxarFailStatus = final;
    onTestFinished(() => void (team.sb.knobs.maxarFailStatus = 'FAILED'));
    // Still running when apply reads its status back; it fails later.
    team.sb.knobs.deliveryDelayMs = 60_000;
    // The other case's order of this acquisition is still in progress at the vendor: a re-buy on purpose.
    const applied = await team.cli(['apply', ...c, '--auto-approve', '--allow-rebuy']);
    team.sb.knobs.deliveryDelayMs = 0;
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    team.sb.resetCalls();
    const plan = await team.cli(['plan', ...c, '--detailed-exitcode']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(new RegExp(`orders\\.doomed-${final}: status in-progress → failed \\(Maxar ${final}: Order failed`));
    expect(plan.stdout + plan.stderr).toMatch(new RegExp(`warning ORDER_FAILED: orders\\.doomed-${final}: the vendor reports this order failed \\(Maxar ${final}: Order failed`));
    expect(plan.stdout + plan.stderr).toContain(`give the order a new key (e.g. \`doomed-${final}-2\`) and run \`orderform state rm orders.doomed-${final}\``);
    const refreshed = await team.cli(['refresh', ...c]);
    expect(refreshed.code, refreshed.stderr).toBe(0);
    const state = JSON.parse(readFileSync(join(team.dir, dir, 'orderform.state.json'), 'utf8')) as { resources: Record<string, { status: string }> };
    expect(state.resources[`orders.doomed-${final}`]?.status).toBe('failed');
    expect(team.sb.calls()['POST /api/v1/order']).toBeUndefined();
  });

  // SDK session.py retries 429, 503 and 504; once orderform's retries are spent too, the answer has a code.
  test.each([
    ['the usage read answering 503', { errorRate: { 'GET /api/v1/usage/account/{account_id}': 1 } }, /GET \S+\/usage\/account\/557471230760500000 answered HTTP 503/],
    ['the dry run answering 504', { errorRate: { 'POST /api/v1/order (dry run)': 1 }, errorStatus: 504 }, /POST \S+\/api\/v1\/order answered HTTP 504/],
    ['the cell metadata answering 429', { rateLimit: { 'POST /api/v1/metadata/cells/acquisitions': 1 }, retryAfterSec: 0 }, /metadata\/cells\/acquisitions\S* answered HTTP 429/],
  ] as const)('%s after the retries: apply stops at the plan with VENDOR_UNAVAILABLE (never "internal error"), nothing ordered', async (_what, knobs, said) => {
    const dir = 'unavailable';
    mkdirSync(join(team.dir, dir), { recursive: true });
    writeFileSync(join(team.dir, dir, 'orders.yaml'), `providers:
  maxar: {}
orders:
  busy:
    vendor: maxar
    acquisitions: [10300100ARDFRESH1]
    aoi: ${JSON.stringify(PARIS)}
    output:
      s3: { bucket: acme-ard-busy }
`);
    Object.assign(team.sb.knobs, knobs);
    onTestFinished(() => void Object.assign(team.sb.knobs, { errorRate: {}, rateLimit: {}, errorStatus: 503, retryAfterSec: 1 }));
    team.sb.resetCalls();
    const applied = await team.cli(['apply', '-c', `${dir}/orders.yaml`, '--auto-approve']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(1);
    expect(applied.stderr).toMatch(said);
    expect(applied.stderr).toContain('error VENDOR_UNAVAILABLE');
    expect(applied.stderr).toContain('run the same command again later');
    expect(applied.stderr).not.toContain('internal error');
    expect(team.sb.calls()['POST /api/v1/order']).toBeUndefined();
  });

  test.each(['FAILED', 'ERROR'] as const)('an order Maxar already reports %s when apply reads it back: MAXAR_ORDER_FAILED with the order id, Maxar\'s status and message, apply exits 1; applying again orders nothing; a new key orders it anew', async (final) => {
    const dir = `failed-at-apply-${final}`;
    mkdirSync(join(team.dir, dir), { recursive: true });
    const write = (key: string) => writeFileSync(join(team.dir, dir, 'orders.yaml'), `providers:
  maxar: {}
orders:
  ${key}:
    vendor: maxar
    acquisitions: [10300100ARDFAIL01]
    aoi: ${JSON.stringify(PARIS)}
    output:
      s3: { bucket: acme-ard-at-apply-${final.toLowerCase()} }
`);
    // Its own spec: the other failed-status cases' orders of this acquisition must not look like a rename of it.
    write('doomed');
    const c = ['-c', `${dir}/orders.yaml`];
    team.sb.knobs.maxarFailStatus = final;
    onTestFinished(() => void (team.sb.knobs.maxarFailStatus = 'FAILED'));
    team.sb.knobs.deliveryDelayMs = 0; // finished, failed, by the status read right after placing
    team.sb.resetCalls();
    // Other cases' orders of this acquisition may still be in progress: a re-buy on purpose.
    const applied = await team.cli(['apply', ...c, '--auto-approve', '--allow-rebuy']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(1);
    expect(team.sb.calls()['POST /api/v1/order']).toBe(1);
    const state = () => JSON.parse(readFileSync(join(team.dir, dir, 'orderform.state.json'), 'utf8')) as { resources: Record<string, { status: string; remote: { orderId?: string } }> };
    const orderId = state().resources['orders.doomed']?.remote.orderId;
    expect(state().resources['orders.doomed']?.status).toBe('failed');
    expect(applied.stderr).toContain(`MAXAR_ORDER_FAILED`);
    expect(applied.stderr).toContain(`orders.doomed: Maxar placed order ${orderId}, then reported it ${final}: Order failed`);
    expect(applied.stderr).toContain('applying again does not order it again');
    expect(applied.stderr).toContain('give the order a new key (e.g. `doomed-2`) and run `orderform state rm orders.doomed`');

    team.sb.resetCalls();
    const again = await team.cli(['apply', ...c, '--auto-approve']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes');
    expect(team.sb.calls()['POST /api/v1/order']).toBeUndefined();

    // What the message tells the user to do: the new key is a new order (a failed one is no rename, no re-buy).
    write('doomed-2');
    const rm = await team.cli(['state', 'rm', 'orders.doomed', ...c]);
    expect(rm.code, rm.stdout + rm.stderr).toBe(0);
    const renamed = await team.cli(['plan', ...c, '--output', 'json']);
    expect(renamed.code, renamed.stdout + renamed.stderr).toBe(0);
    const plan = JSON.parse(renamed.stdout) as { changes: { address: string; action: string }[]; diagnostics: { code: string }[] };
    expect(plan.changes.find((ch) => ch.address === 'orders.doomed-2')?.action).toBe('create');
    expect(plan.diagnostics.map((d) => d.code)).not.toContain('MOVE_SUGGESTED');
  });
});
