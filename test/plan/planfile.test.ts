import { stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../engine/diagnostics.js';
import { checkStale, loadPlan, savePlan } from '../../engine/plan/planfile.js';
import { busyPlan } from '../render/plans.js';
import { tempStatePath } from '../state/fixtures.js';

async function codesOf(p: Promise<unknown>): Promise<string[]> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DiagnosticsError);
  return (err as DiagnosticsError).diagnostics.map((d) => d.code);
}

describe('saved plans', () => {
  it('round-trips a plan through a file readable only by its owner', async () => {
    const path = `${await tempStatePath()}.plan.json`;
    const plan = busyPlan();
    await savePlan(path, plan);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await loadPlan(path)).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('refuses a file that is not a plan, saying why', async () => {
    const path = `${await tempStatePath()}.plan.json`;
    await writeFile(path, JSON.stringify({ ...busyPlan(), formatVersion: 2 }));
    expect(await codesOf(loadPlan(path))).toEqual(['PLAN_FILE_INVALID']);
    await writeFile(path, '{"formatVersion": 1,');
    expect(await codesOf(loadPlan(path))).toEqual(['PLAN_FILE_INVALID']);
    expect(await codesOf(loadPlan(`${path}.missing`))).toEqual(['PLAN_FILE_UNREADABLE']);
  });
});

describe('checkStale', () => {
  const plan = busyPlan(); // config cfg-digest-1, state lin-1 serial 4
  it.each([
    ['same config and state', { configDigest: 'cfg-digest-1', lineage: 'lin-1', serial: 4 }, []],
    ['config edited', { configDigest: 'cfg-digest-2', lineage: 'lin-1', serial: 4 }, ['PLAN_STALE_CONFIG']],
    ['state written since', { configDigest: 'cfg-digest-1', lineage: 'lin-1', serial: 5 }, ['PLAN_STALE_STATE']],
    ['another state', { configDigest: 'cfg-digest-1', lineage: 'lin-9', serial: 4 }, ['PLAN_OTHER_STATE']],
    ['everything moved', { configDigest: 'x', lineage: 'lin-9', serial: 9 }, ['PLAN_OTHER_STATE', 'PLAN_STALE_CONFIG']],
  ] as const)('%s', (_, now, codes) => {
    const ds = checkStale(plan, now);
    expect(ds.map((d) => d.code)).toEqual(codes);
    for (const d of ds) expect(d.detail).toContain('orderform plan --out FILE');
  });
});
