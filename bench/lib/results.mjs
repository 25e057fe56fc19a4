/**
 * bench/RESULTS.md is assembled from one section per benchmark script, each between its own markers,
 * so that the scripts can run separately and a re-run replaces only its own figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './paths.mjs';

export const RESULTS = join(BENCH_DIR, 'RESULTS.md');
const HEADER = '# Benchmark results\n\nMeasured figures, written by the bench scripts (see bench/README.md). Each section names its command and machine.\n';

export function writeSection(name, body) {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${begin}\n${body.trim()}\n${end}`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  const next = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, next);
}

/** A markdown table from a header row and data rows. */
export function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
