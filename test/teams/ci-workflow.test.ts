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
  with?: { script?: string };
}
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }>; env: Record<string, string> };
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

/** Every `orderform <command> --flag …` the workflow runs. */
function invocations(): { command: string; flags: string[] }[] {
  return steps
    .flatMap((s) => (s.run ?? '').split('\n'))
    .flatMap((line) => [...line.matchAll(/(?:^|[\s;&|])orderform\s+([a-z-]+)([^;&|>\n]*)/g)])
    .map((m) => ({ command: m[1]!, flags: [...(m[2] ?? '').matchAll(/--([a-z-]+)/g)].map((f) => f[1]!) }));
}

let team: Team;
beforeAll(async () => {
  team = await startTeam();
});
afterAll(() => team.close());

describe('the GitHub Actions example', () => {
  test('plans on pull requests, applies on main, secrets from repository secrets', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(Object.keys(workflow.jobs).sort()).toEqual(['apply', 'plan']);
    for (const name of ['ORDERFORM_ONEATLAS_API_KEY', 'ORDERFORM_MAXAR_API_KEY', 'ORDERFORM_STATE_URL']) {
      expect(workflow.env[name]).toBe(`\${{ secrets.${name} }}`);
    }
  });

  test('runs only commands and flags that exist', async () => {
    const used = invocations();
    expect(used.map((u) => u.command)).toEqual(expect.arrayContaining(['validate', 'plan', 'apply']));
    for (const { command, flags } of used) {
      const help = await team.cli([command, '--help']);
      expect(help.code, `${command} --help`).toBe(0);
      for (const flag of flags) expect(help.stdout, `orderform ${command} --${flag}`).toContain(`--${flag}`);
    }
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
      new (Object.getPrototypeOf(async () => undefined).constructor)('require', 'github', 'context', script)(
        () => ({ readFileSync: () => body }),
        github,
        context,
      ) as Promise<void>;
    await runScript(plan.stdout);
    await runScript(plan.stdout.replace('alerts.paris', 'alerts.paris (again)'));
    const bot = comments.filter((c) => c.body.startsWith(MARKER));
    expect(bot).toHaveLength(1);
    expect(bot[0]!.body).toContain('alerts.paris (again)');
    expect(comments).toHaveLength(2);

    // The main job: apply the saved plan, after which a new plan has nothing to do.
    const apply = await team.cli(['apply', 'plan.json', '--config', 'orders.yaml', '--auto-approve', '--parallelism', '4']);
    expect(apply.code, apply.stderr).toBe(0);
    const again = await team.cli(['plan', '--config', 'orders.yaml', '--out', 'plan.json', '--detailed-exitcode']);
    expect(again.code, again.stderr).toBe(0);
  });
});
