/**
 * The built CLI run from a copy of the project in the OS temp folder, with no node_modules above it
 * (a fresh clone's situation): it must resolve everything from its own node_modules and read its own
 * files. Catches what in-process tests cannot: a module found only because a node_modules happens to sit
 * above the folder, a dependency's ESM build behaving differently (yargs 17 cut --help words).
 */
import { execFile } from 'node:child_process';
import { cp, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/project.js';

let copy = '';

/** Every folder from `dir` up to the root holds no node_modules. */
function noNodeModulesAbove(dir: string): boolean {
  for (let d = dirname(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return false;
    if (dirname(d) === d) return true;
  }
}

const cli = (...argv: string[]) =>
  promisify(execFile)(process.execPath, [join(copy, 'dist/cli/bin.js'), ...argv], { cwd: copy, env: { PATH: process.env.PATH, HOME: copy, COLUMNS: '80' }, timeout: 60_000 });

beforeAll(async () => {
  copy = tempDir('copy');
  for (const f of ['dist', 'schemas', 'examples', 'package.json', 'orders.yaml.example']) await cp(join(REPO, f), join(copy, f), { recursive: true });
  // The project's own dependencies, as `npm ci` would put them beside it.
  await symlink(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rm(copy, { recursive: true, force: true }));

describe('the built CLI from a copy outside any node_modules tree', () => {
  it('sits where no node_modules is above it', () => {
    expect(noNodeModulesAbove(copy)).toBe(true);
  });

  it('--help wraps whole words at 80 columns', async () => {
    const { stdout } = await cli('plan', '--help');
    expect(stdout).toContain('  orderform plan --out plan.json --detailed-exitcode\n');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('validates the example config and runs the demo (the README quick start)', async () => {
    expect((await cli('validate', 'orders.yaml.example')).stdout).toMatch(/^OK: 1 file, /);
    const demo = await cli('demo');
    expect(demo.stdout).toMatch(/Apply complete: \d+ done, 0 failed, 0 skipped\./);
    expect(demo.stdout).toMatch(/No changes/);
  }, 60_000);
});
