/** One sandbox per test file; counts of the calls that change something remotely. */
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';

const MUTATING = /^(POST \/api\/v1\/(orders|quotations|alerts|order)$|PUT |DELETE )/;

/** Mutating calls by route since the last reset (read-only POSTs such as prices or searches left out). */
export function mutatingCalls(sb: Sandbox): Record<string, number> {
  return Object.fromEntries(Object.entries(sb.calls()).filter(([route, n]) => n > 0 && MUTATING.test(route)));
}

export function useSandbox(opts: SandboxOptions = {}): { sb: () => Sandbox } {
  let sb: Sandbox | undefined;
  beforeAll(async () => {
    sb = await startSandbox({ deliveryDelayMs: 0, ...opts });
  });
  afterAll(async () => sb?.close());
  return { sb: () => sb! };
}
