/** A mistyped command line is a usage error that says how to write it, never "internal error". */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixture.js';
import { runCli } from '../support/capture-io.js';

describe('usage errors', () => {
  it('search --sort -lastUpdateDate (a value starting with "-"): exit 1, the yargs message and the --sort= form', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'site.geojson'), '{"type":"Polygon","coordinates":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.8]]]}');
    const r = await runCli(['search', '--aoi', 'site.geojson', '--sort', '-lastUpdateDate'], { cwd: dir, env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Not enough arguments following: sort');
    expect(r.stderr).toContain('write --sort=VALUE');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toBe('');
  });
});
