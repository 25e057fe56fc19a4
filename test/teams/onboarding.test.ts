import { readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTeam, type Team } from './harness.js';

const PARIS = {
  type: 'Feature',
  properties: { name: 'Paris centre' },
  geometry: { type: 'Polygon', coordinates: [[[2.33, 48.85], [2.37, 48.85], [2.37, 48.87], [2.33, 48.87], [2.33, 48.85]]] },
};

let team: Team;
beforeAll(async () => {
  team = await startTeam();
  writeFileSync(join(team.dir, 'paris.geojson'), JSON.stringify(PARIS));
});
afterAll(() => team.close());

describe('from API key to a first valid config', () => {
  test('init → discover --write → search --pick → append → validate', async () => {
    const init = await team.cli(['init']);
    expect(init.code, init.stderr).toBe(0);
    const written = readFileSync(join(team.dir, 'orders.yaml'), 'utf8');
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=./orderform.schema.json');
    expect(existsSync(join(team.dir, 'orderform.schema.json'))).toBe(true);

    const discover = await team.cli(['discover', '--write', 'orders.yaml']);
    expect(discover.code, discover.stderr).toBe(0);
    const withProviders = readFileSync(join(team.dir, 'orders.yaml'), 'utf8');
    expect(withProviders).toContain('contractId: CTR21000411');
    expect(withProviders).toContain('workspace: ws-legacy-sandbox');
    expect(withProviders).toContain('apiKeyEnv: ORDERFORM_ONEATLAS_API_KEY');
    // The commented examples survive the rewrite.
    expect(withProviders).toContain('# alerts:');

    const search = await team.cli(['search', '--aoi', 'paris.geojson', '--constellation', 'PHR', '--constellation', 'PNEO', '--max-cloud', '10', '--pick', '1,2', '--output', 'yaml']);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toContain('orders:');
    expect(search.stdout).toContain('file: paris.geojson');
    expect(search.stdout).not.toContain('*a1');
    appendFileSync(join(team.dir, 'orders.yaml'), `\n${search.stdout}`);

    const validate = await team.cli(['validate']);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/^OK: 1 file, 2 OneAtlas orders/);
  });
});
