import { readFile, unlink, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { ownerPath } from '../../engine/state/lock.js';
import { FileStateStore } from '../../engine/state/file-store.js';
import { MemoryStateStore } from '../../engine/state/memory-store.js';
import { resource, tempStatePath } from './fixtures.js';

async function lockFailure(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DiagnosticsError);
  const d = (err as DiagnosticsError).diagnostics[0]!;
  expect(d.code).toBe('STATE_LOCKED');
  return d.summary;
}

describe('state lock', () => {
  it('makes a second writer fail at once, naming the holder', async () => {
    const path = await tempStatePath();
    const first = new FileStateStore(path);
    const unlock = await first.lock('orderform apply');
    const summary = await lockFailure(new FileStateStore(path).lock('orderform state rm'));
    expect(summary).toContain(`pid ${process.pid}`);
    expect(summary).toContain('(orderform apply)');
    await unlock();
    const again = await new FileStateStore(path).lock('orderform state rm');
    await again();
  });

  // The holder names itself in a sidecar just after taking the lock; a run arriving in between must still name it.
  it('names a holder that has taken the lock but not yet written its name', async () => {
    const path = await tempStatePath();
    const unlock = await new FileStateStore(path).lock('orderform apply');
    const name = await readFile(ownerPath(path), 'utf8');
    await unlink(ownerPath(path));
    setTimeout(() => void writeFile(ownerPath(path), name), 300);
    const summary = await lockFailure(new FileStateStore(path).lock('orderform state rm'));
    expect(summary).toContain(`pid ${process.pid}`);
    await unlock();
  });

  it('does not name a dead holder whose sidecar is older than the lock it finds', async () => {
    const path = await tempStatePath();
    const unlock = await new FileStateStore(path).lock('orderform apply');
    const name = await readFile(ownerPath(path), 'utf8');
    const dead = { pid: 999_999, host: 'gone', command: 'orderform apply', since: new Date(Date.now() - 60_000).toISOString() };
    await writeFile(ownerPath(path), JSON.stringify(dead));
    setTimeout(() => void writeFile(ownerPath(path), name), 300);
    const summary = await lockFailure(new FileStateStore(path).lock('orderform state rm'));
    expect(summary).toContain(`pid ${process.pid}`);
    expect(summary).not.toContain('999999');
    await unlock();
  });

  it('takes the lock when the holder releases it before naming itself', async () => {
    const path = await tempStatePath();
    const unlock = await new FileStateStore(path).lock('orderform apply');
    await unlink(ownerPath(path));
    setTimeout(() => void unlock(), 300);
    const second = await new FileStateStore(path).lock('orderform state rm');
    await second();
  });

  it('lets a second writer wait for the holder when asked', async () => {
    const path = await tempStatePath();
    const first = new FileStateStore(path);
    const unlock = await first.lock('orderform apply');
    const waiting = new FileStateStore(path, { lock: { waitMs: 5_000 } }).lock('orderform apply');
    setTimeout(() => void unlock(), 200);
    const second = await waiting;
    await second();
  });

  it('still fails when the holder outlasts the wait', async () => {
    const path = await tempStatePath();
    const unlock = await new FileStateStore(path).lock('orderform apply');
    await lockFailure(new FileStateStore(path, { lock: { waitMs: 300 } }).lock('orderform apply'));
    await unlock();
  });

  it('stops writes after release', async () => {
    const path = await tempStatePath();
    const store = new FileStateStore(path);
    const unlock = await store.lock('orderform apply');
    await unlock();
    await expect(store.put('orders.a', resource('orders.a'))).rejects.toThrow(/must be locked/);
  });

  it('applies to the memory store too', async () => {
    const store = new MemoryStateStore();
    const unlock = await store.lock('orderform apply');
    expect(await lockFailure(store.lock('other'))).toContain('(orderform apply)');
    await unlock();
    await expect(store.put('orders.a', resource('orders.a'))).rejects.toThrow(/must be locked/);
  });
});
