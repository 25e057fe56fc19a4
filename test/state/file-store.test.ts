import { readFile } from 'node:fs/promises';
import { Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { FileStateStore } from '../../engine/state/file-store.js';
import { nodeFs, type FsOps } from '../../engine/state/fs-ops.js';
import type { StateSnapshot } from '../../engine/state/types.js';
import { resource, tempStatePath } from './fixtures.js';

/** Counts calls per fs operation, passing them through to the real file system. */
function countingFs(): { fs: FsOps; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const fs = Object.fromEntries(
    Object.entries(nodeFs).map(([name, fn]) => [name, (...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
    }]),
  ) as unknown as FsOps;
  return { fs, calls };
}

describe('FileStateStore', () => {
  it('creates the state at first use with a lineage that later reads keep', async () => {
    const path = await tempStatePath();
    const first = await new FileStateStore(path).read();
    const again = await new FileStateStore(path).read();
    expect(first.lineage).toMatch(/^[0-9a-f-]{36}$/);
    expect(again).toEqual({ version: 1, lineage: first.lineage, serial: 0, resources: {} });
  });

  it('records puts in the journal, bumps the serial and survives a reopen', async () => {
    const path = await tempStatePath();
    const store = new FileStateStore(path);
    await store.lock('orderform apply');
    await store.put('orders.a', resource('orders.a'));
    await store.put('orders.b', resource('orders.b'));
    await store.put('orders.a', null);
    const other = await new FileStateStore(path).read(); // another process, before compaction
    expect(other.serial).toBe(3);
    expect(Object.keys(other.resources)).toEqual(['orders.b']);
    expect((await readFile(`${path}.journal`, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('appends one line per put and never rewrites the snapshot until compaction', async () => {
    const path = await tempStatePath();
    const { fs, calls } = countingFs();
    const store = new FileStateStore(path, { fs });
    await store.lock('orderform apply');
    await store.read();
    const before = { ...calls };
    for (let i = 0; i < 50; i++) await store.put(`orders.o${i}`, resource(`orders.o${i}`));
    expect((calls.appendSynced ?? 0) - (before.appendSynced ?? 0)).toBe(50);
    expect(calls.writeSynced ?? 0).toBe(before.writeSynced ?? 0);
    expect(calls.read).toBe(before.read); // the writer keeps its own copy while locked
  });

  it('compacts on close: the snapshot holds everything and the journal is empty', async () => {
    const path = await tempStatePath();
    const store = new FileStateStore(path);
    const unlock = await store.lock('orderform apply');
    await store.put('orders.a', resource('orders.a'));
    await unlock();
    const snap = JSON.parse(await readFile(path, 'utf8')) as StateSnapshot;
    expect(snap.serial).toBe(1);
    expect(snap.resources['orders.a']?.remote.salesOrderId).toBe('SAL-orders.a');
    expect(await readFile(`${path}.journal`, 'utf8')).toBe('');
  });

  it('serializes concurrent puts so serials stay in order', async () => {
    const path = await tempStatePath();
    const store = new FileStateStore(path);
    await store.lock('orderform apply');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put(`orders.o${i}`, resource(`orders.o${i}`))));
    const lines = (await readFile(`${path}.journal`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l).serial);
    expect(lines).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await new FileStateStore(path).read()).serial).toBe(20);
  });

  it('refuses to write without the lock', async () => {
    const store = new FileStateStore(await tempStatePath());
    await expect(store.put('orders.a', resource('orders.a'))).rejects.toThrow(/must be locked/);
  });

  it('reports a damaged state file as a diagnostic', async () => {
    const path = await tempStatePath();
    await nodeFs.writeSynced(path, '{"version": 1, "lin', 0o600);
    const err = await new FileStateStore(path).read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagnosticsError);
    expect((err as DiagnosticsError).diagnostics[0]?.code).toBe('STATE_CORRUPT');
  });

  it('refuses a state written by a newer format', async () => {
    const path = await tempStatePath();
    await nodeFs.writeSynced(path, JSON.stringify({ version: 2, lineage: 'x', serial: 0, resources: {} }), 0o600);
    const err = (await new FileStateStore(path).read().catch((e: unknown) => e)) as DiagnosticsError;
    expect(err.diagnostics[0]?.code).toBe('STATE_VERSION');
  });

  it('works with an injected lowdb adapter for the snapshot', async () => {
    const adapter = new Memory<StateSnapshot>();
    const path = await tempStatePath();
    const store = new FileStateStore(path, { adapter, newLineage: () => 'lineage-1' });
    const unlock = await store.lock('test');
    await store.put('alerts.x', resource('alerts.x', { kind: 'oneatlas_alert' }));
    await unlock();
    expect(await adapter.read()).toMatchObject({ lineage: 'lineage-1', serial: 1, resources: { 'alerts.x': { kind: 'oneatlas_alert' } } });
  });
});
