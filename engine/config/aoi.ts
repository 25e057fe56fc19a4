/**
 * AOI geometries as written: inline GeoJSON, or `{file: x.geojson}` relative to the config file.
 * A file is parsed with positions too (JSON is YAML), so a broken ring is reported at its own
 * `x.geojson:line:column`, with the config line that refers to it in the detail.
 *
 * A file is read only inside the folder tree of the config file that names it (symlinks resolved),
 * or of a folder listed in ORDERFORM_AOI_DIRS: a config from a pull request must not make CI read
 * `/proc/self/environ` or `~/.ssh` and quote it back in a PR comment. The opt-in is an environment
 * variable, not a config field, so the config cannot lift its own limit.
 */
import { realpath } from 'node:fs/promises';
import { delimiter, relative, resolve, dirname, isAbsolute, sep } from 'node:path';
import type { AoiGeometry } from '../../schemas/generated/config.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { readPolygon } from '../geo/polygon.js';
import type { Polygon } from '../model.js';
import type { Env } from './endpoints.js';
import { locate, type Located } from './merge.js';
import { parseYaml, type YamlSource } from './yaml-source.js';
import { MAX_AOI_BYTES, mib, readBounded, type BoundedRead } from './read-bounded.js';

export type AoiReader = (at: Located<AoiGeometry>) => Promise<{ polygon: Polygon | null; diagnostics: Diagnostic[] }>;

/** Folders (separated by `:`, `;` on Windows) from which AOI files may be read besides the config's own. */
export const AOI_DIRS_ENV = 'ORDERFORM_AOI_DIRS';

/** A reader that parses each referenced file once, however many resources use it. */
export function aoiReader(cwd: string, env: Env = {}): AoiReader {
  const allowed = (env[AOI_DIRS_ENV] ?? '').split(delimiter).filter(Boolean).map((d) => resolve(cwd, d));
  const real = new Map<string, Promise<string>>();
  const realOf = (p: string) => {
    let pending = real.get(p);
    if (!pending) real.set(p, (pending = realpath(p).catch(() => p)));
    return pending;
  };
  const inside = async (abs: string, roots: string[]) => {
    const target = await realOf(abs);
    for (const root of roots) {
      const rel = relative(await realOf(root), target);
      if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return true;
    }
    return false;
  };
  const files = new Map<string, Promise<{ source: YamlSource | null; diagnostics: Diagnostic[] } | Exclude<BoundedRead, { kind: 'text' }>>>();
  const load = (abs: string) => {
    let pending = files.get(abs);
    if (!pending) {
      pending = readBounded(abs, MAX_AOI_BYTES).then(
        (read) => (read.kind === 'text' ? parseYaml(displayPath(cwd, abs), dirname(abs), read.text) : read),
        () => ({ kind: 'missing' as const }),
      );
      files.set(abs, pending);
    }
    return pending;
  };

  return async (at) => {
    const value = at.value;
    if (!('file' in value)) return fromValue(at.source, at.path, value);
    const fileAt = locate(at, 'file');
    const abs = resolve(at.source.dir, value.file);
    if (!(await inside(abs, [at.source.dir, ...allowed])))
      return fail(
        error(
          'AOI_FILE_OUTSIDE_CONFIG_DIR',
          `AOI file ${value.file} is outside the folder of the config file that names it`,
          fileAt,
          `AOI files are read only from ${at.source.dir} and its subfolders, so that a config cannot make orderform read other files. Move the file there, or allow its folder: ${AOI_DIRS_ENV}=${dirname(abs)}`,
        ),
      );
    const loaded = await load(abs);
    if ('kind' in loaded) {
      if (loaded.kind === 'missing') return fail(error('AOI_FILE_NOT_FOUND', `AOI file not found: ${value.file}`, fileAt, `looked for ${abs}`));
      if (loaded.kind === 'binary') return fail(error('AOI_FILE_NOT_TEXT', `AOI file ${value.file} is not UTF-8 text (binary data or another encoding): not read, and its content is not shown`, fileAt, `looked at ${abs}; give a .geojson file`));
      if (loaded.kind === 'not-a-file') return fail(error('AOI_FILE_NOT_A_FILE', `AOI file ${value.file} is ${loaded.what}, not a file`, fileAt, `looked at ${abs}; give a .geojson file`));
      return fail(error('AOI_FILE_TOO_LARGE', `AOI file ${value.file} is ${mib(loaded.bytes)}, over the ${mib(loaded.max)} an AOI can need`, fileAt, `an AOI has at most 999 vertices; simplify the geometry (${abs})`));
    }
    const referenced = `referenced from ${fileAt.file}:${fileAt.line}:${fileAt.column} (${fileAt.path})`;
    if (!loaded.source)
      return fail(...loaded.diagnostics.map((d) => ({ ...d, code: 'AOI_FILE_INVALID', detail: referenced })));
    const read = fromValue(loaded.source, [], loaded.source.value);
    return { polygon: read.polygon, diagnostics: read.diagnostics.map((d) => ({ ...d, detail: referenced })) };
  };
}

function fromValue(source: YamlSource, path: (string | number)[], value: unknown) {
  const read = readPolygon(value);
  if ('polygon' in read) return { polygon: read.polygon, diagnostics: [] };
  return fail(...read.problems.map((p) => error(p.code, p.message, source.locate([...path, ...p.path]))));
}

function fail(...diagnostics: Diagnostic[]) {
  return { polygon: null, diagnostics };
}

/** Paths are shown relative to the working directory when inside it. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
