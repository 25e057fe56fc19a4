/**
 * The CI workflow's script (examples/ci/orderform-ci.mjs) against the sandbox, as the PR job, the
 * merge job and the scheduled job run it: the merge applies exactly the plan the PR showed, or
 * refuses and says why; the scheduled job repairs alerts only, never buys.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../engine/config/index.js';
import { createProviders } from '../../engine/providers/index.js';
import { tempDir, writeConfig, type FixtureOptions } from '../support/fixture.js';
import { mutatingCalls, useSandbox } from '../support/sandbox.js';
import { runCli } from '../support/capture-io.js';
import { BIN, REPO } from '../support/project.js';

const SCRIPT = join(REPO, 'examples', 'ci', 'orderform-ci.mjs');
const { sb } = useSandbox();

/** The script as CI runs it: a child process running the built CLI (the sandbox answers from this process, so never spawnSync). */
function spawnCi(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: dir, env: { ...sb().env, PATH: process.env.PATH ?? '', ORDERFORM_BIN: BIN } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => done({ code: code ?? 1, out, err }));
  });
}

type Main = (argv: string[], run: (args: string[], cwd: string) => Promise<{ code: number; stdout: string; stderr: string }>) => Promise<number>;
const script = (await import(pathToFileURL(SCRIPT).href)) as { main: Main };

/** The same script, its orderform calls run in-process (a node start per call is seconds on a loaded runner). */
async function ci(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const code = await script.main([...args, '--cwd', dir], (a, cwd) => runCli(a, { cwd, env: sb().env }));
  return { code, out: '', err: '' };
}
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** A PR: the config at its head commit, the PR job's plan saved in pr/. */
async function pullRequest(o: FixtureOptions, head = 'abc123'): Promise<string> {
  const dir = tempDir();
  writeConfig(dir, o);
  const r = await ci(dir, ['pr-plan', '--out', 'pr', '--head-sha', head]);
  expect(r.code, r.err + read(dir, 'pr/comment.md')).toBe(2);
  expect(read(dir, 'pr/comment.md').split('\n')[0]).toBe('<!-- orderform-plan -->');
  return dir;
}

describe('the reviewed-plan flow', () => {
  it('PR plan → merge apply (the script and the CLI as processes): exactly the planned calls, then nothing left to do', async () => {
    const dir = tempDir();
    writeConfig(dir, { legacy: ['paris'], alerts: { watch: 'Watch' } });
    const pr = await spawnCi(dir, ['pr-plan', '--out', 'pr', '--head-sha', 'abc123']);
    expect(pr.code, pr.err + read(dir, 'pr/comment.md')).toBe(2);
    // The whole plan in Markdown beside the comment: the artifact a cut comment points to.
    expect(read(dir, 'pr/plan.md')).toBe(read(dir, 'pr/comment.md'));
    const planned = JSON.parse(read(dir, 'pr/plan.json')).changes.filter((c: { action: string }) => c.action !== 'noop');
    expect(planned.map((c: { address: string; action: string }) => `${c.address} ${c.action}`)).toEqual(['alerts.watch create', 'orders.paris create']);
    sb().resetCalls();
    const r = await spawnCi(dir, ['merge-apply', '--plan-dir', 'pr', '--out', 'merge', '--head-sha', 'abc123']);
    expect(r.code, read(dir, 'merge/comment.md')).toBe(0);
    expect(read(dir, 'merge/comment.md')).toContain('### orderform: applied the reviewed plan');
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1, 'POST /api/v1/alerts': 1 });
    const again = await ci(dir, ['merge-apply', '--out', 'again', '--head-sha', 'abc123']);
    expect(again.code).toBe(0);
    expect(read(dir, 'again/comment.md')).toContain('nothing to apply');
  }, 90_000); // two node processes per step: seconds each on a loaded runner

  it('PR plan → price change → merge apply refused with the reason in the comment; nothing bought', async () => {
    const dir = await pullRequest({ legacy: ['paris-price'] });
    sb().knobs.priceMultiplier = 1.5;
    sb().resetCalls();
    try {
      const r = await ci(dir, ['merge-apply', '--plan-dir', 'pr', '--out', 'merge', '--head-sha', 'abc123']);
      expect(r.code).toBe(1);
      const comment = read(dir, 'merge/comment.md');
      expect(comment).toContain('orderform apply refused or failed (PLAN_PRICE_INCREASED)');
      expect(comment).toContain('Re-run the plan job of this PR');
      expect(mutatingCalls(sb())).toEqual({});
    } finally {
      sb().knobs.priceMultiplier = 1;
    }
  });

  it('refuses a plan made from another commit than the PR head, and changes that no PR plan shows', async () => {
    const dir = await pullRequest({ legacy: ['paris-stale'] }, 'old-commit');
    sb().resetCalls();
    const foreign = await ci(dir, ['merge-apply', '--plan-dir', 'pr', '--out', 'merge', '--head-sha', 'new-commit']);
    expect(foreign.code).toBe(1);
    expect(read(dir, 'merge/comment.md')).toContain('ORDERFORM_CI_PLAN_NOT_FROM_HEAD');
    const none = await ci(dir, ['merge-apply', '--out', 'none', '--head-sha', 'new-commit']);
    expect(none.code).toBe(1);
    expect(read(dir, 'none/comment.md')).toContain('ORDERFORM_CI_NO_REVIEWED_PLAN');
    expect(mutatingCalls(sb())).toEqual({});
  });

  it('a large spend is applied only with the approval label on the PR', async () => {
    const dir = await pullRequest({ legacy: ['paris-large'], safety: 'safety: { maxSpendWithoutFlag: { EUR: 1 } }' });
    expect(read(dir, 'pr/comment.md')).toContain('LARGE_SPEND');
    sb().resetCalls();
    const refused = await ci(dir, ['merge-apply', '--plan-dir', 'pr', '--out', 'merge', '--head-sha', 'abc123', '--labels', 'documentation']);
    expect(refused.code).toBe(1);
    expect(read(dir, 'merge/comment.md')).toContain('a reviewer adds the label `orderform:allow-large-spend`');
    expect(mutatingCalls(sb())).toEqual({});
    const approved = await ci(dir, ['merge-apply', '--plan-dir', 'pr', '--out', 'merge', '--head-sha', 'abc123', '--labels', 'documentation,orderform:allow-large-spend']);
    expect(approved.code, read(dir, 'merge/comment.md')).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1 });
  });

  it('an approval reviewed in the PR config (safety.approvals) is shown in the comment and applies without a label', async () => {
    const safety = 'safety: { maxSpendWithoutFlag: { EUR: 1 }, approvals: { largeSpend: { upTo: { EUR: 1000000 }, reason: "approved in review" } } }';
    const dir = await pullRequest({ legacy: ['paris-approved'], safety });
    expect(read(dir, 'pr/comment.md')).toMatch(/- ✅ LARGE_SPEND [^\n]*approved by safety\.approvals\.largeSpend \(up to 1,000,000\.00 EUR: approved in review\)/);
    sb().resetCalls();
    const applied = await ci(dir, ['merge-apply', '--plan-dir', 'pr', '--out', 'merge', '--head-sha', 'abc123', '--labels', 'documentation']);
    expect(applied.code, read(dir, 'merge/comment.md')).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/orders': 1 });
  });
});

