/** An AOI given on the command line (`--aoi file.geojson`): read, parsed and checked like a config AOI. */
import { resolve } from 'node:path';
import { MAX_AOI_BYTES, mib, readBounded } from '../config/read-bounded.js';
import { DiagnosticsError, error } from '../diagnostics.js';
import { readPolygon } from '../geo/polygon.js';
import type { Polygon } from '../model.js';

export async function readAoiFile(path: string, cwd: string): Promise<Polygon> {
  const fail = (code: string, summary: string, detail?: string): never => {
    throw new DiagnosticsError([error(code, summary, undefined, detail)]);
  };
  // Bounded: a FIFO given by mistake would hang, /dev/zero would be read until memory runs out.
  const file = await readBounded(resolve(cwd, path), MAX_AOI_BYTES).catch((err: NodeJS.ErrnoException) =>
    fail('AOI_FILE_UNREADABLE', `cannot read the AOI file ${path}: ${err.code ?? err.message}`),
  );
  if (file.kind === 'missing') fail('AOI_FILE_NOT_FOUND', `AOI file not found: ${path}`);
  if (file.kind === 'not-a-file') fail('AOI_FILE_NOT_A_FILE', `AOI file ${path} is ${file.what}, not a file`, 'give a .geojson file');
  if (file.kind === 'too-large') fail('AOI_FILE_TOO_LARGE', `AOI file ${path} is ${mib(file.bytes)}, over the ${mib(file.max)} an AOI can need`, 'an AOI has at most 999 vertices; simplify the geometry');
  if (file.kind === 'binary') fail('AOI_FILE_NOT_TEXT', `AOI file ${path} is not UTF-8 text (binary data or another encoding): not read, and its content is not shown`, 'give a .geojson file');
  const text = file.kind === 'text' ? file.text : '';
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
