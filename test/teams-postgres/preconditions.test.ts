/**
 * `deliveries` reads only the credentials of the vendors of the orders in state, and `import` reports what
 * the config alone decides (an address not declared) before it reads credentials or takes the state lock;
 * a sound config then meets those checks.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateStore } from '../../engine/state/open-store.js';
import { cli, configYaml, tempDir, writeConfig } from '../support/fixture.js';
import { useSandbox } from '../support/sandbox.js';
import { writeFileSync } from 'node:fs';

const { sb } = useSandbox();

const without = (...names: string[]) => Object.fromEntries(Object.entries(sb().env).filter(([k]) => !names.includes(k)));
const MAXAR_ONLY = `providers:
  maxar:
    accountId: "557471230760500000"
`;

/** Holds the file state lock of `dir` as another user would, until the returned function is called. */
async function holdLock(dir: string): Promise<() => Promise<void>> {
  const store = openStateStore({ backend: 'file', path: join(dir, 'orderform.state.json') }, {});
  const unlock = await store.lock('alice on ci-runner-7');
  return async () => {
    await unlock();
    await store.close();
  };
}

describe('deliveries', () => {
  it('with no order in state reads no credential: nothing delivered yet', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.yaml'), MAXAR_ONLY);
    const r = await cli(['deliveries'], dir, {});
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('No order in state yet.\n');
  });

  it('reads only the vendors of the orders in state: a OneAtlas order needs the OneAtlas key, not the Maxar login', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['l'] });
    const applied = await cli(['apply', '--auto-approve'], dir, sb().env);
    expect(applied.code, applied.err).toBe(0);
    const noMaxar = await cli(['deliveries'], dir, without('ORDERFORM_MAXAR_PASSWORD'));
    expect(noMaxar.code, noMaxar.err).toBe(0);
    expect(noMaxar.out).toContain('orders.l');
    const noKey = await cli(['deliveries'], dir, without('ORDERFORM_ONEATLAS_API_KEY'));
    expect(noKey.code).toBe(1);
    expect(noKey.err).toContain('MISSING_CREDENTIALS');
    expect(noKey.err).toContain('ORDERFORM_ONEATLAS_API_KEY');
  });
});

describe('import', () => {
  it('of an address not in the config says so before asking for a key or the lock', async () => {
    const dir = tempDir();
    writeConfig(dir, { maxar: ['m'] });
    const release = await holdLock(dir);
    try {
      const r = await cli(['import', 'orders.typo', 'x'], dir, {});
      expect(r.code).toBe(1);
      expect(r.err).toContain('IMPORT_NOT_IN_CONFIG');
      expect(r.err).not.toMatch(/MISSING_CREDENTIALS|STATE_LOCKED/);
    } finally {
      await release();
    }
  });

  it('of a declared address reports the state lock held by someone else, naming them', async () => {
    const dir = tempDir();
    writeConfig(dir, { maxar: ['m'] });
    const release = await holdLock(dir);
    try {
      const r = await cli(['import', 'orders.m', 'x'], dir, sb().env);
      expect(r.code).toBe(1);
      expect(r.err).toContain('STATE_LOCKED');
      expect(r.err).toContain('alice on ci-runner-7');
    } finally {
      await release();
    }
  });

  it("of a declared address without its vendor's key reports the missing key; the other vendor's key is not needed", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.yaml'), configYaml({ maxar: ['m'], legacy: ['l'] }));
    const r = await cli(['import', 'orders.m', 'x'], dir, without('ORDERFORM_MAXAR_PASSWORD'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('MISSING_CREDENTIALS');
    expect(r.err).toContain('ORDERFORM_MAXAR_PASSWORD');
    const other = await cli(['import', 'orders.m', 'no-such-order'], dir, without('ORDERFORM_ONEATLAS_API_KEY'));
    expect(other.err).toContain('IMPORT_NOT_FOUND');
    expect(other.err).not.toContain('MISSING_CREDENTIALS');
  });
});
