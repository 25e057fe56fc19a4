/** An AOI given on the command line (`--aoi file.geojson`): read, parsed and checked like a config AOI. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticsError, error } from '../diagnostics.js';
import { readPolygon } from '../geo/polygon.js';
import type { Polygon } from '../model.js';

export async function readAoiFile(path: string, cwd: string): Promise<Polygon> {
  const fail = (code: string, summary: string, detail?: string): never => {
    throw new DiagnosticsError([error(code, summary, undefined, detail)]);
  };
  let text = '';
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    fail('AOI_FILE_UNREADABLE', `cannot read the AOI file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    fail('AOI_INVALID_JSON', `${path} is not JSON: ${(err as Error).message}`);
  }
  const read = readPolygon(value);
  if ('problems' in read) {
    throw new DiagnosticsError(read.problems.map((p) => error(p.code, `${path}${p.path.length ? ` at ${p.path.join('.')}` : ''}: ${p.message}`)));
  }
  return read.polygon;
}
