import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProgress, applyProgressHooks } from '../../cli/render/progress.js';
import { renderTable } from '../../cli/render/table.js';
import { writeProviders } from '../../engine/discover/write-providers.js';
import type { Discovery } from '../../engine/discover/discover.js';
import { toSearchRequest } from '../../engine/providers/oneatlas/catalog-search.js';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import type { Change } from '../../engine/plan/types.js';
import { startTeam, type Team } from './harness.js';

const AOI = { type: 'Polygon' as const, coordinates: [[[2.33, 48.85], [2.37, 48.85], [2.37, 48.87], [2.33, 48.87], [2.33, 48.85]]] };

let team: Team;
beforeAll(async () => {
  team = await startTeam();
  writeFileSync(join(team.dir, 'site.geojson'), JSON.stringify(AOI));
});
afterAll(() => team.close());

describe('init', () => {
  test('writes a config that validates as is, and refuses to overwrite without --force', async () => {
    expect((await team.cli(['init', 'fresh.yaml'])).code).toBe(0);
    const validate = await team.cli(['validate', 'fresh.yaml']);
    expect(validate.code, validate.stderr).toBe(0);
    writeFileSync(join(team.dir, 'fresh.yaml'), 'mine: true\n');
    const again = await team.cli(['init', 'fresh.yaml']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('CONFIG_EXISTS');
    expect(readFileSync(join(team.dir, 'fresh.yaml'), 'utf8')).toBe('mine: true\n');
    expect((await team.cli(['init', 'fresh.yaml', '--force', '--maxar-account', '557471230760500000'])).code).toBe(0);
    expect(readFileSync(join(team.dir, 'fresh.yaml'), 'utf8')).toContain('accountId: "557471230760500000"');
    expect((await team.cli(['validate', 'fresh.yaml'])).code).toBe(0);
  });
});

describe('discover', () => {
  const found: Discovery = {
    oneatlas: {
      contracts: [
        { contractId: 'CTR1', name: 'Main PPO', backend: 'legacy', currency: 'EUR', creditRemaining: 1, workspace: 'ws-1', productTypes: [], markets: [], deliveryTypes: [] },
        { contractId: 'CTR2', name: 'Main PPO', backend: 'neo', currency: 'EUR', creditRemaining: 1, workspace: 'ws-2', productTypes: [], markets: [], deliveryTypes: [] },
      ],
      countries: [],
      labels: [],
    },
  };
  const keys = { oneatlas: { apiKeyEnv: 'MY_KEY' }, maxar: { usernameEnv: 'MY_MAXAR_USER', passwordEnv: 'MY_MAXAR_PASSWORD' } };

  test('--write keeps comments and the names already given to contracts', () => {
    const before = '# my imagery\nproviders:\n  oneatlas:\n    contracts:\n      ours: # the legacy one\n        contractId: CTR1\n        backend: neo\nbudget: { total: { EUR: 5 } } # ceiling\n';
    const after = writeProviders(before, found, keys);
    expect(after).toContain('# my imagery');
    expect(after).toContain('# the legacy one');
    expect(after).toContain('budget: { total: { EUR: 5 } } # ceiling');
    expect(after).toMatch(/ours:\n\s+# the legacy one\n\s+contractId: CTR1\n\s+backend: legacy\n\s+workspace: ws-1/);
    expect(after).toMatch(/main-ppo:\n\s+contractId: CTR2/);
    expect(after).toContain('apiKeyEnv: MY_KEY');
  });

  test('as JSON, with the Maxar account, and an unknown product type is a diagnostic', async () => {
    const r = await team.cli(['discover', '--output', 'json', '--maxar-account', '557471230760500000']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Discovery;
    expect(json.oneatlas?.contracts.map((c) => c.contractId)).toEqual(['CTR21000411', 'CTR22000777']);
    expect(json.maxar?.accountId).toBe('557471230760500000');
    const bad = await team.cli(['discover', '--product-type', 'NoSuchType']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('UNKNOWN_PRODUCT_TYPE');
  });
});

describe('search', () => {
  test('criteria become opensearch intervals; a bare --to date includes its day', () => {
    const query = { aoi: AOI, limit: 5, acquired: { from: '2024-01-01', to: '2024-06-30' }, maxCloud: 10, maxIncidence: 20, constellations: ['PHR', 'SPOT'] as const };
    expect(toSearchRequest({ ...query, constellations: [...query.constellations], updated: { from: '2025-01-01' }, published: { to: '2025-02-01' } })).toEqual({
      geometry: AOI,
      acquisitionDate: '[2024-01-01T00:00:00.000Z,2024-06-30T23:59:59.999Z]',
      lastUpdateDate: '[2025-01-01T00:00:00.000Z,]',
      publicationDate: '[,2025-02-01T23:59:59.999Z]',
      cloudCover: '[0,10]',
      incidenceAngle: '[0,20]',
      constellation: 'PHR,SPOT',
    });
    expect(() => toSearchRequest({ aoi: AOI, limit: 5, acquired: { from: 'June' } })).toThrow(DiagnosticsError);
    expect(() => toSearchRequest({ aoi: AOI, limit: 5, updated: { from: '2025-02-01', to: '2025-01-01' } })).toThrow('INVALID_DATE_RANGE');
  });

  test('lists items matching the filters, and refuses a pick that is not listed', async () => {
    const r = await team.cli(['search', '--aoi', 'site.geojson', '--from', '2024-01-01', '--max-cloud', '5', '--limit', '3', '--output', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as { index: number; acquisitionDate: string; cloudCover: number }[];
    expect(hits.map((h) => h.index)).toEqual([1, 2, 3]);
    for (const h of hits) {
      expect(h.acquisitionDate >= '2024-01-01').toBe(true);
      expect(h.cloudCover).toBeLessThanOrEqual(5);
    }
    const text = await team.cli(['search', '--aoi', 'site.geojson', '--limit', '3']);
    expect(text.stdout).toMatch(/^#\s+id\s+mission/);
    expect(text.stdout).toContain('orders:');
    const bad = await team.cli(['search', '--aoi', 'site.geojson', '--limit', '3', '--pick', '4']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INVALID_PICK');
  });
});

describe('search, the rest of the seed', () => {
  test('harvests by lastUpdateDate and publicationDate (--updated-from/--published-from)', async () => {
    const hits = async (...flags: string[]) => {
      const r = await team.cli(['search', '--aoi', 'site.geojson', '--limit', '5', '--output', 'json', ...flags]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as unknown[]).length;
    };
    expect(await hits('--updated-from', '2000-01-01', '--sort=-lastUpdateDate')).toBe(5);
    expect(await hits('--updated-from', '2100-01-01')).toBe(0);
    expect(await hits('--published-to', '2000-01-01')).toBe(0);
    expect(await hits('--published-from', '2000-01-01', '--published-to', '2100-01-01')).toBe(5);
  });

  test('writes the stereo and tristereo product types for stereo and tristereo items, and the skeleton plans', async () => {
    // Rotterdam: a SPOT 6 stereo pair and a Pléiades Neo stereo pair (sandbox showcase).
    const rotterdam = { type: 'Polygon', coordinates: [[[4.40, 51.88], [4.45, 51.88], [4.45, 51.91], [4.40, 51.91], [4.40, 51.88]]] };
    writeFileSync(join(team.dir, 'rotterdam.geojson'), JSON.stringify(rotterdam));
    const providers = 'providers:\n  oneatlas:\n    contracts:\n      legacy: { contractId: CTR21000411, backend: legacy }\n      neo: { contractId: CTR22000777, backend: neo }\n';
    writeFileSync(join(team.dir, 'stereo.yaml'), providers);
    const listed = await team.cli(['search', '-c', 'stereo.yaml', '--aoi', 'rotterdam.geojson', '--limit', '100', '--output', 'json']);
    const items = JSON.parse(listed.stdout) as { index: number; id: string; mode: string }[];
    const pick = ['5eed0000-0000-4000-8000-000000000005', '5eed0000-0000-4000-8000-000000000008'].map((id) => items.find((h) => h.id === id)!);
    expect(pick.map((h) => h.mode)).toEqual(['stereo', 'stereo']);
    const yaml = await team.cli(['search', '-c', 'stereo.yaml', '--aoi', 'rotterdam.geojson', '--limit', '100', '--pick', pick.map((h) => h.index).join(','), '--output', 'yaml']);
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(yaml.stdout).toContain('productType: SPOTArchive1.5Stereo');
    expect(yaml.stdout).toMatch(/productType: PleiadesNeoArchiveMulti\n\s+mode: stereo/);
    writeFileSync(join(team.dir, 'stereo.yaml'), providers + yaml.stdout);
    const plan = await team.cli(['plan', '-c', 'stereo.yaml', '--output', 'json']);
    expect(plan.code, plan.stderr + plan.stdout).toBe(0);
    expect((JSON.parse(plan.stdout) as { applyable: boolean }).applyable).toBe(true);
  });
});

describe('rendering', () => {
  test('tables pad columns and right-align numbers', () => {
    expect(renderTable([{ header: 'id' }, { header: 'n', align: 'right' }], [['a', '1'], ['bbb', '22']])).toBe('id    n\n---  --\na     1\nbbb  22\n');
  });

  test('progress draws on a TTY only, never with --quiet, and follows apply hooks', () => {
    let out = '';
    const io = (isTty: boolean) => ({ isTty, stderr: (t: string) => void (out += t) });
    createProgress(io(false)).start('Applying', 2);
    createProgress(io(true), { quiet: true }).start('Applying', 2);
    expect(out).toBe('');
    const bar = createProgress(io(true));
    bar.start('Applying', 2);
    const hooks = applyProgressHooks(bar);
    hooks.onDone!({ address: 'orders.a' } as Change, null);
    expect(out).toContain('1/2 50%  orders.a');
    hooks.onSkip!({ address: 'orders.b' } as Change, 'dependency failed');
    expect(out).toContain('2/2 100%  orders.b skipped');
    bar.finish();
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
  });

  test('completion prints a script that asks orderform for completions', async () => {
    const r = await team.cli(['completion']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('orderform --get-yargs-completions');
  });
});
