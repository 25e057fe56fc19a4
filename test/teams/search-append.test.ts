/** init's starter and search --pick/--append: what a new user runs first never buys everything listed nor breaks the file. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTeam, type Team } from './harness.js';

const PARIS = { type: 'Polygon', coordinates: [[[2.33, 48.85], [2.37, 48.85], [2.37, 48.87], [2.33, 48.87], [2.33, 48.85]]] };

let team: Team;
beforeAll(async () => {
  team = await startTeam();
  writeFileSync(join(team.dir, 'site.geojson'), JSON.stringify(PARIS));
  expect((await team.cli(['init'])).code).toBe(0);
  expect((await team.cli(['discover', '--write', 'orders.yaml'])).code).toBe(0);
});
afterAll(() => team.close());

describe('init, then search', () => {
  test("init's starter has an active budget and safety.maxSpendWithoutFlag, and its hint picks one item", async () => {
    const again = await team.cli(['init', 'other.yaml']);
    expect(again.stdout).toContain('orderform search --aoi site.geojson --pick 1 --append other.yaml');
    const text = readFileSync(join(team.dir, 'other.yaml'), 'utf8');
    expect(text).toMatch(/^budget:\n {2}total: \{ EUR: \d+ \}/m);
    expect(text).toMatch(/^safety:\n {2}maxSpendWithoutFlag: \{ EUR: \d+ \}/m);
  });

  test('--output yaml without --pick is refused when several items match', async () => {
    const r = await team.cli(['search', '--aoi', 'site.geojson', '--output', 'yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SEARCH_PICK_REQUIRED: \d+ items match; --output yaml needs --pick/);
    expect(r.stdout).toBe('');
  });

  test('--pick 1 --append adds one order under orders:, twice is refused (the file stays valid), and plan shows one order within budget', async () => {
    const first = await team.cli(['search', '--aoi', 'site.geojson', '--constellation', 'PHR', '--pick', '1', '--append', 'orders.yaml']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Added orders\.site-phr-\d{8} to orders\.yaml/);
    const once = readFileSync(join(team.dir, 'orders.yaml'), 'utf8');
    expect(once.match(/^orders:/gm)).toHaveLength(1);
    expect(once).toContain('# alerts:'); // the starter's comments are kept

    const second = await team.cli(['search', '--aoi', 'site.geojson', '--constellation', 'PHR', '--pick', '1', '--append', 'orders.yaml']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('ORDER_KEY_EXISTS');
    expect(readFileSync(join(team.dir, 'orders.yaml'), 'utf8')).toBe(once);

    const other = await team.cli(['search', '--aoi', 'site.geojson', '--constellation', 'PHR', '--pick', '2', '--append', 'orders.yaml']);
    expect(other.code, other.stderr).toBe(0);
    const validate = await team.cli(['validate']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/2 OneAtlas orders/);
    const plan = await team.cli(['plan']);
    expect(plan.stdout).toMatch(/budget\.total EUR: planned [\d,.]+ EUR of 5,000\.00 EUR/);
  });
});
