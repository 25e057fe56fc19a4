/** State writes of an apply grow linearly with its changes: bytes written counted, not timed. */
import { appendFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../engine/apply/executor.js';
import { stateFor, withIntent } from '../../engine/core/resource-state.js';
import type { ChangeHandler } from '../../engine/core/handler.js';
import type { AlertSpec } from '../../engine/model.js';
import type { Change, Plan } from '../../engine/plan/types.js';
import { FileStateStore } from '../../engine/state/file-store.js';
import { nodeFs, type FsOps } from '../../engine/state/fs-ops.js';
import { tempDir } from '../support/fixture.js';

const source = { file: 'orders.yaml', line: 1, column: 1, path: 'alerts' };

function alert(i: number): AlertSpec {
  const key = `a${i}`;
  return {
    kind: 'oneatlas_alert', address: `alerts.${key}`, key, digest: `d${i}`, source, name: `Alert ${i}`, context: 'subscription',
    constellations: ['PHR'], productTypes: [], cloudCover: [0, 20], incidenceAngle: [0, 30],
    geometry: { type: 'Polygon', coordinates: [[[2.33, 48.85], [2.36, 48.85], [2.36, 48.87], [2.33, 48.85]]] },
  };
}

/** Like the real alert handler: an intent, then the created alert (two state writes per change). */
const handler: ChangeHandler = {
  async apply(change, spec, prior, ctx) {
    await withIntent(ctx, spec!, prior, 'create', {}, async () => undefined);
    return stateFor(spec!, undefined, ctx.now(), { status: 'active', remote: { alertId: `id-${change.address}` } });
  },
};

async function bytesForApply(n: number): Promise<number> {
  let bytes = 0;
  // Bytes are counted, not synced: 2,200 fsyncs would make the test slow without changing what it measures.
  const fs: FsOps = {
    ...nodeFs,
    writeSynced: (p, d, m) => ((bytes += Buffer.byteLength(d)), writeFile(p, d, { mode: m })),
    appendSynced: (p, d, m) => ((bytes += Buffer.byteLength(d)), appendFile(p, d, { mode: m })),
    truncateSynced: (p, length) => truncate(p, length),
    syncDir: async () => undefined,
  };
  const store = new FileStateStore(join(tempDir(), 'orderform.state.json'), { fs });
  const unlock = await store.lock('test');
  const specs = Array.from({ length: n }, (_, i) => alert(i));
  const changes = specs.map((s) => ({ address: s.address, kind: s.kind, action: 'create', reason: 'new', irreversible: false, before: null, after: null, fieldDiffs: [], cost: null, dependsOn: [], notes: [] }) as Change);
  const out = await execute(
    { plan: { changes } as unknown as Plan, specs: new Map(specs.map((s) => [s.address, s])), state: await store.read(), store, handlerFor: () => handler },
    { parallelism: 10, keepGoing: false },
  );
  await store.compact();
  await unlock();
  expect(out.done).toHaveLength(n);
  return bytes;
}

describe('apply state writes', () => {
  it('write about ten times the bytes for ten times the changes (not a hundred)', async () => {
    const small = await bytesForApply(100);
    const large = await bytesForApply(1000);
    expect(large / small).toBeGreaterThan(8);
    expect(large / small).toBeLessThan(13);
    // 1,100 applied changes: ~10 s alone, past 30 s when the suite shares two cores; what is measured is bytes, not time.
  }, 120_000);
});
