/** The project on disk for tests: its root, its built CLI, scratch folders, and how long trial-style tests run. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'dist/cli/bin.js');

/** `npm run reliability` sets RELIABILITY_FULL=1: trial-style tests (kill trials, fault sweeps, scale) run their long form. */
export const FULL = process.env.RELIABILITY_FULL === '1';

/** Builds dist/ when it is missing (tests that spawn the CLI need it; `npm test` builds first). */
export function ensureBuilt(): void {
  if (existsSync(BIN)) return;
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** A new empty folder in the OS temp folder, named after what uses it. */
export function tempDir(label = 'test'): string {
  return mkdtempSync(join(tmpdir(), `orderform-${label}-`));
}

/** A new temp folder holding the shipped examples (orders.yaml.example, examples/): state is written there, never into the repo. */
export async function examplesCopy(label = 'examples'): Promise<string> {
  const dir = tempDir(label);
  await cp(join(REPO, 'orders.yaml.example'), join(dir, 'orders.yaml.example'));
  await cp(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}
