/** The work of `orderform apply`, loaded only when the command runs (see apply.ts). */
import { resolve } from 'node:path';
import { checkApplyable, runApply } from '../../engine/apply/run.js';
import type { ApplyHooks } from '../../engine/apply/types.js';
import { DiagnosticsError, error, hasErrors } from '../../engine/diagnostics.js';
import { buildPlan } from '../../engine/plan/build.js';
import { checkStale, loadPlan } from '../../engine/plan/planfile.js';
import { checkSavedAgainstFresh } from '../../engine/plan/saved-plan-check.js';
import { isChange, type Plan } from '../../engine/plan/types.js';
import { withSession } from '../context.js';
import type { CliIo } from '../io.js';
import { ask, Interrupted } from '../prompt.js';
import { DEFAULT_PARALLELISM } from '../options.js';
import { APPROVAL_QUESTION, INTERRUPTED_WHILE_APPLYING, renderApplyProblems, renderApplyVerdict, renderChangeDone, renderNotApproved, type ApplyResult } from '../render/apply.js';
import { applyProgressHooks, createProgress, planProgressHook, type ProgressBar } from '../render/progress.js';
import { renderPlanText } from '../render/text.js';
import type { ApplyArgs } from './apply.js';

/** Asks on the terminal; without one, apply needs --auto-approve (or a saved plan, approved by review). */
async function approved(io: CliIo): Promise<boolean> {
  if (!io.isTty) {
    throw new DiagnosticsError([error('APPROVAL_REQUIRED', 'apply needs approval and there is no terminal to ask on', undefined,
      'Review the plan above, then run `orderform apply --auto-approve` (CI), or save it with `orderform plan --out FILE` and run `orderform apply FILE`.')]);
  }
  return (await ask(io, APPROVAL_QUESTION)).trim() === 'yes';
}

/** A line on stderr, above the bar when there is one. */
const lineWriter = (bar: ProgressBar, io: CliIo, quiet: boolean) => (io.isTty && !quiet ? (t: string) => bar.line(t) : (t: string) => io.stderr(`${t}\n`));

/**
 * A line per change done, with how long it took and the vendor's id (on a terminal above the bar,
 * in logs on its own); nothing with --quiet.
 */
function changeHooks(bar: ProgressBar, io: CliIo, quiet: boolean): ApplyHooks {
  if (quiet) return {};
  const bars = io.isTty ? applyProgressHooks(bar) : {};
  const print = lineWriter(bar, io, quiet);
  const started = new Map<string, number>();
  const now = () => io.now().getTime();
  return {
    ...bars,
    onStart: (c) => {
      started.set(c.address, now());
      bars.onStart?.(c);
    },
    onDone: (c, result) => {
      if (c.action !== 'noop') print(renderChangeDone(c.address, c.action, Math.round((now() - (started.get(c.address) ?? now())) / 1000), result));
      bars.onDone?.(c, result);
    },
  };
}

export async function run(args: ApplyArgs, io: CliIo): Promise<ApplyResult> {
  return withSession(args, io, { lock: `orderform apply (pid ${io.pid})` }, async ({ config, store, clients }) => {
    const state = await store.read();
    let saved: Plan | undefined;
    if (args.plan) {
      if (args.target.length) {
        throw new DiagnosticsError([error('TARGET_WITH_SAVED_PLAN', '--target cannot narrow a saved plan: it is applied as it was reviewed', undefined,
          `Run \`orderform plan --target … --out FILE\`, review it, then \`orderform apply FILE\`.`)]);
      }
      saved = await loadPlan(resolve(io.cwd, args.plan));
      const stale = checkStale(saved, { configDigest: config.digest, lineage: state.lineage, serial: state.serial });
      if (stale.length) throw new DiagnosticsError(stale);
    }
    const bar = createProgress(io, { quiet: args.quiet ?? false });
    // A saved plan's own --forget requests are part of what was reviewed.
    const forget = [...args.forget, ...(saved?.changes.filter((c) => c.reason === 'forget-requested').map((c) => c.address) ?? [])];
    // A saved plan is applied with the targets it was made with: the fresh plan must be the same slice.
    const targets = saved ? (saved.targets ?? []) : args.target;
    const built = await buildPlan({ config, state, clients, forget, retryUnconfirmed: args.retryUnconfirmed, targets, onProgress: planProgressHook(bar) })
      .finally(() => bar.finish());
    if (saved) {
      const moved = checkSavedAgainstFresh(saved, built.plan, config.safety.priceTolerance);
      if (moved.length) throw new DiagnosticsError(moved);
    }
    const plan = saved ?? built.plan;
    io.stdout(renderPlanText(plan, { color: io.color }));
    if (!plan.applyable) return { ended: 'not-applyable' };
    // Refused for a missing flag before the question, not after.
    checkApplyable({ config, state, plan }, args);
    const changes = plan.changes.filter(isChange);
    if (changes.length && !saved && !args.autoApprove) {
      const yes = await approved(io).catch((e: unknown) => {
        if (e instanceof Interrupted) return null;
        throw e;
      });
      if (!yes) return { ended: yes === null ? 'interrupted-at-question' : 'declined' };
    }
    const interrupt = new AbortController();
    const stopListening = io.onSignal(['SIGINT'], () => {
      interrupt.abort();
      lineWriter(bar, io, args.quiet ?? false)(INTERRUPTED_WHILE_APPLYING);
    });
    bar.start('Applying', changes.length);
    const out = await runApply(
      { config, store, clients, state, built, plan },
      {
        parallelism: args.parallelism ?? DEFAULT_PARALLELISM,
        keepGoing: args.keepGoing,
        allowDestructive: args.allowDestructive,
        allowLargeSpend: args.allowLargeSpend,
        allowRebuy: args.allowRebuy,
        hooks: changeHooks(bar, io, args.quiet ?? false),
        signal: interrupt.signal,
      },
    ).finally(() => {
      stopListening();
      bar.finish();
    });
    return { ended: 'applied', out, changes: changes.length, interrupted: interrupt.signal.aborted };
  });
}

export function show(result: ApplyResult, io: CliIo): void {
  switch (result.ended) {
    case 'not-applyable':
      io.exitCode = 1;
      return;
    // Terraform's convention: a declined or interrupted apply is not a success.
    case 'declined':
    case 'interrupted-at-question':
      io.stdout(renderNotApproved(result.ended === 'interrupted-at-question'));
      io.exitCode = result.ended === 'declined' ? 1 : 130;
      return;
    case 'applied': {
      const { out, changes, interrupted } = result;
      if (changes) io.stderr(renderApplyProblems(out, io.color));
      io.stdout(renderApplyVerdict(out, changes, interrupted));
      io.exitCode = interrupted ? 130 : out.failed.length || out.overcharged?.length || hasErrors(out.reported ?? []) ? 1 : 0;
    }
  }
}
