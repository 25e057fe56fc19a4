/**
 * AOI geometries as written: inline GeoJSON, or `{file: x.geojson}` relative to the config file.
 * A file is parsed with positions too (JSON is YAML), so a broken ring is reported at its own
 * `x.geojson:line:column`, with the config line that refers to it in the detail.
 */
import { relative, resolve, dirname, isAbsolute } from 'node:path';
import type { AoiGeometry } from '../../schemas/generated/config.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { readPolygon } from '../geo/polygon.js';
import type { Polygon } from '../model.js';
import { locate, type Located } from './merge.js';
import { parseYaml, type YamlSource } from './yaml-source.js';
import { MAX_AOI_BYTES, mib, readBounded, type BoundedRead } from './read-bounded.js';

export type AoiReader = (at: Located<AoiGeometry>) => Promise<{ polygon: Polygon | null; diagnostics: Diagnostic[] }>;

/** A reader that parses each referenced file once, however many resources use it. */
export function aoiReader(cwd: string): AoiReader {
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
    const loaded = await load(abs);
    if ('kind' in loaded) {
      if (loaded.kind === 'missing') return fail(error('AOI_FILE_NOT_FOUND', `AOI file not found: ${value.file}`, fileAt, `looked for ${abs}`));
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
