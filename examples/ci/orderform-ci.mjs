#!/usr/bin/env node
/**
 * The logic of examples/ci/orderform.yml, kept out of the YAML so that it is tested against the
 * sandbox (test/teams/ci-flow.test.ts). Node only, no dependencies; runs `orderform` from PATH, or
 * the file named by ORDERFORM_BIN.
 *
 *   orderform-ci.mjs pr-plan     --out DIR [--head-sha SHA] [--config FILE]...
 *       validate + plan; DIR/plan.json (the saved plan), DIR/meta.json (the commit it was made from),
 *       DIR/comment.md (the PR comment, cut to fit GitHub's limit), DIR/plan.md (the whole plan in
 *       Markdown, which the comment points to when cut). Exit 0 no changes, 2 changes, 1 error.
 *   orderform-ci.mjs merge-apply --plan-dir DIR --out DIR --head-sha SHA [--labels a,b] [--config FILE]...
 *       applies exactly the saved plan of the PR's head commit, with the approvals its labels give;
 *       refuses (and says why in DIR/comment.md) a missing, foreign or stale plan. Exit 0 applied or
 *       nothing to do, 1 refused or failed.
 *   orderform-ci.mjs drift       --out DIR [--repair-alerts] [--config FILE]...
 *       plans and reports drift in DIR/report.md; with --repair-alerts repairs the alert creates,
 *       updates and replaces alone (a plan with `--target` for each, applied; never a purchase,
 *       never a delete) and reports the rest. Exit 0 nothing left to do, 2 changes left for the
 *       reviewed flow, 1 error.
 *
 * Every command takes --cwd DIR (default: the current directory) and --config FILE (repeatable,
 * default orders.yaml).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const COMMENT_MARKER = '<!-- orderform-apply -->';
/** PR labels that approve a plan's safety thresholds: the label is on the reviewed PR, never typed into a job. */
const APPROVALS = [
  { code: 'LARGE_SPEND', label: 'orderform:allow-large-spend', flag: '--allow-large-spend' },
  { code: 'TOO_DESTRUCTIVE', label: 'orderform:allow-destructive', flag: '--allow-destructive' },
  { code: 'ALREADY_OWNED', label: 'orderform:allow-rebuy', flag: '--allow-rebuy' },
];
const REPAIRABLE = new Set(['create', 'update', 'replace']);

