/**
 * Sandboxes for tests: one per test file, back to its seeded state before each test, or one of a test's own beside
 * a folder; counts of the calls that change something remotely.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';

/** Orders deliver at once: tests follow them to DELIVERED without waiting. */
const TEST_DEFAULTS: SandboxOptions = { deliveryDelayMs: 0 };

/** A sandbox of its own beside the folder `dir`; close() stops it and removes the folder. */
export async function sandboxBeside(dir: string, opts: SandboxOptions = {}): Promise<{ sb: Sandbox; dir: string; close(): Promise<void> }> {
  const sb = await startSandbox({ ...TEST_DEFAULTS, ...opts });
  return {
    sb,
    dir,
    close: async () => {
      await sb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Everything but GETs and the POSTs that only read (token, search, prices, options, metadata, Maxar's dry run). */
const READ_ONLY_POST = /(token|authenticate|opensearch|prices|options|orders\/search|metadata|select|\(dry run\))/;

/** Calls by route since the last reset that change something remotely. */
export function mutatingCalls(sb: Sandbox): Record<string, number> {
  return Object.fromEntries(
    Object.entries(sb.calls()).filter(([route, n]) => n > 0 && !route.startsWith('GET ') && !(route.startsWith('POST ') && READ_ONLY_POST.test(route))),
  );
}

/**
 * A sandbox shared by a file's tests (a start costs a few hundred ms of CPU), reset before each test unless
 * `keepBetweenTests`: no test finds what another bought, which never-twice would adopt instead of buying.
 */
export function useSandbox(opts: SandboxOptions = {}, { keepBetweenTests = false } = {}): { sb: () => Sandbox } {
  let sb: Sandbox | undefined;
  beforeAll(async () => {
    sb = await startSandbox({ ...TEST_DEFAULTS, ...opts });
  });
  beforeEach(() => {
    if (!keepBetweenTests) sb?.reset();
  });
  afterAll(async () => sb?.close());
  return { sb: () => sb! };
}
