/**
 * AOI geometries as written: inline GeoJSON, or `{file: x.geojson}` relative to the config file.
 * A file is parsed with positions too (JSON is YAML), so a broken ring is reported at its own
 * `x.geojson:line:column`, with the config line that refers to it in the detail.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, dirname, isAbsolute } from 'node:path';
import type { AoiGeometry } from '../../schemas/generated/config.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { readPolygon } from '../geo/polygon.js';
import type { Polygon } from '../model.js';
import { locate, type Located } from './merge.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

export type AoiReader = (at: Located<AoiGeometry>) => Promise<{ polygon: Polygon | null; diagnostics: Diagnostic[] }>;

/** A reader that parses each referenced file once, however many resources use it. */
export function aoiReader(cwd: string): AoiReader {
  const files = new Map<string, Promise<{ source: YamlSource | null; diagnostics: Diagnostic[] } | 'missing'>>();
  const load = (abs: string) => {
    let pending = files.get(abs);
    if (!pending) {
      pending = readFile(abs, 'utf8').then(
        (text) => parseYaml(displayPath(cwd, abs), dirname(abs), text),
        () => 'missing' as const,
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
    if (loaded === 'missing')
      return fail(error('AOI_FILE_NOT_FOUND', `AOI file not found: ${value.file}`, fileAt, `looked for ${abs}`));
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
