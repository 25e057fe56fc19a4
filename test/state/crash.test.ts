/**
 * Stops the file store at every file-system step of a sequence of puts and compactions (tearing
 * writes half-way) and checks that what is left on disk reads back with every acknowledged put.
 */
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { FileStateStore } from '../../engine/state/file-store.js';
import { nodeFs, type FsOps } from '../../engine/state/fs-ops.js';
import type { ResourceState } from '../../engine/state/types.js';
import { resource, tempStatePath } from './fixtures.js';

class Crash extends Error {}

/** Real fs that dies at step `at`: a write at that step lands half its bytes, later calls all fail. */
function crashingFs(at: number): FsOps & { crashed: () => boolean } {
  let step = 0;
  let dead = false;
  const guard = <A extends unknown[]>(name: keyof FsOps, fn: (...a: A) => Promise<any>) => async (...args: A) => {
    if (dead) throw new Crash('dead');
    if (step++ === at) {
      dead = true;
      if (name === 'writeSynced' || name === 'appendSynced') {
        const [path, data, mode] = args as unknown as [string, string, number];
        await nodeFs.appendSynced(path, data.slice(0, Math.floor(data.length / 2)), mode);
      }
      throw new Crash(`crash at ${name}`);
    }
    return fn(...args);
  };
  const fs = Object.fromEntries(Object.entries(nodeFs).map(([n, f]) => [n, guard(n as keyof FsOps, f)])) as unknown as FsOps;
  return Object.assign(fs, { crashed: () => dead });
}

type Op = { put: [string, ResourceState | null] } | { compact: true };
const ops: Op[] = [
  { put: ['orders.a', resource('orders.a', { status: 'intent' })] },
  { put: ['orders.a', resource('orders.a')] },
  { put: ['alerts.b', resource('alerts.b', { kind: 'oneatlas_alert' })] },
  { compact: true },
  { put: ['orders.c', resource('orders.c')] },
  { put: ['alerts.b', null] },
  { compact: true },
  { put: ['orders.d', resource('orders.d')] },
];

function model(puts: [string, ResourceState | null][]): Record<string, ResourceState> {
  const m: Record<string, ResourceState> = {};
  for (const [a, r] of puts) {
    if (r) m[a] = r;
    else delete m[a];
  }
  return m;
}

describe('file store crash safety', () => {
  it('leaves a readable state holding every acknowledged put, whatever step it dies at', async () => {
    let completed = false;
    for (let at = 0; !completed; at++) {
      const path = await tempStatePath();
      const fs = crashingFs(at);
      const store = new FileStateStore(path, { fs });
      await store.lock('orderform apply');
      const acked: [string, ResourceState | null][] = [];
      let inFlight: [string, ResourceState | null] | null = null;
      try {
        for (const op of ops) {
          if ('put' in op) {
            inFlight = op.put;
            await store.put(...op.put);
            acked.push(op.put);
            inFlight = null;
          } else await store.compact();
        }
        completed = true;
      } catch (e) {
        if (!(e instanceof Crash)) throw e;
      }
      await lockfile.unlock(path, { realpath: false }); // the dead process's lock, released for the check

      const after = await new FileStateStore(path).read();
      const withoutInFlight = model(acked);
      const withInFlight = inFlight ? model([...acked, inFlight]) : withoutInFlight;
      expect([withoutInFlight, withInFlight], `crash at step ${at}`).toContainEqual(after.resources);
      expect([acked.length, acked.length + 1], `crash at step ${at}`).toContain(after.serial);

      // The next run writes on top of whatever the crash left (a torn journal line is cut off first).
      const next = new FileStateStore(path);
      const unlock = await next.lock('orderform apply');
      await next.put('orders.z', resource('orders.z'));
      const expected = { ...after.resources, 'orders.z': resource('orders.z') };
      expect((await new FileStateStore(path).read()).resources, `crash at step ${at}, journal`).toEqual(expected);
      await unlock();
      const final = await new FileStateStore(path).read();
      expect(final.resources, `crash at step ${at}, compacted`).toEqual(expected);
      expect(final.serial, `crash at step ${at}`).toBe(after.serial + 1);
    }
  });
});
