/**
 * Runs exactly the changes of a plan: dependencies first, independent ones with bounded concurrency,
 * state recorded after every remote mutation by the handlers through ApplyContext.record.
 */
import type { ResourceSpec } from '../model.js';
import type { Change, Plan } from '../plan/types.js';
import type { ResourceState, StateSnapshot, StateStore } from '../state/types.js';
import { about, type Diagnostic } from '../diagnostics.js';
import { toDiagnostics } from './errors.js';
import type { ApplyContext, SpendGuard } from '../core/handler.js';
import type { ApplyOptions, ApplyOutcome, HandlerFor } from './types.js';

export interface ExecuteInputs {
  plan: Plan;
  specs: ReadonlyMap<string, ResourceSpec>;
  state: StateSnapshot;
  store: StateStore;
  handlerFor: HandlerFor;
  now?: () => Date;
  /** The purchase guard, given this run's view of state (guard.ts); absent: buy at the planned price. */
  guard?: (current: (address: string) => ResourceState | undefined) => SpendGuard;
}

export async function execute(inp: ExecuteInputs, opts: ApplyOptions): Promise<ApplyOutcome> {
  // Below 1 the loop would start nothing and report success.
  if (!Number.isInteger(opts.parallelism) || opts.parallelism < 1) throw new RangeError(`parallelism must be a whole number >= 1, got ${opts.parallelism}`);
  const outcome: ApplyOutcome = { done: [], failed: [], skipped: [] };
  const pending = inp.plan.changes.filter((c) => c.action !== 'noop');
  const status = new Map<string, 'waiting' | 'running' | 'done' | 'failed' | 'skipped'>(pending.map((c) => [c.address, 'waiting']));
  const resources = { ...inp.state.resources };
  const reported: Diagnostic[] = [];
  const ctx: ApplyContext = {
    now: inp.now ?? (() => new Date()),
    async record(address, resource) {
      await inp.store.put(address, resource);
      if (resource) resources[address] = resource;
      else delete resources[address];
    },
    current: (address) => resources[address],
    spend: inp.guard?.((address) => resources[address]) ?? ((change, _spec, buy) => buy(change.cost)),
    report: (address, d) => void reported.push(about(address, d)),
  };
  let stopped = false;

  const skip = (c: Change, reason: string) => {
    status.set(c.address, 'skipped');
    outcome.skipped.push({ address: c.address, action: c.action, reason });
    opts.hooks?.onSkip?.(c, reason);
  };
  // A dependency outside this plan's pending set is already satisfied (applied by an earlier run).
  const depState = (c: Change) => c.dependsOn.map((d) => status.get(d) ?? 'done');

  const runOne = async (c: Change) => {
    status.set(c.address, 'running');
    opts.hooks?.onStart?.(c);
    try {
      const next = await inp.handlerFor(c).apply(c, inp.specs.get(c.address), resources[c.address], ctx);
      await ctx.record(c.address, next);
      status.set(c.address, 'done');
      outcome.done.push({ address: c.address, action: c.action });
      opts.hooks?.onDone?.(c, next);
    } catch (err) {
      const diagnostics = toDiagnostics(err, c.address);
      status.set(c.address, 'failed');
      outcome.failed.push({ address: c.address, action: c.action, diagnostic: diagnostics[0]!, diagnostics });
      opts.hooks?.onFail?.(c, diagnostics);
      if (!opts.keepGoing) stopped = true;
    }
  };

  const running = new Set<Promise<void>>();
  for (;;) {
    let started = false;
    for (const c of pending) {
      if (status.get(c.address) !== 'waiting') continue;
      const deps = depState(c);
      if (deps.some((s) => s === 'failed' || s === 'skipped')) {
        skip(c, `depends on ${c.dependsOn.join(', ')}, which did not complete`);
        started = true;
        continue;
      }
      if (stopped || opts.signal?.aborted) continue;
      if (deps.some((s) => s !== 'done')) continue;
      if (running.size >= opts.parallelism) break;
      const p: Promise<void> = runOne(c).finally(() => running.delete(p));
      running.add(p);
      started = true;
    }
    if (running.size === 0 && !started) break;
    if (running.size > 0) await Promise.race(running);
  }
  for (const c of pending) {
    if (status.get(c.address) !== 'waiting') continue;
    skip(c, opts.signal?.aborted ? 'not started: interrupted' : 'not started: an earlier change failed (use --keep-going to continue with independent changes)');
  }
  return reported.length ? { ...outcome, reported } : outcome;
}
