/**
 * The bad-input corpus: each entry (a file, or a folder loaded as one config) states the errors it
 * must produce in `# expect: CODE [file:]line:column` comments; the loader must report exactly those.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli, load } from './helpers.js';

const CORPUS = join(import.meta.dirname, 'corpus');
const EXPECT = /^# expect: (\S+) (?:(\S+):)?(\d+):(\d+)$/gm;

const entries = readdirSync(CORPUS).filter((n) => !n.startsWith('_')).sort();

function expectations(entry: string): string[] {
  const path = join(CORPUS, entry);
  const files = statSync(path).isDirectory() ? readdirSync(path).map((f) => join(entry, f)) : [entry];
  return files.flatMap((file) =>
    [...readFileSync(join(CORPUS, file), 'utf8').matchAll(EXPECT)].map(([, code, other, line, col]) => `${code} ${other ?? file}:${line}:${col}`),
  );
}

describe('bad-input corpus', () => {
  test('holds at least 40 configs', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
  });

  test.each(entries)('%s', async (entry) => {
    const wanted = expectations(entry);
    expect(wanted.length).toBeGreaterThan(0);
    const { config, diagnostics } = await load([entry], {}, CORPUS);
    expect(config).toBeNull();
    const got = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.code} ${d.source?.file}:${d.source?.line}:${d.source?.column}`);
    expect(got.sort()).toEqual(wanted.sort());
  });

  test('the CLI prints a positioned error and exits 1, without a stack trace', async () => {
    const { code, stdout, stderr } = await cli(['validate', 'hd-with-nitf.yaml'], CORPUS);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('hd-with-nitf.yaml:22:20: error UNSUPPORTED_HD_OPTIONS_COMBINATION: HD is not available with the NITF format');
    expect(stderr).toContain('  at orders.o.production.imageFormat');
    expect(stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });
});
