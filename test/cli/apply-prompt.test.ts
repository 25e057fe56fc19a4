/**
 * Interactive apply, as a user at a terminal sees it: the question, "no" (exit 1), Ctrl-C at the
 * question (exit 130, nothing changed), Ctrl-C while applying (the change in flight finishes and is
 * recorded, no new one starts, exit 130), and a line per change with the vendor's id.
 */
import { describe, expect, it } from 'vitest';
import { ownWorld as setup } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';
import { INTERRUPT, runCli, type CaptureOptions } from '../support/capture-io.js';

const { sb } = useSandbox();


const apply = (dir: string, opts: Partial<CaptureOptions>, ...argv: string[]) => runCli(['apply', ...argv], { cwd: dir, env: sb().env, isTty: true, ...opts });

describe('apply at a terminal', () => {
  it('answering no: "Apply cancelled; nothing was changed.", exit 1, no call that changes anything', async () => {
    sb().resetCalls();
    const r = await apply(setup(), { answers: ['no'] });
    expect(r.stdout).toContain('Apply these changes? Only "yes" is accepted: no\nApply cancelled; nothing was changed.\n');
    expect(r.code).toBe(1);
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('Ctrl-C at the question (or the end of input): "Interrupted; nothing was changed", exit 130, no internal error', async () => {
    sb().resetCalls();
    for (const answers of [[INTERRUPT], []] as CaptureOptions['answers'][]) {
      const r = await apply(setup(), { answers });
      expect(r.stdout).toContain('Interrupted; nothing was changed.');
      expect(r.code).toBe(130);
      expect(r.stderr).not.toContain('internal error');
    }
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('yes: a line per change with how long it took and the vendor id, like Terraform', async () => {
    const r = await apply(setup(), { answers: ['yes'] });
    expect(r.code).toBe(0);
    // Each line above the bar: the bar's line cleared, the line, the bar drawn again.
    expect(r.stderr).toMatch(/\r\x1b\[2Korders\.a\d+: created after \d+s \[id=SAL\d+\]\n/);
    expect(r.stderr).toMatch(/\r\x1b\[2Korders\.b\d+: created after \d+s \[id=SAL\d+\]\n/);
    expect(r.stderr).toMatch(/\r\x1b\[2Kalerts\.w: created after \d+s \[id=[0-9a-f-]{36}\]\n/);
    expect(r.stdout).toContain('Apply complete: 3 done, 0 failed, 0 skipped.');
  });

  it('Ctrl-C while applying: the change in flight is finished and recorded, no new one starts, exit 130; apply again does the rest', async () => {
    const dir = setup();
    const r = await apply(dir, { answers: ['yes'], interruptWhen: /created after/ }, '--parallelism', '1');
    expect(r.stderr).toContain('Interrupted: the changes in flight finish and are recorded, no new one starts');
    expect(r.stdout).toContain('Apply interrupted: 1 done, 0 failed, 2 skipped.');
    expect(r.stdout).toContain('What is done is recorded in state; run apply again for the rest.');
    expect(r.stderr.match(/skipped \S+ \(create\): not started: interrupted/g)).toHaveLength(2);
    expect(r.code).toBe(130);
    const again = await apply(dir, {}, '--auto-approve');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Apply complete: 2 done, 0 failed, 0 skipped.');
  });
});
