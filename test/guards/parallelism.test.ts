/** `--parallelism` below 1 would start nothing and report success: it is a usage error before any work. */
import { describe, expect, it } from 'vitest';
import { execute } from '../../engine/apply/executor.js';
import { tempDir, writeConfig } from '../support/fixture.js';
import { runCli } from '../support/capture-io.js';

describe('--parallelism', () => {
  it.each([['apply', '0'], ['apply', '-2'], ['plan', '1.5'], ['refresh', '0']])('%s --parallelism %s exits 1 with PARALLELISM_INVALID and reads nothing', async (command, value) => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'] });
    // No sandbox and no keys: a run that got past argument parsing would fail differently.
    const r = await runCli([command, '--parallelism', value, '--auto-approve'].filter((a) => command === 'apply' || a !== '--auto-approve'), { cwd: dir, env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`PARALLELISM_INVALID: --parallelism must be a whole number of at least 1 (got ${value})`);
    expect(r.stdout).toBe('');
  });

  it('the executor refuses it too (engine callers)', async () => {
    await expect(execute({ plan: { changes: [] } as never, specs: new Map(), state: { resources: {} } as never, store: {} as never, handlerFor: () => undefined as never }, { parallelism: 0, keepGoing: false }))
      .rejects.toThrow(/parallelism must be a whole number >= 1/);
  });
});