/** `orderform ARGS` in a child process: {code, stdout, stderr}. Tests pass an in-process runner instead. */
function spawnOrderform(args, cwd) {
  const bin = process.env.ORDERFORM_BIN;
  const [cmd, pre] = !bin ? ['orderform', []] : bin.endsWith('.js') ? [process.execPath, [bin]] : [bin, []];
  return new Promise((done, fail) => {
    const child = spawn(cmd, [...pre, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

const fence = (text) => ['```', text.trim().replaceAll('```', "'''"), '```'].join('\n');
const configArgs = (files) => files.flatMap((f) => ['--config', f]);

async function prPlan(o) {
  // plan validates the config first (every error, positioned) and saves nothing it cannot apply.
  const plan = await o.run(['plan', ...configArgs(o.config), '--output', 'markdown', '--out', join(o.out, 'plan.json'), '--detailed-exitcode'], o.cwd);
  if (plan.code === 1) {
    write(o.out, 'comment.md', ['<!-- orderform-plan -->', '**orderform plan failed**: nothing can be applied from this PR.', '', fence(plan.stderr)].join('\n'));
    return 1;
  }
  write(o.out, 'comment.md', plan.stdout);
  const whole = await o.run(['show', join(o.out, 'plan.json'), '--output', 'markdown'], o.cwd);
  write(o.out, 'plan.md', whole.stdout);
  write(o.out, 'meta.json', `${JSON.stringify({ headSha: o.headSha ?? null, exitcode: plan.code })}\n`);
  return plan.code;
}

async function mergeApply(o) {
  const say = (title, body) => write(o.out, 'comment.md', [COMMENT_MARKER, `### ${title}`, '', ...body].join('\n'));
  const planFile = join(o.planDir ?? '', 'plan.json');
  if (!o.planDir || !existsSync(planFile)) {
    const now = await o.run(['plan', ...configArgs(o.config), '--detailed-exitcode'], o.cwd);
    if (now.code === 1) {
      say('orderform plan failed on the merged config', ['Nothing was applied.', '', fence(now.stderr)]);
      return 1;
    }
    if (now.code === 0) {
      say('orderform: nothing to apply', ['The merged config has no changes.']);
      return 0;
    }
    say('orderform apply refused: no reviewed plan', ['`ORDERFORM_CI_NO_REVIEWED_PLAN`: the merged config has changes, but the PR has no saved plan to apply, so nothing was applied.',
      'Open a PR (its plan job saves the plan reviewers see), or re-run the plan job of this PR and then this job.', '', fence(now.stderr || now.stdout)]);
    return 1;
  }
  const meta = JSON.parse(readFileSync(join(o.planDir, 'meta.json'), 'utf8'));
  if (!o.headSha || meta.headSha !== o.headSha) {
    say('orderform apply refused: the plan is not from the PR head', [`\`ORDERFORM_CI_PLAN_NOT_FROM_HEAD\`: the saved plan was made from commit ${meta.headSha ?? 'unknown'}; the PR head is ${o.headSha ?? 'unknown'}. Nothing was applied.`,
      'Re-run the plan job of this PR, review its comment, then re-run this job.']);
    return 1;
  }
  const flags = APPROVALS.filter((a) => o.labels.includes(a.label)).map((a) => a.flag);
  const applied = await o.run(['apply', planFile, ...configArgs(o.config), ...flags], o.cwd);
  if (applied.code === 0) {
    // The plan itself is in the PR's plan comment: here, what was done.
    const outcome = applied.stdout.trim().split('\n').slice(-1);
    say('orderform: applied the reviewed plan', [`Plan from ${meta.headSha}${flags.length ? `, approved by label (${flags.join(' ')})` : ''}: ${outcome}`, '', fence(applied.stderr || outcome.join('\n'))]);
    return 0;
  }
  const codes = [...new Set([...applied.stderr.matchAll(/\b([A-Z][A-Z_]{3,}):/g)].map((m) => m[1]))];
  const missing = APPROVALS.filter((a) => codes.includes(a.code));
  const hint = missing.length
    ? `The plan crosses a safety threshold (${missing.map((a) => a.code).join(', ')}): a reviewer adds the label ${missing.map((a) => `\`${a.label}\``).join(' and ')} to the PR, then re-runs this job.`
    : 'Re-run the plan job of this PR (it plans against the current vendors and state), review the new comment, then re-run this job.';
  say(`orderform apply refused or failed (${codes.join(', ') || `exit ${applied.code}`})`, [hint, '', fence(`${applied.stdout}\n${applied.stderr}`)]);
  return 1;
}

async function drift(o) {
  const planFile = join(o.out, 'drift-plan.json');
  const plan = await o.run(['plan', ...configArgs(o.config), '--output', 'markdown', '--out', planFile, '--detailed-exitcode'], o.cwd);
  const report = (lines) => write(o.out, 'report.md', [plan.stdout, '', ...lines].join('\n'));
  if (plan.code === 1) {
    report(['**orderform plan failed**', fence(plan.stderr)]);
    return 1;
  }
  if (plan.code === 0) {
    report(['No drift: the vendors match the config.']);
    return 0;
  }
  const changes = JSON.parse(readFileSync(planFile, 'utf8')).changes.filter((c) => c.action !== 'noop');
  const repairable = changes.filter((c) => c.kind === 'oneatlas_alert' && REPAIRABLE.has(c.action));
  const others = changes.filter((c) => !repairable.includes(c));
  const left = others.length
    ? `Left to the reviewed flow (purchases and deletions are applied only by a merged PR): ${others.map((c) => `${c.address} (${c.action})`).join(', ')}.`
    : '';
  if (!o.repairAlerts || !repairable.length) {
    report([o.repairAlerts ? 'Not repaired: no alert to repair.' : 'Not repaired: alert repair is not enabled for this job.', left].filter(Boolean));
    return 2;
  }
  // Only the alerts (and what they depend on: nothing that spends): a targeted plan, saved and applied as planned.
  const alertsFile = join(o.out, 'drift-alerts-plan.json');
  const targets = repairable.flatMap((c) => ['--target', c.address]);
  const targeted = await o.run(['plan', ...configArgs(o.config), ...targets, '--output', 'json', '--out', alertsFile, '--detailed-exitcode'], o.cwd);
  const planned = targeted.code === 2 ? JSON.parse(readFileSync(alertsFile, 'utf8')).changes.filter((c) => c.action !== 'noop') : [];
  const strays = planned.filter((c) => c.kind !== 'oneatlas_alert' || !REPAIRABLE.has(c.action));
  if (targeted.code !== 2 || strays.length) {
    report(['**Alert repair not attempted**: the targeted plan ' + (strays.length ? `also has ${strays.map((c) => c.address).join(', ')}` : 'failed'), fence(targeted.stderr), left].filter(Boolean));
    return 1;
  }
  const applied = await o.run(['apply', alertsFile, ...configArgs(o.config)], o.cwd);
  report([applied.code === 0 ? `Repaired ${planned.length} alert(s): ${planned.map((c) => c.address).join(', ')}.` : '**Alert repair refused or failed**', fence(`${applied.stdout}\n${applied.stderr}`), left].filter(Boolean));
  if (applied.code !== 0) return 1;
  return others.length ? 2 : 0;
}

function write(dir, name, text) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text.endsWith('\n') ? text : `${text}\n`);
}

export async function main(argv, run = spawnOrderform) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', multiple: true },
      out: { type: 'string' },
      'plan-dir': { type: 'string' },
      'head-sha': { type: 'string' },
      labels: { type: 'string' },
      'repair-alerts': { type: 'boolean', default: false },
      cwd: { type: 'string' },
    },
  });
  const cwd = values.cwd ?? process.cwd();
  const o = {
    run,
    cwd,
    config: values.config ?? ['orders.yaml'],
    out: resolve(cwd, values.out ?? '.orderform-ci'),
    planDir: values['plan-dir'] && resolve(cwd, values['plan-dir']),
    headSha: values['head-sha'] || undefined,
    labels: (values.labels ?? '').split(',').map((l) => l.trim()).filter(Boolean),
    repairAlerts: values['repair-alerts'],
  };
  mkdirSync(o.out, { recursive: true });
  switch (positionals[0]) {
    case 'pr-plan':
      return prPlan(o);
    case 'merge-apply':
      return mergeApply(o);
    case 'drift':
      return drift(o);
    default:
      process.stderr.write('usage: orderform-ci.mjs pr-plan|merge-apply|drift [options] (see the header of this file)\n');
      return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