describe('the scheduled drift job', () => {
  async function deleteAtVendor(dir: string, address: string): Promise<void> {
    const { config } = await loadConfig([join(dir, 'orders.yaml')], { cwd: dir, env: sb().env });
    const id = JSON.parse(read(dir, 'orderform.state.json')).resources[address].remote.alertId as string;
    expect(await createProviders({ config: config!, env: sb().env }).oneatlas!.deleteAlert(id)).toBe(true);
  }

  it('reports an alert deleted at the vendor, repairs it when allowed, and never buys', async () => {
    const dir = await pullRequest({ alerts: { watch: 'Watch drift' } });
    expect((await ci(dir, ['merge-apply', '--plan-dir', 'pr', '--out', 'merge', '--head-sha', 'abc123'])).code).toBe(0);
    await deleteAtVendor(dir, 'alerts.watch');

    sb().resetCalls();
    const reported = await ci(dir, ['drift', '--out', 'drift']);
    expect(reported.code).toBe(2);
    expect(read(dir, 'drift/report.md')).toContain('alerts.watch');
    expect(read(dir, 'drift/report.md')).toContain('Not repaired: alert repair is not enabled');
    expect(mutatingCalls(sb())).toEqual({});

    const repaired = await ci(dir, ['drift', '--out', 'drift', '--repair-alerts']);
    expect(repaired.code, read(dir, 'drift/report.md')).toBe(0);
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/alerts': 1 });
    expect((await ci(dir, ['drift', '--out', 'drift'])).code).toBe(0);

    // An order in the config that nobody applied: the job repairs the alert alone (a targeted plan) and
    // leaves the order to the reviewed flow; it still fails the run, so someone looks.
    writeConfig(dir, { legacy: ['paris-drift'], alerts: { watch: 'Watch drift' } });
    await deleteAtVendor(dir, 'alerts.watch');
    sb().resetCalls();
    const mixed = await ci(dir, ['drift', '--out', 'drift', '--repair-alerts']);
    expect(mixed.code, read(dir, 'drift/report.md')).toBe(2);
    expect(read(dir, 'drift/report.md')).toContain('Repaired 1 alert(s): alerts.watch.');
    expect(read(dir, 'drift/report.md')).toContain('Left to the reviewed flow (purchases and deletions are applied only by a merged PR): orders.paris-drift (create).');
    expect(mutatingCalls(sb())).toEqual({ 'POST /api/v1/alerts': 1 });
    // What is left is the order alone; the job buys nothing however often it runs.
    sb().resetCalls();
    const again = await ci(dir, ['drift', '--out', 'drift', '--repair-alerts']);
    expect(again.code).toBe(2);
    expect(read(dir, 'drift/report.md')).toContain('Not repaired: no alert to repair.');
    expect(mutatingCalls(sb())).toEqual({});
  });
});
