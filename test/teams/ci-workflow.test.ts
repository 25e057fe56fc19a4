import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTeam, type Team } from './harness.js';

const WORKFLOW = join(fileURLToPath(import.meta.url), '..', '..', '..', 'examples', 'ci', 'orderform.yml');
const MARKER = '<!-- orderform-plan -->';

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string | number | boolean | undefined> & { script?: string };
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  environment?: string;
  concurrency?: unknown;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job>; env: Record<string, string>; concurrency?: unknown };
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const runLines = steps.flatMap((s) => (s.run ?? '').split('\n'));

/** Every `orderform-ci.mjs <command> --flag …` the workflow runs. */
function scriptInvocations(): { command: string; flags: string[] }[] {
  return runLines
    .flatMap((line) => [...line.matchAll(/orderform-ci\.mjs\s+([a-z-]+)([^;&|>\n]*)/g)])
    .map((m) => ({ command: m[1]!, flags: [...(m[2] ?? '').matchAll(/--([a-z-]+)/g)].map((f) => f[1]!) }));
}

let team: Team;
beforeAll(async () => {
  team = await startTeam();
});
afterAll(() => team.close());

describe('the GitHub Actions example', () => {
  test('plans pull requests, applies merges, checks drift on a schedule; each job gets only its own keys', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(Object.keys(workflow.jobs).sort()).toEqual(['apply', 'drift', 'plan']);
    expect(workflow.env).not.toHaveProperty('ORDERFORM_ONEATLAS_API_KEY');
    const { plan, apply, drift } = workflow.jobs;
    for (const name of ['ORDERFORM_ONEATLAS_API_KEY', 'ORDERFORM_MAXAR_USERNAME', 'ORDERFORM_MAXAR_PASSWORD', 'ORDERFORM_STATE_URL']) {
      expect(plan!.env![name]).toBe(`\${{ secrets.${name.replace('ORDERFORM_', 'ORDERFORM_PLAN_')} }}`);
      expect(apply!.env![name]).toBe(`\${{ secrets.${name} }}`);
      expect(drift!.env![name]).toBe(`\${{ secrets.${name} }}`);
    }
    expect(plan!.environment).toBe('orderform-plan');
    expect(plan!.if).toContain('head.repo.full_name == github.repository');
    expect(apply!.environment).toBe('orderform-production');
  });

  test('no concurrency setting can cancel an apply', () => {
    expect(workflow.concurrency).toBeUndefined();
    expect(workflow.jobs.apply!.concurrency).toBeUndefined();
    expect(workflow.jobs.drift!.concurrency).toBeUndefined();
  });

  test('installs orderform from a pinned commit, never a registry package by name', () => {
    expect(workflow.env.ORDERFORM_REF).toMatch(/^[0-9a-f]{40}$/);
    for (const line of runLines.filter((l) => /npm (install|i) /.test(l))) expect(line).toMatch(/npm install --global "\$RUNNER_TEMP"\/orderform-cli-\*\.tgz$/);
    expect(runLines.join('\n')).not.toMatch(/orderform@|npx orderform/);
  });

  test('runs only script commands and flags that exist, and the merge job applies the PR head plan with its labels', async () => {
    const used = scriptInvocations();
    expect(used.map((u) => u.command).sort()).toEqual(['drift', 'merge-apply', 'pr-plan']);
    const script = readFileSync(join(WORKFLOW, '..', 'orderform-ci.mjs'), 'utf8');
    for (const { flags } of used) for (const flag of flags) expect(script, `--${flag}`).toMatch(new RegExp(`\\s'?${flag}'?: \\{ type:`));
    expect(used.find((u) => u.command === 'merge-apply')!.flags).toEqual(expect.arrayContaining(['plan-dir', 'head-sha', 'labels']));
    const download = workflow.jobs.apply!.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!;
    expect(download.with!.name).toBe('orderform-plan-${{ steps.pr.outputs.head }}');
    const upload = workflow.jobs.plan!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with!.name).toBe('orderform-plan-${{ github.event.pull_request.head.sha }}');
    // The saved plan to apply, and the whole plan in Markdown that a comment cut to fit points to.
    expect(String(upload.with!.path).split('\n').map((p) => p.trim()).filter(Boolean)).toEqual([
      '${{ runner.temp }}/pr/plan.json', '${{ runner.temp }}/pr/plan.md', '${{ runner.temp }}/pr/meta.json',
    ]);
  });

  test('the PR job posts the sandbox plan as one comment, updated in place on the next push', async () => {
    writeFileSync(
      join(team.dir, 'orders.yaml'),
      `providers:
  oneatlas:
    contracts:
      legacy: { contractId: CTR21000411, backend: legacy }
alerts:
  paris:
    name: Paris clear
    context: legacy
    constellations: [PHR]
    productTypes: [mono]
    cloudCover: [0, 20]
    aoi:
      type: Polygon
      coordinates: [[[2.33, 48.85], [2.37, 48.85], [2.37, 48.87], [2.33, 48.87], [2.33, 48.85]]]
`,
    );
    const plan = await team.cli(['plan', '--config', 'orders.yaml', '--output', 'markdown', '--out', 'plan.json', '--detailed-exitcode']);
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout.split('\n')[0]).toBe(MARKER);
    expect(plan.stdout).toContain('alerts.paris');
    expect(existsSync(join(team.dir, 'plan.json'))).toBe(true);

    const script = steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!.script!;
    const comments: { id: number; body: string; user: { type: string } }[] = [{ id: 1, body: 'LGTM', user: { type: 'User' } }];
    const github = {
      paginate: async (fn: (a: unknown) => Promise<{ data: unknown[] }>, args: unknown) => (await fn(args)).data,
      rest: {
        issues: {
          listComments: async () => ({ data: comments }),
          createComment: async ({ body }: { body: string }) => void comments.push({ id: comments.length + 1, body, user: { type: 'Bot' } }),
          updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => void (comments.find((c) => c.id === comment_id)!.body = body),
        },
      },
    };
    const context = { repo: { owner: 'acme', repo: 'imagery' }, issue: { number: 7 } };
    const runScript = (body: string) =>
      new (Object.getPrototypeOf(async () => undefined).constructor)('require', 'github', 'context', 'process', script)(
        () => ({ readFileSync: (file: string) => (file === 'comment.md' ? body : '') }),
        github,
        context,
        { env: { COMMENT_FILE: 'comment.md' } },
      ) as Promise<void>;
    await runScript(plan.stdout);
    await runScript(plan.stdout.replace('alerts.paris', 'alerts.paris (again)'));
    const bot = comments.filter((c) => c.body.startsWith(MARKER));
    expect(bot).toHaveLength(1);
    expect(bot[0]!.body).toContain('alerts.paris (again)');
    expect(comments).toHaveLength(2);

    // Applying the saved plan leaves nothing to do (the merge job's path is tested in ci-flow.test.ts).
    const apply = await team.cli(['apply', 'plan.json', '--config', 'orders.yaml']);
    expect(apply.code, apply.stderr).toBe(0);
    const again = await team.cli(['plan', '--config', 'orders.yaml', '--out', 'plan.json', '--detailed-exitcode']);
    expect(again.code, again.stderr).toBe(0);
  });
});
