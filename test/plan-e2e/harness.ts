/** A sandbox, a temp working dir holding config + state, and the CLI run in-process against both. */
import { copyFile, mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { runCli, type CliRun } from '../support/capture-io.js';

export const REPO = resolve(import.meta.dirname, '../..');

export interface World {
  sb: Sandbox;
  dir: string;
  cli(...argv: string[]): Promise<CliRun>;
  close(): Promise<void>;
}

/** A temp dir with the example config (and its AOI files) copied in, plus `extraFiles`. */
export async function startWorld(extraFiles: Record<string, string> = {}): Promise<World> {
  const sb = await startSandbox({ deliveryDelayMs: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'orderform-plan-'));
  await copyFile(join(REPO, 'orders.yaml.example'), join(dir, 'orders.yaml.example'));
  await cp(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  for (const [name, text] of Object.entries(extraFiles)) await writeFile(join(dir, name), text);
  return {
    sb,
    dir,
    cli: (...argv) => runCli(argv, { cwd: dir, env: { ...sb.env } }),
    close: async () => {
      await sb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Calls that change something remotely (everything but GETs and the read-only POSTs). */
export function mutatingCalls(calls: Record<string, number>): string[] {
  const readOnlyPost = /(token|authenticate|opensearch|prices|options|orders\/search|metadata|select|\(dry run\))/;
  return Object.keys(calls).filter((k) => !k.startsWith('GET') && !(k.startsWith('POST') && readOnlyPost.test(k)));
}
