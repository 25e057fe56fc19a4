/**
 * Never twice, by identity: an order is found at the vendor by what its reference encodes, not only by the
 * reference itself. A renamed key with no state is found by its spec digest (the old key's derived reference),
 * and a declared reference found at the vendor is adopted only if the whole spec the vendor shows matches.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoiNameOf, cli, configYaml, PARIS, tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';

const { sb } = useSandbox();

const state = (dir: string) => JSON.parse(readFileSync(join(dir, 'orderform.state.json'), 'utf8')).resources;
const loseState = (dir: string) => {
  for (const f of ['orderform.state.json', 'orderform.state.json.journal']) rmSync(join(dir, f), { force: true });
};
const codes = (p: { diagnostics: { code: string }[] }) => p.diagnostics.map((d) => d.code);
const creating = (p: { changes: { action: string }[] }) => p.changes.filter((c) => ['create', 'request-quotation', 'accept'].includes(c.action));

async function applied(dir: string, ...flags: string[]): Promise<void> {
  const r = await cli(['apply', '--auto-approve', ...flags], dir, sb().env);
  expect(r.code, r.err + r.out).toBe(0);
}

/** The fixture's config with `customerReference: REF` on every OneAtlas order and, optionally, another AOI. */
function withReference(o: FixtureOptions, ref: string, aoi = PARIS): string {
  return configYaml(o)
    .replaceAll('    primaryMarket: CARTO\n', `    primaryMarket: CARTO\n    customerReference: ${ref}\n`)
    .replace(`coordinates: [${PARIS}] }`, `coordinates: [${aoi}] }`);
}

