/**
 * Config and AOI paths that are not plain files of a sane size: a folder, a FIFO (would block forever),
 * /dev/zero (endless), a file too large. Each is refused with a code before any byte is read: no hang,
 * no memory blow-up.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, load, tree } from './helpers.js';

/** orders.yaml.example with its la-defense AOI file replaced by `path`. */
function configWithAoiFile(path: string): string {
  const dir = tree({ 'orders.yaml': readFileSync(join(ROOT, 'orders.yaml.example'), 'utf8').replace('examples/aois/la-defense.geojson', path) });
  cpSync(join(ROOT, 'examples/aois'), join(dir, 'examples/aois'), { recursive: true });
  return dir;
}

const codes = async (dir: string, file = 'orders.yaml') => (await load([file], {}, dir)).diagnostics.map((d) => `${d.code}: ${d.summary}`);

describe('an AOI file: that is not a plain file of a sane size', () => {
  it('a folder: AOI_FILE_NOT_A_FILE, not "not found"', async () => {
    const dir = configWithAoiFile('site.geojson');
    mkdirSync(join(dir, 'site.geojson'));
    expect(await codes(dir)).toEqual(['AOI_FILE_NOT_A_FILE: AOI file site.geojson is a folder, not a file']);
  });

  it('a FIFO and /dev/zero: refused at once, nothing read', async () => {
    const dir = configWithAoiFile('pipe.geojson');
    execFileSync('mkfifo', [join(dir, 'pipe.geojson')]);
    expect(await codes(dir)).toEqual(['AOI_FILE_NOT_A_FILE: AOI file pipe.geojson is a named pipe, not a file']);
    expect(await codes(configWithAoiFile('/dev/zero'))).toEqual(['AOI_FILE_NOT_A_FILE: AOI file /dev/zero is a device, not a file']);
  });

  it('over 1 MiB: AOI_FILE_TOO_LARGE (a 20 MB GeoJSON is not parsed)', async () => {
    const dir = configWithAoiFile('huge.geojson');
    writeFileSync(join(dir, 'huge.geojson'), '');
    truncateSync(join(dir, 'huge.geojson'), 20 * 1024 * 1024);
    expect(await codes(dir)).toEqual(['AOI_FILE_TOO_LARGE: AOI file huge.geojson is 20.0 MiB, over the 1.0 MiB an AOI can need']);
  });
});

describe('a config path that is not a plain file of a sane size', () => {
  it('a FIFO, /dev/zero, a file over 32 MiB: CONFIG_FILE_NOT_A_FILE / CONFIG_FILE_TOO_LARGE', async () => {
    const dir = tree({});
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    writeFileSync(join(dir, 'big.yaml'), '');
    truncateSync(join(dir, 'big.yaml'), 40 * 1024 * 1024);
    expect(await codes(dir, 'pipe.yaml')).toEqual(['CONFIG_FILE_NOT_A_FILE: pipe.yaml is a named pipe, not a config file']);
    expect(await codes(dir, '/dev/zero')).toEqual(['CONFIG_FILE_NOT_A_FILE: /dev/zero is a device, not a config file']);
    expect(await codes(dir, 'big.yaml')).toEqual(['CONFIG_FILE_TOO_LARGE: big.yaml is 40.0 MiB, over the 32.0 MiB a config file may be']);
  });
});

describe('an empty config', () => {
  it('says so (CONFIG_EMPTY warning) instead of a silent OK', async () => {
    const dir = tree({ 'empty.yaml': '', 'comments.yaml': '# nothing yet\n' });
    expect(await codes(dir, 'empty.yaml')).toEqual(['CONFIG_EMPTY: empty.yaml is empty: no providers, no resources']);
    expect(await codes(dir, 'comments.yaml')).toEqual(['CONFIG_EMPTY: comments.yaml is empty: no providers, no resources']);
  });
});
