import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTeam, type Team } from './harness.js';

const CONFIG = `providers:
  oneatlas:
    contracts:
      legacy:
        contractId: CTR21000411
        backend: legacy
orders:
  paris-first:
    vendor: oneatlas
    contract: legacy
    productType: PleiadesArchiveMono
    aois:
      centre:
        geometry:
          type: Polygon
          coordinates: [[[2.33, 48.85], [2.37, 48.85], [2.37, 48.87], [2.33, 48.87], [2.33, 48.85]]]
    items:
      - catalogItemId: 5eed0000-0000-4000-8000-000000000001
    production: { processingLevel: primary, spectralProcessing: bundle, imageFormat: dimap_geotiff, pixelCoding: 12bits, radiometricProcessing: basic }
    primaryMarket: CARTO
    endUser: { name: Test, country: FR }
`;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let team: Team;
beforeAll(async () => {
  team = await startTeam();
  writeFileSync(join(team.dir, 'orders.yaml'), CONFIG);
  const apply = await team.cli(['apply', '--auto-approve']);
  expect(apply.code, apply.stderr + apply.stdout).toBe(0);
});
afterAll(() => team.close());

describe('deliveries', () => {
  test('lists the delivered product of the order in state', async () => {
    const r = await team.cli(['deliveries', '--output', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const orders = JSON.parse(r.stdout);
    expect(orders).toHaveLength(1);
    expect(orders[0].address).toBe('orders.paris-first');
    expect(orders[0].products).toHaveLength(1);
    expect(orders[0].products[0].downloadUrl).toMatch(/\/download$/);
    const text = await team.cli(['deliveries']);
    expect(text.stdout).toContain('orders.paris-first');
  });

  test('downloads with a checksum, skips a complete file, resumes a partial one, refetches a corrupt one', async () => {
    const dir = join(team.dir, 'imagery');
    const first = await team.cli(['deliveries', '--download', 'imagery']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^downloaded /m);
    const zip = readdirSync(dir).find((f) => f.endsWith('.zip'))!;
    const path = join(dir, zip);
    const digest = sha(path);
    expect(readFileSync(`${path}.sha256`, 'utf8')).toBe(`${digest}  ${zip}\n`);
    const size = statSync(path).size;

    team.sb.resetCalls();
    const again = await team.cli(['deliveries', '--download', 'imagery']);
    expect(again.stdout).toMatch(/^skipped /m);
    expect(Object.keys(team.sb.calls()).some((route) => route.includes('download'))).toBe(false);

    // An interrupted download: a .part holding the first 100 000 bytes.
    renameSync(path, `${path}.part`);
    truncateSync(`${path}.part`, 100_000);
    const resumed = await team.cli(['deliveries', '--download', 'imagery']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/^resumed /m);
    expect(existsSync(`${path}.part`)).toBe(false);
    expect(statSync(path).size).toBe(size);
    expect(sha(path)).toBe(digest);

    // A file altered after download no longer matches its checksum: fetched again.
    writeFileSync(path, 'corrupt');
    const replaced = await team.cli(['deliveries', '--download', 'imagery']);
    expect(replaced.stdout).toMatch(/^replaced /m);
    expect(sha(path)).toBe(digest);
  });

  test('a download run exchanges the API key once: listing and downloads share the token', async () => {
    team.sb.resetCalls();
    const r = await team.cli(['deliveries', '--download', 'one-token']);
    expect(r.code, r.stderr).toBe(0);
    const calls = team.sb.calls();
    expect(Object.entries(calls).filter(([k]) => k.includes('/download')).length, JSON.stringify(calls)).toBeGreaterThan(0);
    expect(calls['POST /auth/realms/IDP/protocol/openid-connect/token'], JSON.stringify(calls)).toBe(1);
  });

  test('--quiet drops the line per file, keeps the count', async () => {
    const r = await team.cli(['deliveries', '--download', 'quiet-lines', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/^downloaded /m);
    expect(r.stdout).toBe('1 of 1 product in quiet-lines\n');
  });

  test('a progress bar on a TTY only, none with --quiet', async () => {
    const tty = await team.cli(['deliveries', '--download', 'fresh'], { isTty: true });
    expect(tty.stderr).toContain('Downloading');
    const quiet = await team.cli(['deliveries', '--download', 'fresh2', '--quiet'], { isTty: true });
    expect(quiet.stderr).toBe('');
    const piped = await team.cli(['deliveries', '--download', 'fresh3']);
    expect(piped.stderr).toBe('');
  });

  test('filters the workspace by the seed criteria: acquisition and publication dates, cloud cover, incidence angle, geometry', async () => {
    // The product: Pléiades over Paris acquired 2024-06-12, cloud 1.8 %, incidence 8.2°, published when delivered (today).
    const square = (x: number, y: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 0.05, y], [x + 0.05, y + 0.03], [x, y + 0.03], [x, y]]] });
    writeFileSync(join(team.dir, 'paris.geojson'), square(2.33, 48.85));
    writeFileSync(join(team.dir, 'toulouse.geojson'), square(1.43, 43.59));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const count = async (...filters: string[]) => {
      const r = await team.cli(['deliveries', '--output', 'json', ...filters]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { products: unknown[] }[])[0]!.products.length;
    };
    expect(await count('--from', '2024-06-01', '--to', '2024-06-12')).toBe(1);
    expect(await count('--from', '2024-06-13')).toBe(0);
    expect(await count('--max-cloud', '2')).toBe(1);
    expect(await count('--max-cloud', '1')).toBe(0);
    expect(await count('--max-incidence', '8')).toBe(0);
    expect(await count('--published-to', tomorrow)).toBe(1);
    expect(await count('--published-from', tomorrow)).toBe(0);
    expect(await count('--aoi', 'paris.geojson')).toBe(1);
    expect(await count('--aoi', 'toulouse.geojson')).toBe(0);
    const bad = await team.cli(['deliveries', '--published-from', 'June']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INVALID_DATE');
  });
});
