import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { FileStateStore } from '../../engine/state/file-store.js';
import { MemoryStateStore } from '../../engine/state/memory-store.js';
import { exportSnapshot, importSnapshot } from '../../engine/state/migrate.js';
import { resource, tempStatePath } from './fixtures.js';

describe('MemoryStateStore', () => {
  it('records puts with serials and hands out copies', async () => {
    const store = new MemoryStateStore();
    await store.lock('test');
    await store.put('orders.a', resource('orders.a'));
    await store.put('orders.b', resource('orders.b'));
    await store.put('orders.a', null);
    const s = await store.read();
    expect(s.serial).toBe(3);
    expect(Object.keys(s.resources)).toEqual(['orders.b']);
    s.resources['orders.b']!.status = 'failed';
    expect((await store.read()).resources['orders.b']?.status).toBe('in-progress');
    expect(store.puts.map((p) => p.address)).toEqual(['orders.a', 'orders.b', 'orders.a']);
  });
});

describe('state migration', () => {
  it('moves a state between stores keeping lineage, serial and resources', async () => {
    const from = new FileStateStore(await tempStatePath());
    await from.lock('test');
    await from.put('orders.b', resource('orders.b'));
    await from.put('alerts.a', resource('alerts.a', { kind: 'oneatlas_alert' }));
    const exported = await exportSnapshot(from);
    expect(Object.keys(exported.resources)).toEqual(['alerts.a', 'orders.b']);

    const to = new MemoryStateStore();
    await to.lock('orderform state migrate');
    await importSnapshot(to, JSON.parse(JSON.stringify(exported)));
    expect(await to.read()).toEqual(exported);

    const back = new FileStateStore(await tempStatePath());
    await back.lock('orderform state migrate');
    await importSnapshot(back, exported);
    await back.close();
    expect(await new FileStateStore(back.path).read()).toEqual(exported);
  });

  it('refuses to import over a state that records resources unless forced', async () => {
    const to = new MemoryStateStore();
    await to.lock('test');
    await to.put('orders.x', resource('orders.x'));
    const incoming = await new MemoryStateStore().read();
    const err = (await importSnapshot(to, incoming).catch((e: unknown) => e)) as DiagnosticsError;
    expect(err.diagnostics[0]?.code).toBe('STATE_NOT_EMPTY');
    await importSnapshot(to, incoming, { force: true });
    expect((await to.read()).lineage).toBe(incoming.lineage);
  });

  it('rejects something that is not a state', async () => {
    const to = new MemoryStateStore();
    await to.lock('test');
    const err = (await importSnapshot(to, { hello: 1 }).catch((e: unknown) => e)) as DiagnosticsError;
    expect(err.diagnostics[0]?.code).toBe('STATE_CORRUPT');
  });
});
