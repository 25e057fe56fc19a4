/** Read-only commands never write state: on a folder without state they leave no state file behind. */
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStateStore } from '../../engine/state/file-store.js';
import { tempDir, writeConfig } from '../support/fixture.js';
import { useSandbox } from '../support/sandbox.js';
import { runCli } from '../support/capture-io.js';

const { sb } = useSandbox();

describe('read-only commands', () => {
  it('deliveries, state list and state show create no state file', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['a'] });
    const deliveries = await runCli(['deliveries'], { cwd: dir, env: sb().env });
    expect(deliveries.code, deliveries.stderr).toBe(0);
    expect(deliveries.stdout).toBe('No order in state yet.\n');
    const list = await runCli(['state', 'list'], { cwd: dir, env: sb().env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toContain('0 resources');
    const show = await runCli(['state', 'show', 'orders.a'], { cwd: dir, env: sb().env });
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('STATE_ADDRESS_UNKNOWN');
    expect(readdirSync(dir)).toEqual(['orders.yaml']);
  });

  it('show reads a saved plan and writes nothing', async () => {
    const planned = tempDir();
    writeConfig(planned, { legacy: ['a'] });
    expect((await runCli(['plan', '--out', 'plan.json'], { cwd: planned, env: sb().env })).code).toBe(0);
    const dir = tempDir();
    copyFileSync(join(planned, 'plan.json'), join(dir, 'plan.json'));
    const show = await runCli(['show', 'plan.json'], { cwd: dir });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('orders.a');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('a read-only file store reads a missing state as empty; a writer still creates it with a lineage', async () => {
    const path = join(tempDir(), 'orderform.state.json');
    const state = await new FileStateStore(path, { readOnly: true }).read();
    expect(state).toMatchObject({ lineage: '', serial: 0, resources: {} });
    expect(existsSync(path)).toBe(false);
    const created = await new FileStateStore(path).read();
    expect(created.lineage).not.toBe('');
    expect(existsSync(path)).toBe(true);
    expect((await new FileStateStore(path, { readOnly: true }).read()).lineage).toBe(created.lineage);
  });
});
