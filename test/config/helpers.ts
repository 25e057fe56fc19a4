/** Shared by the config tests: load from the repo root, and run the CLI in-process. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../engine/config/index.js';
import { runCli, type CliRun } from '../support/capture-io.js';
import { REPO as ROOT, tempDir } from '../support/project.js';

export { ROOT };

export function load(paths: string[], env: Record<string, string> = {}, cwd = ROOT) {
  return loadConfig(paths, { cwd, env });
}

export function cli(args: string[], cwd = ROOT): Promise<CliRun> {
  return runCli(args, { cwd });
}

/** A temporary folder holding the given files (paths relative to it). */
export function tree(files: Record<string, string>): string {
  const dir = tempDir('config');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const LEGACY = `providers:
  oneatlas:
    contracts:
      legacy: { contractId: CTR21000411, backend: legacy }
      neo: { contractId: CTR22000777, backend: neo }
`;

export const SQUARE = '{ type: Polygon, coordinates: [[[2.32, 48.85], [2.37, 48.85], [2.37, 48.87], [2.32, 48.87], [2.32, 48.85]]] }';
