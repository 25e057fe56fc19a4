/**
 * Config and AOI paths that are not plain files of a sane size: a folder, a FIFO (would block forever),
 * /dev/zero (endless), a file too large, binary content, an AOI outside the config's folder. Each is
 * refused with a code before any byte is read or shown: no hang, no memory blow-up, nothing leaked.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { ROOT, load, tree } from './helpers.js';

/** orders.yaml.example with its la-defense AOI file replaced by `path`. */
function configWithAoiFile(path: string): string {
  const dir = tree({ 'orders.yaml': readFileSync(join(ROOT, 'orders.yaml.example'), 'utf8').replace('examples/aois/la-defense.geojson', path) });
  cpSync(join(ROOT, 'examples/aois'), join(dir, 'examples/aois'), { recursive: true });
  return dir;
}

const codes = async (dir: string, file = 'orders.yaml', env: Record<string, string> = {}) =>
  (await load([file], env, dir)).diagnostics.map((d) => `${d.code}: ${d.summary}`);

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
    expect(await codes(configWithAoiFile('/dev/zero'), 'orders.yaml', { ORDERFORM_AOI_DIRS: '/dev' })).toEqual(['AOI_FILE_NOT_A_FILE: AOI file /dev/zero is a device, not a file']);
  });

  it('over 1 MiB: AOI_FILE_TOO_LARGE (a 20 MB GeoJSON is not parsed)', async () => {
    const dir = configWithAoiFile('huge.geojson');
    writeFileSync(join(dir, 'huge.geojson'), '');
    truncateSync(join(dir, 'huge.geojson'), 20 * 1024 * 1024);
    expect(await codes(dir)).toEqual(['AOI_FILE_TOO_LARGE: AOI file huge.geojson is 20.0 MiB, over the 1.0 MiB an AOI can need']);
  });
});

describe('an AOI file outside the config folder', () => {
  const OUTSIDE = 'AOI_FILE_OUTSIDE_CONFIG_DIR: AOI file';

  /** `project/orders.yaml` naming `path`, beside a `shared/` folder that holds an AOI: all inside one temporary folder. */
  function project(path: string): string {
    const dir = tree({ 'project/orders.yaml': readFileSync(join(ROOT, 'orders.yaml.example'), 'utf8').replace('examples/aois/la-defense.geojson', path) });
    cpSync(join(ROOT, 'examples/aois'), join(dir, 'project/examples/aois'), { recursive: true });
    mkdirSync(join(dir, 'shared'));
    cpSync(join(ROOT, 'examples/aois/la-defense.geojson'), join(dir, 'shared/site.geojson'));
    return join(dir, 'project');
  }

  it('../, an absolute path, /proc/self/environ and a symlink out are refused: nothing read, nothing quoted', async () => {
    expect(await codes(project('../shared/site.geojson'))).toEqual([`${OUTSIDE} ../shared/site.geojson is outside the folder of the config file that names it`]);
    expect(await codes(project('/etc/passwd'))).toEqual([`${OUTSIDE} /etc/passwd is outside the folder of the config file that names it`]);
    const environ = await load(['orders.yaml'], {}, project('/proc/self/environ'));
    expect(environ.diagnostics.map((d) => d.code)).toEqual(['AOI_FILE_OUTSIDE_CONFIG_DIR']);
    expect(JSON.stringify(environ.diagnostics)).not.toMatch(/PATH=|HOME=/);
    const linked = project('aois/site.geojson');
    mkdirSync(join(linked, 'aois'));
    symlinkSync(join(linked, '../shared/site.geojson'), join(linked, 'aois/site.geojson'));
    expect(await codes(linked)).toEqual([`${OUTSIDE} aois/site.geojson is outside the folder of the config file that names it`]);
  });

  it('the detail says how to allow a folder; ORDERFORM_AOI_DIRS allows it (an environment opt-in: a config cannot lift its own limit)', async () => {
    const dir = project('../shared/site.geojson');
    const refused = await load(['orders.yaml'], {}, dir);
    expect(refused.diagnostics[0]?.detail).toContain(`allow its folder: ORDERFORM_AOI_DIRS=${join(dir, '../shared')}`);
    expect(await codes(dir, 'orders.yaml', { ORDERFORM_AOI_DIRS: join(dir, '../shared') })).toEqual([]);
    expect(await codes(dir, 'orders.yaml', { ORDERFORM_AOI_DIRS: `/nowhere${delimiter}../shared` })).toEqual([]);
  });

  it('a binary AOI file inside the folder: AOI_FILE_NOT_TEXT', async () => {
    const dir = configWithAoiFile('site.geojson');
    writeFileSync(join(dir, 'site.geojson'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(await codes(dir)).toEqual(['AOI_FILE_NOT_TEXT: AOI file site.geojson is not UTF-8 text (binary data or another encoding): not read, and its content is not shown']);
  });
});

describe('search --aoi FILE: the same bounded read', () => {
  it('a FIFO and /dev/zero are refused at once', async () => {
    const dir = tree({});
    execFileSync('mkfifo', [join(dir, 'pipe.geojson')]);
    await expect(readAoiFile('pipe.geojson', dir)).rejects.toMatchObject({ diagnostics: [{ code: 'AOI_FILE_NOT_A_FILE' }] });
    await expect(readAoiFile('/dev/zero', dir)).rejects.toMatchObject({ diagnostics: [{ code: 'AOI_FILE_NOT_A_FILE' }] });
    await expect(readAoiFile('missing.geojson', dir)).rejects.toMatchObject({ diagnostics: [{ code: 'AOI_FILE_NOT_FOUND' }] });
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
    // Positioned like every other diagnostic (the random-mutation test sets the whole document to null).
    expect((await load(['empty.yaml'], {}, dir)).diagnostics[0]?.source).toMatchObject({ file: 'empty.yaml', line: 1, column: 1 });
  });
});
