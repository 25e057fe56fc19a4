/** The work of `orderform apply`, loaded only when the command runs (see apply.ts). */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { checkApplyable, runApply } from '../../engine/apply/run.js';
import type { ApplyHooks, ApplyOutcome } from '../../engine/apply/types.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { buildPlan } from '../../engine/plan/build.js';
import { checkStale, loadPlan } from '../../engine/plan/planfile.js';
import { checkSavedAgainstFresh } from '../../engine/plan/saved-plan-check.js';
import { isChange, type Plan } from '../../engine/plan/types.js';
import { withSession } from '../context.js';
import type { CliIo } from '../io.js';
import { DEFAULT_PARALLELISM } from '../options.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { applyProgressHooks, createProgress, planProgressHook, type ProgressBar } from '../render/progress.js';
import { renderPlanText } from '../render/text.js';
import type { ApplyArgs } from './apply.js';

/** Asks on the terminal; without one, apply needs --auto-approve (or a saved plan, approved by review). */
async function approved(io: CliIo): Promise<boolean> {
  if (!io.isTty) {
    throw new DiagnosticsError([error('APPROVAL_REQUIRED', 'apply needs approval and there is no terminal to ask on', undefined,
      'Review the plan above, then run `orderform apply --auto-approve` (CI), or save it with `orderform plan --out FILE` and run `orderform apply FILE`.')]);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Apply these changes? Only "yes" is accepted: ')).trim() === 'yes';
  } finally {
    rl.close();
  }
}

function printOutcome(out: ApplyOutcome, io: CliIo): void {
  if (out.failed.length) io.stderr(renderDiagnostics(out.failed.map((f) => f.diagnostic), io.color));
  if (out.overcharged?.length) io.stderr(renderDiagnostics(out.overcharged, io.color));
  for (const s of out.skipped) io.stderr(`skipped ${s.address} (${s.action}): ${s.reason}\n`);
  const verdict = out.failed.length ? 'Apply failed' : 'Apply complete';
  io.stdout(`${verdict}: ${out.done.length} done, ${out.failed.length} failed, ${out.skipped.length} skipped.\n`);
}

/** A bar on a terminal; a line per change done in logs (CI, pipes); nothing with --quiet. */
function changeHooks(bar: ProgressBar, io: CliIo, quiet: boolean): ApplyHooks {
  if (quiet) return {};
  if (io.isTty) return applyProgressHooks(bar);
  return { onDone: (c) => io.stderr(`${c.address}: ${c.action} done\n`) };
}

export async function runApplyCommand(args: ApplyArgs, io: CliIo): Promise<void> {
  await withSession(args, io, { lock: `orderform apply (pid ${process.pid})` }, async ({ config, store, clients }) => {
    const state = await store.read();
    let saved: Plan | undefined;
    if (args.plan) {
      saved = await loadPlan(resolve(io.cwd, args.plan));
      const stale = checkStale(saved, { configDigest: config.digest, lineage: state.lineage, serial: state.serial });
      if (stale.length) throw new DiagnosticsError(stale);
    }
    const bar = createProgress(io, { quiet: args.quiet ?? false });
    // A saved plan's own --forget requests are part of what was reviewed.
    const forget = [...args.forget, ...(saved?.changes.filter((c) => c.reason === 'forget-requested').map((c) => c.address) ?? [])];
    const built = await buildPlan({ config, state, clients, forget, retryUnconfirmed: args.retryUnconfirmed, onProgress: planProgressHook(bar) })
      .finally(() => bar.finish());
    if (saved) {
      const moved = checkSavedAgainstFresh(saved, built.plan, config.safety.priceTolerance);
      if (moved.length) throw new DiagnosticsError(moved);
    }
    const plan = saved ?? built.plan;
    io.stdout(renderPlanText(plan, { color: io.color }));
    if (!plan.applyable) {
      io.exitCode = 1;
      return;
    }
    // Refused for a missing flag before the question, not after.
    checkApplyable({ config, state, plan }, args);
    const changes = plan.changes.filter(isChange);
    if (changes.length && !saved && !args.autoApprove && !(await approved(io))) {
      io.stdout('Apply cancelled; nothing was changed.\n');
      return;
    }
    bar.start('Applying', changes.length);
    const out = await runApply(
      { config, store, clients, state, built, plan },
      {
        parallelism: args.parallelism ?? DEFAULT_PARALLELISM,
        keepGoing: args.keepGoing,
        allowDestructive: args.allowDestructive,
        allowLargeSpend: args.allowLargeSpend,
        hooks: changeHooks(bar, io, args.quiet ?? false),
      },
    ).finally(() => bar.finish());
    if (!changes.length) io.stdout('No changes. Nothing was applied.\n');
    else printOutcome(out, io);
    io.exitCode = out.failed.length || out.overcharged?.length ? 1 : 0;
  });
}
