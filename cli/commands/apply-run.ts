/** The work of `orderform apply`, loaded only when the command runs (see apply.ts). */
import { resolve } from 'node:path';
import { checkApplyable, runApply } from '../../engine/apply/run.js';
import type { ApplyHooks, ApplyOutcome } from '../../engine/apply/types.js';
import type { ResourceState } from '../../engine/state/types.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { buildPlan } from '../../engine/plan/build.js';
import { checkStale, loadPlan } from '../../engine/plan/planfile.js';
import { checkSavedAgainstFresh } from '../../engine/plan/saved-plan-check.js';
import { isChange, type Action, type Plan } from '../../engine/plan/types.js';
import { withSession } from '../context.js';
import { Interrupted, type CliIo } from '../io.js';
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
  return (await io.ask('Apply these changes? Only "yes" is accepted: ')).trim() === 'yes';
}

function printOutcome(out: ApplyOutcome, io: CliIo, interrupted: boolean): void {
  if (out.failed.length) io.stderr(renderDiagnostics(out.failed.flatMap((f) => f.diagnostics), io.color));
  if (out.overcharged?.length) io.stderr(renderDiagnostics(out.overcharged, io.color));
  for (const s of out.skipped) io.stderr(`skipped ${s.address} (${s.action}): ${s.reason}\n`);
  const verdict = interrupted ? 'Apply interrupted' : out.failed.length ? 'Apply failed' : 'Apply complete';
  io.stdout(`${verdict}: ${out.done.length} done, ${out.failed.length} failed, ${out.skipped.length} skipped.\n`);
  if (interrupted) io.stdout(out.done.length ? 'What is done is recorded in state; run apply again for the rest.\n' : 'Nothing was changed.\n');
}

const DONE: Record<Exclude<Action, 'noop'>, string> = {
  create: 'created',
  update: 'updated',
  replace: 'replaced',
  delete: 'deleted',
  'request-quotation': 'quotation requested',
  accept: 'accepted',
  refuse: 'refused',
  forget: 'forgotten',
  adopt: 'adopted (recorded in state, nothing bought)',
};

/** The vendor's id of what a change made (Terraform's `[id=…]`). */
function vendorId(r: ResourceState | null): string | undefined {
  return r ? (r.remote.salesOrderId ?? r.remote.orderId ?? r.remote.alertId ?? r.remote.quotationId) : undefined;
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
  return {
    ...bars,
    onStart: (c) => {
      started.set(c.address, Date.now());
      bars.onStart?.(c);
    },
    onDone: (c, result) => {
      if (c.action !== 'noop') {
        const secs = Math.round((Date.now() - (started.get(c.address) ?? Date.now())) / 1000);
        const id = vendorId(result);
        print(`${c.address}: ${DONE[c.action]} after ${secs}s${id ? ` [id=${id}]` : ''}`);
      }
      bars.onDone?.(c, result);
    },
  };
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
    if (changes.length && !saved && !args.autoApprove) {
      const yes = await approved(io).catch((e: unknown) => {
        if (e instanceof Interrupted) return null;
        throw e;
      });
      if (!yes) {
        // Terraform's convention: a declined or interrupted apply is not a success.
        io.stdout(yes === null ? '\nInterrupted; nothing was changed.\n' : 'Apply cancelled; nothing was changed.\n');
        io.exitCode = yes === null ? 130 : 1;
        return;
      }
    }
    const interrupt = new AbortController();
    const stopListening = io.onInterrupt(() => {
      interrupt.abort();
      lineWriter(bar, io, args.quiet ?? false)('Interrupted: the changes in flight finish and are recorded, no new one starts (Ctrl-C again stops at once; apply again recovers).');
    });
    bar.start('Applying', changes.length);
    const out = await runApply(
      { config, store, clients, state, built, plan },
      {
        parallelism: args.parallelism ?? DEFAULT_PARALLELISM,
        keepGoing: args.keepGoing,
        allowDestructive: args.allowDestructive,
        allowLargeSpend: args.allowLargeSpend,
        hooks: changeHooks(bar, io, args.quiet ?? false),
        signal: interrupt.signal,
      },
    ).finally(() => {
      stopListening();
      bar.finish();
    });
    const interrupted = interrupt.signal.aborted;
    if (!changes.length) io.stdout('No changes. Nothing was applied.\n');
    else printOutcome(out, io, interrupted);
    io.exitCode = interrupted ? 130 : out.failed.length || out.overcharged?.length ? 1 : 0;
  });
}
