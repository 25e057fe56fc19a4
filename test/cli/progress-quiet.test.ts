/** Progress bars on a terminal, lines in logs, silence with --quiet: plan, apply and refresh against the sandbox. */
import { describe, expect, it } from 'vitest';
import { ownWorld as setup } from '../support/fixture.js';
import { useSandbox } from '../support/sandbox.js';
import { runCli } from '../support/capture-io.js';

const { sb } = useSandbox();
/** Each folder buys the same catalog item over Paris on one sandbox: after the first, a re-buy on purpose. */
const APPLY = ['apply', '--auto-approve', '--allow-rebuy'];


describe('progress and --quiet', () => {
  it('plan on a terminal shows the pricing bar on stderr, not with --quiet, not when piped', async () => {
    const dir = setup();
    const tty = await runCli(['plan'], { cwd: dir, env: sb().env, isTty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('Pricing');
    expect(tty.stderr).toContain('3/3');
    expect(tty.stdout).not.toContain('Pricing');
    const quiet = await runCli(['plan', '--quiet'], { cwd: dir, env: sb().env, isTty: true });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('Plan: 2 to order (500.00 EUR), 1 alert to create.');
    const piped = await runCli(['plan'], { cwd: dir, env: sb().env });
    expect(piped.stderr).toBe('');
  });

  it('apply: a bar and a line per change on a terminal, a line per change in logs, neither with --quiet', async () => {
    const tty = await runCli(APPLY, { cwd: setup(), env: sb().env, isTty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('Applying');
    expect(tty.stderr.match(/: created after \d+s \[id=[^\]]+\]\n/g)).toHaveLength(3);
    const piped = await runCli(APPLY, { cwd: setup(), env: sb().env });
    expect(piped.stderr).not.toContain('Applying');
    expect(piped.stderr.match(/^\S+: created after \d+s \[id=[^\]]+\]$/gm)).toHaveLength(3);
    const quiet = await runCli([...APPLY, '--quiet'], { cwd: setup(), env: sb().env, isTty: true });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('Apply complete: 3 done, 0 failed, 0 skipped.');
  });

  it('refresh --quiet prints only the summary line', async () => {
    const loud = setup();
    const quiet = setup();
    for (const dir of [loud, quiet]) expect((await runCli([...APPLY, '--quiet'], { cwd: dir, env: sb().env })).code).toBe(0);
    const full = await runCli(['refresh'], { cwd: loud, env: sb().env });
    expect(full.stdout).toMatch(/^~ orders\.a\d+: /m);
    const short = await runCli(['refresh', '--quiet'], { cwd: quiet, env: sb().env });
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(/^Refreshed: \d+ resources? updated in state\.\n$/);
  });

  it('refresh on a terminal shows a bar over the vendor lists it reads, on stderr only', async () => {
    const dir = setup();
    expect((await runCli([...APPLY, '--quiet'], { cwd: dir, env: sb().env })).code).toBe(0);
    const tty = await runCli(['refresh'], { cwd: dir, env: sb().env, isTty: true });
    expect(tty.code).toBe(0);
    // Two lists: the alerts of the contract and the legacy workspace.
    expect(tty.stderr).toContain('Reading');
    expect(tty.stderr).toContain('2/2');
    expect(tty.stdout).not.toContain('Reading');
    const quiet = await runCli(['refresh', '--quiet'], { cwd: dir, env: sb().env, isTty: true });
    expect(quiet.stderr).toBe('');
  });
});
