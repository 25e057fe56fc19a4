/**
 * Building the ResourceState a handler records: one shape for every vendor, so that the diff can
 * read any resource the same way (spec for field diffs, digest for immutability, ids for refresh).
 */
import type { Money, ResourceSpec } from '../model.js';
import { specJson } from './canonical.js';
import type { RemoteIds, ResourceState, ResourceStatus } from '../state/types.js';
import { HttpError, NetworkError } from '../providers/http.js';
import type { ApplyContext } from './handler.js';

export interface StateFields {
  status: ResourceStatus;
  remote: RemoteIds;
  price?: Money;
  /** The applied spec as JSON when it differs from the declared one (e.g. an imported alert with its remote name). */
  spec?: unknown;
}

export function stateFor(spec: ResourceSpec, prior: ResourceState | undefined, now: Date, f: StateFields): ResourceState {
  const at = now.toISOString();
  return {
    address: spec.address,
    kind: spec.kind,
    status: f.status,
    remote: f.remote,
    specDigest: spec.digest,
    spec: f.spec ?? specJson(spec),
    ...(f.price ? { price: f.price } : {}),
    createdAt: prior && prior.status !== 'intent' ? prior.createdAt : (prior?.createdAt ?? at),
    updatedAt: at,
  };
}

/**
 * Records, durably, that a creating call is about to be sent, with the reference that finds its
 * result again: if the answer never arrives, the next run looks the object up instead of creating twice.
 */
async function recordIntent(
  ctx: ApplyContext,
  spec: ResourceSpec,
  prior: ResourceState | undefined,
  action: string,
  remote: RemoteIds,
): Promise<ResourceState> {
  const now = ctx.now();
  const intent: ResourceState = {
    ...stateFor(spec, prior, now, { status: 'intent', remote }),
    intent: { action, startedAt: now.toISOString() },
  };
  await ctx.record(spec.address, intent);
  return intent;
}

/**
 * Runs a creating call behind a recorded intent. A definite refusal (the vendor answered an error,
 * or the request never left) restores the prior state: nothing exists remotely, so the next run may
 * simply create it. An unknown outcome keeps the intent for the next run to resolve by reference.
 */
export async function withIntent<T>(
  ctx: ApplyContext,
  spec: ResourceSpec,
  prior: ResourceState | undefined,
  action: string,
  remote: RemoteIds,
  call: () => Promise<T>,
): Promise<T> {
  await recordIntent(ctx, spec, prior, action, remote);
  try {
    return await call();
  } catch (e) {
    if (e instanceof HttpError || e instanceof NetworkError) await ctx.record(spec.address, prior ?? null);
    throw e;
  }
}

/** The spec a handler needs, or a bug report: the executor passes the spec of the change's address. */
export function specOf<K extends ResourceSpec['kind']>(spec: ResourceSpec | undefined, kind: K, address: string): Extract<ResourceSpec, { kind: K }> {
  if (!spec || spec.kind !== kind) throw new Error(`${address}: no ${kind} spec for this change`);
  return spec as Extract<ResourceSpec, { kind: K }>;
}
