/**
 * Shared by the reliability suite: a sandbox persisting its data to a file (the exact remote
 * inventory, read without calls that faults could disturb), a temp dir with a config, the CLI run
 * in-process or as a real process (for SIGKILL), and the invariants: nothing bought twice, nothing lost.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.js';
import { cli, configYaml, type Captured, type FixtureOptions } from '../support/fixture.js';
import { tempDir } from '../support/project.js';
import { sandboxBeside } from '../support/sandbox.js';
import { spawnCli, type KillAt } from '../support/spawn-cli.js';

export interface World {
  sb: Sandbox;
  dir: string;
  env: Record<string, string>;
  /** In-process CLI run. */
  cli(...argv: string[]): Promise<Captured>;
  /** A real `orderform` process; SIGKILLed after `killAfterMs`, or as soon as `kill()` says so, when given. */
  spawn(argv: string[], kill?: KillAt): Promise<Captured & { killed: boolean }>;
  /** What the sandbox holds now. */
  remote(): RemoteInventory;
  close(): Promise<void>;
}

export interface RemoteInventory {
  /** OneAtlas work orders (legacy orders, Neo quotations) per customerReference. */
  workOrders: Map<string, number>;
  /** Pléiades Neo quotations decided at the vendor, per customerReference. */
  decided: Map<string, 'ACCEPTED' | 'REFUSED'>;
  alerts: Map<string, number>;
  /** Maxar orders per metadata.reference, leaving out the sandbox's seeded ones. */
  maxarOrders: Map<string, number>;
}

function countBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export async function startWorld(fixture: FixtureOptions, opts: SandboxOptions = {}, env: Record<string, string> = {}): Promise<World> {
  const dir = tempDir('reliability');
  const stateFile = join(dir, 'sandbox-data.json');
  const { sb, close } = await sandboxBeside(dir, { stateFile, ...opts });
  writeFileSync(join(dir, 'orders.yaml'), configYaml(fixture));
  const fullEnv = { ...sb.env, ...env };
  return {
    sb,
    dir,
    env: fullEnv,
    cli: (...argv) => cli(argv, dir, fullEnv),
    spawn: (argv, kill) => spawnCli(argv, dir, fullEnv, kill),
    remote: () => {
      if (!existsSync(stateFile)) return { workOrders: new Map(), decided: new Map(), alerts: new Map(), maxarOrders: new Map() };
      const data = JSON.parse(readFileSync(stateFile, 'utf8')) as {
        workOrders: { customerReference: string; decision?: { status: 'ACCEPTED' | 'REFUSED' } }[];
        alerts: { name: string }[];
        maxarOrders: { request: { metadata?: { reference?: string } }; seeded?: boolean }[];
      };
      return {
        workOrders: countBy(data.workOrders, (w) => w.customerReference),
        decided: new Map(data.workOrders.flatMap((w) => (w.decision ? [[w.customerReference, w.decision.status] as const] : []))),
        alerts: countBy(data.alerts, (a) => a.name),
        maxarOrders: countBy(data.maxarOrders, (m) => (m.seeded ? undefined : m.request.metadata?.reference)),
      };
    },
    close,
  };
}

/** Config keys with what state must hold for them and how often each appears remotely. */
export interface Ledger {
  duplicates: string[];
  lost: string[];
}

/**
 * Every order and alert of the fixture exists exactly once remotely, and state knows it by the same
 * reference (orders) or id (alerts). Call after a converged apply.
 */
export function ledger(world: World, fixture: FixtureOptions): Ledger {
  const state = JSON.parse(readFileSync(join(world.dir, 'orderform.state.json'), 'utf8')) as {
    resources: Record<string, { status: string; remote: { customerReference?: string; alertId?: string } }>;
  };
  const remote = world.remote();
  const duplicates: string[] = [];
  const lost: string[] = [];
  const check = (address: string, count: number | undefined) => {
    if (!count) lost.push(`${address}: not found remotely`);
    else if (count > 1) duplicates.push(`${address}: ${count} remotely`);
  };
  for (const key of [...(fixture.legacy ?? []), ...(fixture.neo ?? [])]) {
    const ref = state.resources[`orders.${key}`]?.remote.customerReference;
    if (!ref) lost.push(`orders.${key}: no reference in state`);
    else check(`orders.${key}`, remote.workOrders.get(ref));
  }
  for (const key of fixture.maxar ?? []) {
    const ref = state.resources[`orders.${key}`]?.remote.customerReference;
    if (!ref) lost.push(`orders.${key}: no reference in state`);
    else check(`orders.${key}`, remote.maxarOrders.get(ref));
  }
  for (const [key, v] of Object.entries(fixture.alerts ?? {})) check(`alerts.${key}`, remote.alerts.get(typeof v === 'string' ? v : v[0]));
  // Remote objects nobody in config asked for are duplicates too (e.g. bought under another reference).
  const expectedOrders = (fixture.legacy?.length ?? 0) + (fixture.neo?.length ?? 0);
  const remoteOrders = [...remote.workOrders.values()].reduce((s, n) => s + n, 0);
  if (remoteOrders > expectedOrders) duplicates.push(`${remoteOrders} OneAtlas orders remotely for ${expectedOrders} in config`);
  return { duplicates, lost };
}

/** Runs apply until it exits 0 (at most `max` runs); returns how many it took and the last output. */
export async function applyUntilConverged(run: () => Promise<Captured>, max: number): Promise<{ runs: number; last: Captured }> {
  let last: Captured = { code: -1, out: '', err: '' };
  for (let i = 1; i <= max; i++) {
    last = await run();
    if (last.code === 0) return { runs: i, last };
  }
  return { runs: max + 1, last };
}

export const APPLY = ['apply', '--auto-approve', '--allow-large-spend'];

/**
 * Kill instants for a real `orderform apply` of `fixture`: drawn over one measured uninterrupted apply
 * on this machine, process start included, so that most of them interrupt the apply however fast it runs.
 * Trials run two at once, so each apply is slower than this lone one: the window errs towards "still running".
 */
export async function killWindow(fixture: FixtureOptions, opts: SandboxOptions): Promise<readonly [number, number]> {
  const world = await startWorld(fixture, opts);
  try {
    const t0 = performance.now();
    const r = await world.spawn(APPLY);
    if (r.code !== 0) throw new Error(`uninterrupted apply failed: ${r.err}`);
    const duration = performance.now() - t0;
    return [Math.min(150, duration / 5), duration];
  } finally {
    await world.close();
  }
}

/** The lock a SIGKILLed process leaves behind, removed as its staleness would (stale.test.ts waits it out). */
export function removeDeadLock(world: World): void {
  rmSync(join(world.dir, 'orderform.state.json.lock'), { recursive: true, force: true });
}

/**
 * Orders state holds as unresolved intents (a creating call may have been sent) that the vendor
 * truth says were never placed: what a user confirms before `apply --retry-unconfirmed ADDRESS`.
 */
export function unplacedIntents(world: World): string[] {
  const state = JSON.parse(readFileSync(join(world.dir, 'orderform.state.json'), 'utf8')) as {
    resources: Record<string, { kind: string; status: string; remote: { customerReference?: string } }>;
  };
  const remote = world.remote();
  return Object.entries(state.resources)
    .filter(([, r]) => r.status === 'intent' && r.kind !== 'oneatlas_alert')
    .filter(([, r]) => !remote.workOrders.has(r.remote.customerReference ?? '') && !remote.maxarOrders.has(r.remote.customerReference ?? ''))
    .map(([address]) => address);
}
export const NOOP_PLAN = ['plan', '--detailed-exitcode'];