describe('a renamed key with no state', () => {
  it('is never bought again: MOVE_SUGGESTED names the moved entry; with it, plan adopts the vendor order under the new key', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['rn-old'], maxar: ['rnm-old'] });
    await applied(dir);
    const before = state(dir);
    loseState(dir);
    // The same spec under new keys (the fixture names the Maxar output prefix after the key).
    const file = join(dir, 'orders.yaml');
    writeFileSync(file, configYaml({ legacy: ['rn-new'], maxar: ['rnm-new'] }, aoiNameOf(dir)).replace('prefix: ard/rnm-new', 'prefix: ard/rnm-old'));
    sb().resetCalls();

    const plan = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    expect(creating(plan)).toEqual([]);
    const suggested = plan.diagnostics.filter((d: { code: string }) => d.code === 'MOVE_SUGGESTED');
    expect(suggested.map((d: { detail: string }) => d.detail.match(/`moved: [^`]*`/)?.[0]).sort()).toEqual([
      '`moved: [{ from: orders.rn-old, to: orders.rn-new }]`',
      '`moved: [{ from: orders.rnm-old, to: orders.rnm-new }]`',
    ]);
    expect(suggested.map((d: { summary: string }) => d.summary).join('\n')).toContain(`Maxar order ${before['orders.rnm-old'].remote.orderId}`);
    const refused = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(refused.code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});

    writeFileSync(file, `${readFileSync(file, 'utf8')}\nmoved:\n  - { from: orders.rn-old, to: orders.rn-new }\n  - { from: orders.rnm-old, to: orders.rnm-new }\n`);
    const moved = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    expect(moved.changes.map((c: { address: string; action: string; reason: string }) => `${c.address} ${c.action} ${c.reason}`)).toEqual([
      'orders.rn-new adopt moved',
      'orders.rnm-new adopt moved',
    ]);
    await applied(dir);
    expect(mutatingCalls(sb())).toEqual({});
    const after = state(dir);
    expect(after['orders.rn-new'].remote).toMatchObject({ customerReference: before['orders.rn-old'].remote.customerReference, salesOrderId: before['orders.rn-old'].remote.salesOrderId });
    expect(after['orders.rnm-new'].remote).toMatchObject({ customerReference: before['orders.rnm-old'].remote.customerReference, orderId: before['orders.rnm-old'].remote.orderId });
    expect((await cli(['plan', '--detailed-exitcode'], dir, sb().env)).code).toBe(0);
  });
});

describe('a declared customerReference found at the vendor', () => {
  it('is adopted when the spec the vendor shows is exactly this one, and is REFERENCE_HELD_BY_OTHER_ORDER (naming both) when it differs', async () => {
    const dir = tempDir();
    const file = join(dir, 'orders.yaml');
    writeFileSync(file, withReference({ neo: ['ref-a'] }, 'team-ref-1'));
    await applied(dir);
    const quotation = state(dir)['orders.ref-a'].remote.quotationId;
    loseState(dir);

    writeFileSync(file, withReference({ neo: ['ref-b'] }, 'team-ref-1'));
    const same = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    expect(same.changes[0], JSON.stringify(same.diagnostics)).toMatchObject({ address: 'orders.ref-b', action: 'adopt', adopt: { vendorId: `quotation ${quotation}` } });

    const other = '[[2.30, 48.83], [2.32, 48.83], [2.32, 48.84], [2.30, 48.84], [2.30, 48.83]]';
    writeFileSync(file, withReference({ neo: ['ref-b'] }, 'team-ref-1', other));
    sb().resetCalls();
    const plan = await cli(['plan', '-o', 'json'], dir, sb().env);
    const p = JSON.parse(plan.out);
    expect(creating(p)).toEqual([]);
    expect(codes(p)).toContain('REFERENCE_HELD_BY_OTHER_ORDER');
    const held = p.diagnostics.find((d: { code: string }) => d.code === 'REFERENCE_HELD_BY_OTHER_ORDER');
    expect(held.summary).toBe(`orders.ref-b: reference team-ref-1 is already used at the vendor by quotation ${quotation}, which is not this order (it differs in aois)`);
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});
  });
});

describe('imagery already owned', () => {
  const HALF_EAST = '[[2.345, 48.85], [2.375, 48.85], [2.375, 48.87], [2.345, 48.87], [2.345, 48.85]]';

  it('a new order of an item state holds as bought, over an overlapping AOI: a warning with the overlap and the earlier order; apply needs --allow-rebuy, also for a saved plan', async () => {
    const dir = tempDir();
    const file = writeConfig(dir, { legacy: ['own-a'] });
    await applied(dir);
    const sales = state(dir)['orders.own-a'].remote.salesOrderId;
    // Later, own-a gone from the config (kept in state): an order of the same item over an AOI half inside it.
    const yaml = readFileSync(writeConfig(dir, { legacy: ['own-b'] }), 'utf8');
    const at = yaml.lastIndexOf(`coordinates: [${PARIS}]`);
    writeFileSync(file, `${yaml.slice(0, at)}coordinates: [${HALF_EAST}]${yaml.slice(at + `coordinates: [${PARIS}]`.length)}`);
    sb().resetCalls();

    const expected = `orders.own-b buys imagery already bought: orders.own-a (${sales}): item 5eed0000-0000-4000-8000-000000000001: 2.44 km² (50% of this order's AOI)`;
    const text = await cli(['plan'], dir, sb().env);
    expect(text.out).toContain(expected);
    expect(text.out).toContain('ALREADY_OWNED 1 new order re-buys imagery already bought (orders.own-b): apply needs --allow-rebuy');
    const json = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    expect(json.diagnostics.find((d: { code: string }) => d.code === 'ALREADY_OWNED')).toMatchObject({ severity: 'warning', summary: expected, source: { path: 'orders.own-b' } });
    expect(json.approvals).toEqual([expect.objectContaining({ code: 'ALREADY_OWNED', flag: '--allow-rebuy', value: 1 })]);
    expect((await cli(['plan', '-o', 'markdown'], dir, sb().env)).out).toContain('ALREADY_OWNED');

    const refused = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('ALREADY_OWNED');
    expect(refused.err).toContain('run again with --allow-rebuy');
    expect((await cli(['plan', '--out', 'plan.json'], dir, sb().env)).code).toBe(0);
    expect((await cli(['apply', 'plan.json'], dir, sb().env)).code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});
    const rebuy = await cli(['apply', 'plan.json', '--allow-rebuy'], dir, sb().env);
    expect(rebuy.code, rebuy.err + rebuy.out).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1 });
  });

  it('orders the config declares together are not re-buys of each other: one bought in an interrupted apply, the other on the re-run, no flag', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['pair-a'] });
    await applied(dir);
    writeConfig(dir, { legacy: ['pair-a', 'pair-b'] });
    const plan = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    expect(codes(plan)).not.toContain('ALREADY_OWNED');
    expect(plan.approvals).toEqual([]);
  });

  it('with no state, a SPOT/Pléiades item the delivery workspace shows delivered over an overlapping AOI is found by its datastrip: one catalogue search for the new order, none for an unchanged plan', async () => {
    const first = tempDir();
    writeConfig(first, { legacy: ['dl-a'] });
    await applied(first);
    const earlier = state(first)['orders.dl-a'].remote;
    // Another folder with no state (its own AOI name): the same catalogue item over an AOI half inside the delivered one.
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.yaml'), configYaml({ legacy: ['dl-b'] }, aoiNameOf(dir)).replace(`coordinates: [${PARIS}]`, `coordinates: [${HALF_EAST}]`));
    sb().resetCalls();
    const plan = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    expect(plan.diagnostics.find((d: { code: string }) => d.code === 'ALREADY_OWNED')?.summary).toBe(
      `orders.dl-b buys imagery already bought: sales order ${earlier.salesOrderId} (reference ${earlier.customerReference}): ` +
        "item 5eed0000-0000-4000-8000-000000000001: 2.44 km² (50% of this order's AOI)",
    );
    // The workspace read plan makes anyway, and one catalogue search for the new order's items.
    expect(sb().calls()['POST /api/v2/opensearch']).toBe(2);
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});
    await applied(dir, '--allow-rebuy');
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1 });

    sb().resetCalls();
    const unchanged = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    expect(creating(unchanged)).toEqual([]);
    expect(codes(unchanged)).not.toContain('ALREADY_OWNED');
    expect(sb().calls()['POST /api/v2/opensearch']).toBe(1); // the workspace only: no catalogue search for an order state holds
  });

  it('with no state, an item the Maxar order listing shows bought over the same AOI is found too (no extra call)', async () => {
    const first = tempDir();
    writeConfig(first, { maxar: ['mx-a'] });
    await applied(first, '--allow-rebuy'); // the first test bought these acquisitions already
    const earlier = state(first)['orders.mx-a'].remote;
    // Another folder, another key and output: not a rename, but the same acquisitions over the same AOI.
    const dir = tempDir();
    writeConfig(dir, { maxar: ['mx-b'] });
    sb().resetCalls();
    const plan = JSON.parse((await cli(['plan', '-o', 'json'], dir, sb().env)).out);
    const listings = Object.entries(sb().calls()).filter(([route, n]) => n > 0 && /order/.test(route) && route.startsWith('GET'));
    expect(listings.map(([, n]) => n)).toEqual([1]);
    // (The sandbox holds earlier tests' orders of these acquisitions too: each is listed.)
    const owned = plan.diagnostics.find((d: { code: string }) => d.code === 'ALREADY_OWNED').summary;
    expect(owned).toMatch(/^orders\.mx-b buys imagery already bought: /);
    expect(owned).toContain(
      `Maxar order ${earlier.orderId} (reference ${earlier.customerReference}): ` +
        'item 10300100ARDFRESH1: 4.88 km² (100% of this order\'s AOI); item 10300100ARDSTD001: 4.88 km² (100% of this order\'s AOI)',
    );
    expect((await cli(['apply', '--auto-approve'], dir, sb().env)).code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});
    expect((await cli(['apply', '--auto-approve', '--allow-rebuy'], dir, sb().env)).code).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/order': 1 });
  });
});
