/**
 * The diff: config (desired) × state (what orderform did) × remote (what refresh saw) → changes.
 * Pure and synchronous. Money rules live here: orders are immutable and never cancelled, an order
 * whose outcome is unknown is never placed again blindly, quotation decisions are one-way.
 * Costs are left null; the cost step fills them.
 */
import { asWritten } from '../config/as-written.js';
import { customerReferenceFor, parseDerivedReference } from '../config/digest.js';
import { about, error, warning, type Diagnostic } from '../diagnostics.js';
import type { QuotationDecisionSpec, ResourceKind, ResourceSpec } from '../model.js';
import type { ResourceState, StateSnapshot } from '../state/types.js';
import { fieldDiffs, specJson } from '../core/canonical.js';
import type { ListedOrder, RemoteObservation, RemoteQuotation, RemoteView } from '../core/remote.js';
import { providerOf, traitsOf } from '../providers/registry.js';
import type { Creation } from '../providers/provider.js';
import type { Action, Adoption, Change, ChangeReason, Drift, Unconfirmed } from './types.js';

export interface DiffOptions {
  /** Addresses to drop from state without touching anything remote (`--forget`, `state rm`). */
  forget?: string[];
  /** Addresses whose unconfirmed order the user says was not placed: order again (`apply --retry-unconfirmed`). */
  retryUnconfirmed?: string[];
  /** Renamed keys (`moved:` in the config). */
  moved?: readonly { from: string; to: string }[];
}

export interface DiffResult {
  changes: Change[];
  drift: Drift[];
  diagnostics: Diagnostic[];
  unconfirmed: Unconfirmed[];
}

/** Placing an order, accepting or refusing a quotation and deleting cannot be undone. */
function isIrreversible(kind: ResourceKind, action: Action): boolean {
  switch (action) {
    case 'create':
      return !traitsOf(kind).deletedWhenRemoved;
    case 'replace':
    case 'delete':
    case 'accept':
    case 'refuse':
      return true;
    case 'update':
    case 'request-quotation':
    case 'forget':
    case 'adopt':
    case 'noop':
      return false;
  }
}

function change(
  address: string,
  kind: ResourceKind,
  action: Action,
  reason: ChangeReason,
  before: unknown,
  after: unknown,
  extra: { notes?: string[]; dependsOn?: string[]; fieldDiffs?: Change['fieldDiffs']; adopt?: Adoption; refusalReason?: Change['refusalReason'] } = {},
): Change {
  return {
    ...(extra.adopt ? { adopt: extra.adopt } : {}),
    ...(extra.refusalReason ? { refusalReason: extra.refusalReason } : {}),
    address,
    kind,
    action,
    reason,
    irreversible: isIrreversible(kind, action),
    before: before ?? null,
    after: after ?? null,
    fieldDiffs: extra.fieldDiffs ?? [],
    cost: null,
    dependsOn: extra.dependsOn ?? [],
    notes: extra.notes ?? [],
  };
}

const creationOf = (d: ResourceSpec) => providerOf(d.kind).creation(d);
const isDecision = (kind: string) => traitsOf(kind).lifecycle === 'decision';
/** A `decision` kind's spec: the diff reads its target, decision and ceiling (engine/model.ts). */
const asDecision = (d: ResourceSpec) => d as QuotationDecisionSpec;
/** A `renamable` kind's spec: the diff reads its name. */
const asRenamable = (d: ResourceSpec) => d as ResourceSpec & { name: string };
const forgetCmd = (address: string) => `orderform state rm ${address}`;
/** Field diffs a user can act on, in the config's terms: what they wrote, not what orderform derives or sends. */
const specDiffs = (before: unknown, after: unknown) => fieldDiffs(asWritten(before), asWritten(after));

class Differ {
  readonly changes = new Map<string, Change>();
  readonly drift: Drift[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly unconfirmed: Unconfirmed[] = [];
  /** Creations bought without a check at the vendor (it lists them only later), with what their provider says of them. */
  readonly unseen: { spec: ResourceSpec; unlisted: NonNullable<Creation['unlisted']> }[] = [];
  private readonly desired: Map<string, ResourceSpec>;
  private readonly forget: Set<string>;
  private readonly retry: Set<string>;

  constructor(
    desired: readonly ResourceSpec[],
    private readonly state: StateSnapshot,
    private readonly remote: RemoteView,
    opts: DiffOptions,
  ) {
    this.desired = new Map(desired.map((d) => [d.address, d]));
    this.forget = new Set(opts.forget ?? []);
    this.retry = new Set(opts.retryUnconfirmed ?? []);
    this.declaredMoves = new Map((opts.moved ?? []).map((m) => [m.to, m.from]));
    for (const m of opts.moved ?? []) {
      if (!state.resources[m.from]) continue;
      if (state.resources[m.to]) this.movedAlready.set(m.from, m.to);
      else this.movedTo.set(m.to, m.from);
    }
  }

  /** New address → old, as the config's `moved:` declares them. */
  private readonly declaredMoves: Map<string, string>;
  /** New address → old, for moves state has not recorded yet. */
  private readonly movedTo = new Map<string, string>();
  /** Old address → new, where state holds both (a run stopped between the two writes of a move). */
  private readonly movedAlready = new Map<string, string>();

  run(): DiffResult {
    this.checkForgetList();
    const movingOut = new Set(this.movedTo.values());
    const addresses = [...new Set([...this.desired.keys(), ...Object.keys(this.state.resources)])].filter((a) => !movingOut.has(a));
    // Decisions last: they depend on what happens to their order.
    const decisionsLast = (a: string) => (isDecision(this.kindOf(a)) ? 1 : 0);
    for (const a of addresses.sort((x, y) => decisionsLast(x) - decisionsLast(y))) this.changes.set(a, this.plan(a));
    const changes = [...this.changes.values()].sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
    this.warnUnseen();
    return { changes, drift: this.drift, diagnostics: this.diagnostics, unconfirmed: this.unconfirmed.sort((a, b) => a.address.localeCompare(b.address)) };
  }

  /** One warning per provider for all of them (a large first apply would otherwise print one per order). */
  private warnUnseen(): void {
    for (const group of groupByProvider(this.unseen)) {
      const first = group[0]!;
      const names = group.slice(0, 5).map((u) => u.spec.address).join(', ') + (group.length > 5 ? `, and ${group.length - 5} more` : '');
      const w = first.unlisted.uncheckable(group.length, names);
      this.diagnostics.push(warning('ORDER_NOT_CHECKABLE', w.summary, first.spec.source, w.detail));
    }
  }

  private report(address: string, d: Diagnostic): void {
    this.diagnostics.push(about(address, d));
  }

  private kindOf(address: string): ResourceKind {
    return (this.desired.get(address)?.kind ?? this.state.resources[address]?.kind)!;
  }

  private checkForgetList(): void {
    for (const a of this.forget) {
      const d = this.desired.get(a);
      if (d) {
        this.report(a, error('FORGET_IN_CONFIG', `${a} is still in the config; it cannot be forgotten`, d.source,
          'Remove it from the config first, then forget it.'));
      } else if (!this.state.resources[a]) {
        this.report(a, warning('FORGET_UNKNOWN', `${a} is not in the state; there is nothing to forget`));
      }
    }
  }

  private plan(address: string): Change {
    const d = this.desired.get(address);
    const s = this.state.resources[address];
    const r = this.remote.resources[address];
    if (!d) return this.removed(s!, r);
    const from = this.movedTo.get(address);
    if (!s && from) return this.moveIn(d, from);
    return this.planAt(d, s, r);
  }

  private planAt(d: ResourceSpec, s: ResourceState | undefined, r: RemoteObservation | undefined): Change {
    switch (traitsOf(d.kind).lifecycle) {
      case 'order':
        return this.order(d, s, r);
      case 'renamable':
        return this.renamable(asRenamable(d), s, r);
      case 'decision':
        return this.decision(asDecision(d), s);
    }
  }

  /**
   * A renamed key: what state holds under the old address moves to the new one, nothing remote is
   * touched. Planned as it would be at the old address; anything but "unchanged" waits (move first, change after).
   */
  private moveIn(d: ResourceSpec, from: string): Change {
    const old = this.state.resources[from]!;
    const s: ResourceState = { ...old, address: d.address };
    const r = this.remote.resources[from];
    // An unconfirmed creation under the old key is resolved under the new one (adopted, placed again where the
    // vendor shows it never was, or reported), as it would be unrenamed; refusing the move would block that forever.
    if (old.status === 'intent' && old.specDigest === d.digest && traitsOf(d.kind).lifecycle !== 'decision') return this.intent(d, s, r);
    const planned = this.planAt(d, s, r);
    if (planned.action !== 'noop' || !['unchanged', 'awaiting-quotation-decision'].includes(planned.reason) || old.status === 'intent') {
      if (!this.diagnostics.some((x) => x.severity === 'error' && x.address === d.address)) {
        this.report(d.address, error('MOVED_WITH_CHANGES', `${d.address}: moved from ${from}, but it also changed (${planned.action}, ${planned.reason})`, d.source,
          `Apply the move with ${d.address} exactly as ${from} was, then change it in a later run.`));
      }
      return change(d.address, d.kind, 'noop', 'spec-changed', old.spec, specJson(d), { fieldDiffs: planned.fieldDiffs });
    }
    const vendorId = [old.remote.salesOrderId, old.remote.quotationId, old.remote.orderId, old.remote.alertId].find(Boolean) ?? 'no vendor id';
    const adopt: Adoption = { remote: old.remote, status: old.status, ...(old.price ? { price: old.price } : {}), vendorId, movedFrom: from };
    return change(d.address, d.kind, 'adopt', 'moved', old.spec, specJson(d), { adopt, notes: [`moved from ${from} (${vendorId}); state only, nothing remote is touched`] });
  }

  /**
   * Declared, not in state: the vendor is the source of truth. An object found under this resource's
   * reference (or marker) is adopted, never bought again; a reference held by another object is an
   * error; a creation the vendor does not list yet cannot be seen, and is bought with a warning.
   */
  private fresh(d: ResourceSpec, r: RemoteObservation | undefined): Change {
    if (r?.exists) return this.adoption(d, r);
    const held = this.heldElsewhere(d);
    if (held) {
      this.report(d.address, error('MOVE_SUGGESTED', `${d.address} has the same spec as ${held}, which state holds and the config no longer declares`, d.source,
        `If this is a rename, add to the config \`moved: [{ from: ${held}, to: ${d.address} }]\` (or run \`orderform state mv ${held} ${d.address}\`): nothing is bought again. ` +
          `To buy it a second time on purpose, first run \`orderform state rm ${held}\`.`));
      return change(d.address, d.kind, 'noop', 'move-suggested', null, specJson(d), { notes: [`suggested: moved: [{ from: ${held}, to: ${d.address} }]`] });
    }
    const renamed = this.listedUnderOldKey(d);
    if (renamed) return this.renamedAtVendor(d, renamed.order, renamed.from);
    const unlisted = creationOf(d).unlisted;
    if (r === undefined && unlisted) {
      this.unseen.push({ spec: d, unlisted });
      return this.creation(d, 'new', null, [unlisted.note]);
    }
    return this.creation(d, 'new', null);
  }

  private heldByDigest?: Map<string, string>;
  private declaredRemoteIds?: Set<string>;

  /** Deletable objects' ids state holds under declared addresses: an old address holding one too is never deleted remotely. */
  private remoteIdsDeclared(): Set<string> {
    this.declaredRemoteIds ??= new Set(Object.values(this.state.resources).flatMap((s) => (this.desired.has(s.address) && s.remote.alertId ? [s.remote.alertId] : [])));
    return this.declaredRemoteIds;
  }

  /** A state resource of the same kind and spec under an address the config no longer declares (a renamed key?). */
  private heldElsewhere(d: ResourceSpec): string | undefined {
    if (isDecision(d.kind)) return undefined;
    if (!this.heldByDigest) {
      const moving = new Set([...this.movedTo.values(), ...this.movedAlready.keys()]);
      this.heldByDigest = new Map();
      for (const s of Object.values(this.state.resources)) {
        if (!this.desired.has(s.address) && !moving.has(s.address) && !this.forget.has(s.address)) this.heldByDigest.set(`${s.kind}:${s.specDigest}`, s.address);
      }
    }
    return this.heldByDigest.get(`${d.kind}:${d.digest}`);
  }

  private listedByDigest?: Map<string, { order: ListedOrder; from: string }>;

  /**
   * With no state for it: an order the vendor lists under the derived reference of another key, undeclared, with
   * this order's spec digest (a renamed key whose state is gone). Only for a derived reference: a declared one
   * is the user's own identity for the order.
   */
  private listedUnderOldKey(d: ResourceSpec): { order: ListedOrder; from: string } | undefined {
    if (!('customerReference' in d) || d.customerReference !== customerReferenceFor(d.key, d.digest)) return undefined;
    if (!this.listedByDigest) {
      this.listedByDigest = new Map();
      for (const order of this.remote.listed ?? []) {
        // A failed order bought nothing: a new key with its spec is a purchase, not a rename.
        if (order.observation.status === 'failed') continue;
        const derived = parseDerivedReference(order.reference);
        if (!derived) continue;
        const block = d.address.slice(0, d.address.length - d.key.length);
        const from = `${block}${derived.key}`;
        if (!this.desired.has(from) && !this.state.resources[from]) this.listedByDigest.set(`${order.kind}:${derived.digest8}`, { order, from });
      }
    }
    return this.listedByDigest.get(`${d.kind}:${d.digest.slice(0, 8)}`);
  }

  /** A renamed key the vendor still lists under its old reference: adopted with `moved:`, else never bought again without it. */
  private renamedAtVendor(d: ResourceSpec, order: ListedOrder, from: string): Change {
    if (this.declaredMoves.get(d.address) === from) {
      const found = providerOf(d.kind).adoption(d, order.observation);
      if ('adopt' in found) {
        // Later runs find it by the reference it was placed with, the old key's.
        const adopt: Adoption = { ...found.adopt, remote: { ...found.adopt.remote, customerReference: order.reference } };
        return change(d.address, d.kind, 'adopt', 'moved', null, specJson(d), {
          adopt,
          notes: [`moved from ${from}: found at the vendor by its reference ${order.reference}: ${order.vendorId}; recorded in state, nothing is bought`],
        });
      }
      this.diagnostics.push(found.refused);
      return change(d.address, d.kind, 'noop', 'spec-changed', null, specJson(d), { fieldDiffs: found.fieldDiffs });
    }
    this.diagnostics.push(error('MOVE_SUGGESTED', `${d.address} has the same spec as ${order.vendorId} at the vendor, placed as ${from} (reference ${order.reference}), which the config no longer declares`, d.source,
      `If this is a rename, add to the config \`moved: [{ from: ${from}, to: ${d.address} }]\`: the vendor's order is recorded under ${d.address}, nothing is bought again. ` +
        `To buy it a second time on purpose, declare a customerReference of its own for ${d.address}.`));
    return change(d.address, d.kind, 'noop', 'move-suggested', null, specJson(d), { notes: [`suggested: moved: [{ from: ${from}, to: ${d.address} }]`] });
  }

  /** Found at the vendor under this resource's reference: its provider says what apply records, or why it is another object. */
  private adoption(d: ResourceSpec, r: RemoteObservation): Change {
    const after = specJson(d);
    const found = providerOf(d.kind).adoption(d, r);
    if ('refused' in found) {
      this.report(d.address, found.refused);
      return change(d.address, d.kind, 'noop', 'spec-changed', null, after, { fieldDiffs: found.fieldDiffs });
    }
    const { adopt } = found;
    const ref = r.reference ?? ('customerReference' in d ? d.customerReference : undefined);
    const what = ref ? `reference ${ref}` : 'its marker (this user, this exact spec)';
    return change(d.address, d.kind, 'adopt', 'found-at-vendor', null, after, {
      adopt,
      notes: [`found at the vendor by ${what}: ${adopt.vendorId} (${adopt.status}); recorded in state, nothing is bought`],
    });
  }

  /** The change that makes a resource exist: an order (or the quotation request that prices it), an alert. */
  private creation(d: ResourceSpec, reason: ChangeReason, before: unknown, notes: string[] = []): Change {
    const action: Action = creationOf(d).action;
    const why: ChangeReason = action === 'request-quotation' && reason === 'new' ? 'quotation-needed' : reason;
    const extra = action === 'request-quotation' ? ['price known once the quotation is requested (at apply)'] : [];
    return change(d.address, d.kind, action, why, before, specJson(d), { notes: [...notes, ...extra] });
  }

  /**
   * State says a creating call was sent but its outcome is unknown. Found remotely: adopt it.
   * Not found: order again only where the vendor would show it by now; otherwise ask the user.
   */
  private intent(d: ResourceSpec, s: ResourceState, r: RemoteObservation | undefined): Change {
    const ref = s.remote.customerReference ?? ('customerReference' in d ? d.customerReference : d.key);
    if (r?.exists) {
      this.drift.push({ address: d.address, summary: `adopted: the unconfirmed ${s.intent?.action ?? 'create'} of an earlier run was found remotely (${ref})` });
      return change(d.address, d.kind, 'noop', 'adopted', s.spec, specJson(d), { notes: ['found remotely by its reference; recorded in state at apply'] });
    }
    const lookedUp = r !== undefined;
    const creation = creationOf(d);
    if (this.retry.has(d.address) || (lookedUp && creation.listedAtOnce)) {
      const why = this.retry.has(d.address)
        ? 'retry of an unconfirmed order requested (--retry-unconfirmed)'
        : `an earlier run recorded an intent but nothing with reference ${ref} exists remotely: it was never placed`;
      return this.creation(d, 'new', s.spec, [why]);
    }
    const resolve = [`orderform import ${d.address} ${creation.importId}`, `orderform apply --retry-unconfirmed ${d.address}`];
    this.unconfirmed.push({ address: d.address, reference: ref, ...(s.intent ? { since: s.intent.startedAt } : {}), resolve });
    this.report(d.address,
      warning('ORDER_OUTCOME_UNKNOWN', `${d.address}: an earlier run may have placed this order (reference ${ref}); it is not visible remotely ${lookedUp ? 'yet' : '(not refreshed)'}`, d.source,
        lookedUp
          ? `${creation.unlisted?.hint(resolve[0]!) ?? 'The vendor does not list it yet.'} If you are sure it was not placed, run \`${resolve[1]}\` to order it again ` +
              '(under the same reference). Until then it is not ordered again and `plan --detailed-exitcode` exits 2.'
          : 'Run the plan with refresh so that orderform can look for it by its reference.'),
    );
    return change(d.address, d.kind, 'noop', 'outcome-unknown', s.spec, specJson(d), { notes: [`reference ${ref}; not ordered again until resolved`] });
  }

  private order(d: ResourceSpec, s: ResourceState | undefined, r: RemoteObservation | undefined): Change {
    if (!s) return this.fresh(d, r);
    if (s.status === 'intent') return this.intent(d, s, r);
    this.statusDrift(d.address, s, r);
    if (r?.exists && r.status === 'failed' && s.status !== 'failed') {
      // News once, like the drift line: refresh or apply records it, and no run orders it again by itself.
      this.report(d.address, warning('ORDER_FAILED', `${d.address}: the vendor reports this order failed${r.statusDetail ? ` (${r.statusDetail})` : ''}`, d.source,
        `It is recorded as failed and not counted as spent; no run orders it again by itself. To try again once the cause is fixed, give the order a new key ` +
          `(e.g. \`${d.key}-2\`) and run \`${forgetCmd(d.address)}\`: the new key is planned, priced and ordered like any new order.`));
    }
    const after = specJson(d);
    if (s.specDigest !== d.digest) {
      const ids = [s.remote.salesOrderId, s.remote.quotationId, s.remote.orderId].filter(Boolean).join(', ');
      this.report(d.address, error('ORDER_IMMUTABLE', `${d.address}: this order was already placed${ids ? ` (${ids})` : ''} and orders cannot be changed`, d.source,
        `To order something else, give it a new key (e.g. \`${d.key}-2\`) and restore this one as it was; ` +
          `or remove it from the config and run \`${forgetCmd(d.address)}\` to stop tracking the placed order.`));
      return change(d.address, d.kind, 'noop', 'spec-changed', s.spec, after, { fieldDiffs: specDiffs(s.spec, after), notes: ['orders are immutable once placed'] });
    }
    const q = this.quotationOf(d.address);
    if (creationOf(d).action === 'request-quotation' && q?.status === 'SENT' && !this.hasDecisionFor(d.address)) {
      const price = q.amount === null ? 'price pending' : `${q.amount} ${q.currency ?? ''}`.trim();
      return change(d.address, d.kind, 'noop', 'awaiting-quotation-decision', s.spec, after, {
        notes: [`quotation ${q.id} (${price}${q.validUntil ? `, valid until ${q.validUntil}` : ''}) awaits a decision: declare one under \`quotations\``],
      });
    }
    return change(d.address, d.kind, 'noop', 'unchanged', s.spec, after);
  }

  private statusDrift(address: string, s: ResourceState, r: RemoteObservation | undefined): void {
    if (r?.exists && r.status && r.status !== s.status) {
      this.drift.push({ address, summary: `status ${s.status} → ${r.status}${r.statusDetail ? ` (${r.statusDetail})` : ''}`, field: 'status', before: s.status, after: r.status });
    }
  }

  /** Renamed in place; any other change replaces it; deleted outside orderform: created again. */
  private renamable(d: ResourceSpec & { name: string }, s: ResourceState | undefined, r: RemoteObservation | undefined): Change {
    if (!s) return this.fresh(d, r);
    if (s.status === 'intent') return this.intent(d, s, r);
    const after = specJson(d);
    if (r && !r.exists) {
      this.drift.push({ address: d.address, summary: 'deleted outside orderform' });
      return this.creation(d, 'deleted-remotely', s.spec, ['the alert was deleted outside orderform; creating it again']);
    }
    if (s.specDigest !== d.digest) {
      return change(d.address, d.kind, 'replace', 'criteria-changed', s.spec, after, {
        fieldDiffs: specDiffs(s.spec, after),
        notes: ['only the name of an alert can change in place: the old alert is deleted and a new one created'],
      });
    }
    const stateName = (s.spec as { name?: string } | null)?.name;
    const remoteName = r?.name ?? stateName;
    if (remoteName !== stateName) {
      this.drift.push({ address: d.address, summary: `renamed outside orderform to "${remoteName}"`, field: 'name', before: stateName, after: remoteName });
    }
    if (remoteName !== d.name) {
      const notes = remoteName !== stateName && stateName === d.name ? ['renamed outside orderform; renaming it back'] : [];
      return change(d.address, d.kind, 'update', 'renamed', s.spec, after, { fieldDiffs: [{ path: 'name', before: remoteName, after: d.name }], notes });
    }
    return change(d.address, d.kind, 'noop', 'unchanged', s.spec, after);
  }

  private decision(d: QuotationDecisionSpec, s: ResourceState | undefined): Change {
    const after = specJson(d);
    const decide = (extra: { notes?: string[]; dependsOn?: string[] }) =>
      change(d.address, d.kind, d.decision, 'decision-declared', s?.spec, after, extra);
    const prior = s && s.status !== 'intent' ? (s.spec as { decision?: string } | null)?.decision : undefined;
    if (prior) {
      if (prior === d.decision) return change(d.address, d.kind, 'noop', 'unchanged', s!.spec, after);
      return this.alreadyDecided(d, prior, s!.spec, after);
    }
    const target = 'order' in d.target ? d.target.order : undefined;
    if (target) {
      const orderChange = this.changes.get(target);
      if (!orderChange) {
        this.report(d.address, error('QUOTATION_TARGET_UNKNOWN', `${d.address}: no order ${target} in the config or the state`, d.source,
          'Point `order` at an order under `orders` that is priced by quotation, or use `quotationId` for a quotation placed elsewhere.'));
        return change(d.address, d.kind, 'noop', 'decision-declared', s?.spec, after);
      }
      if (orderChange.action === 'request-quotation') {
        // Never a purchase the plan did not price: without a ceiling, acceptance waits for the plan that shows the quotation.
        if (d.decision === 'accept' && !d.maxPrice) {
          return change(d.address, d.kind, 'noop', 'awaiting-quotation-decision', s?.spec, after, {
            notes: [`accepted by the next plan, once the quotation of ${target} shows its price (declare maxPrice to accept it in this run, up to that price)`],
          });
        }
        const note = d.decision === 'accept'
          ? 'the quotation is requested in this plan: it is accepted at apply only if it costs at most maxPrice'
          : 'the quotation is requested in this plan and refused as soon as it exists';
        return decide({ dependsOn: [target], notes: [note] });
      }
    }
    const q = target ? this.quotationOf(target) : this.remote.resources[d.address]?.quotation;
    if (!q) {
      if (target) return change(d.address, d.kind, 'noop', 'outcome-unknown', s?.spec, after, { notes: [`waiting for the quotation of ${target} to be found`] });
      return decide({ notes: ['quotation status not looked up (no refresh)'] });
    }
    const dependsOn = target ? [target] : [];
    switch (q.status) {
      case 'SENT':
        return decide({ dependsOn, notes: [`quotation ${q.id}${q.amount === null ? '' : `: ${q.amount} ${q.currency ?? ''}`.trimEnd()}`] });
      case 'EXPIRED':
        // A declared refusal is sent as declared: the vendor hears no, whatever the validity date says.
        if (d.decision === 'refuse') {
          this.report(d.address, warning('QUOTATION_EXPIRED', `${d.address}: quotation ${q.id} has expired`, d.source, 'It will be refused as declared.'));
          return decide({ dependsOn, notes: [`quotation ${q.id} expired; refusing it as declared`] });
        }
        this.report(d.address, warning('QUOTATION_EXPIRED', `${d.address}: quotation ${q.id} has expired`, d.source,
          d.refuseIfExpired ? 'It will be refused with reason `expired`.' : 'Request a new quotation by ordering under a new key.'));
        if (!d.refuseIfExpired) return change(d.address, d.kind, 'noop', 'decision-declared', s?.spec, after, { notes: ['quotation expired; reported only (refuseIfExpired: false)'] });
        return change(d.address, d.kind, 'refuse', 'decision-declared', s?.spec, { ...(after as object), decision: 'refuse', reason: 'expired' }, {
          dependsOn, refusalReason: 'expired', notes: [`quotation ${q.id} expired; refusing it with reason \`expired\``],
        });
      case 'ACCEPTED':
      case 'REFUSED': {
        const done = q.status === 'ACCEPTED' ? 'accept' : 'refuse';
        if (done !== d.decision) return this.alreadyDecided(d, done, s?.spec, after);
        this.drift.push({ address: d.address, summary: `quotation ${q.id} was already ${q.status.toLowerCase()} outside this state` });
        return change(d.address, d.kind, 'noop', 'adopted', s?.spec, after);
      }
    }
  }

  private alreadyDecided(d: QuotationDecisionSpec, prior: string, before: unknown, after: unknown): Change {
    this.report(d.address, error('QUOTATION_ALREADY_DECIDED', `${d.address}: the quotation was already ${prior === 'accept' ? 'accepted' : 'refused'}; a decision cannot be changed`, d.source,
      `Set \`decision: ${prior}\` back. To buy again, order under a new key and decide on its quotation.`));
    return change(d.address, d.kind, 'noop', 'spec-changed', before, after, { fieldDiffs: [{ path: 'decision', before: prior, after: d.decision }] });
  }

  /** The quotation of an order priced by quotation: as refresh saw it, else as state recorded it. */
  private quotationOf(orderAddress: string): RemoteQuotation | undefined {
    const seen = this.remote.resources[orderAddress]?.quotation;
    if (seen) return seen;
    const s = this.state.resources[orderAddress];
    if (!s?.remote.quotationId) return undefined;
    const status = ({ 'quotation-sent': 'SENT', 'quotation-accepted': 'ACCEPTED', 'quotation-refused': 'REFUSED', 'quotation-expired': 'EXPIRED' } as const)[
      s.status as 'quotation-sent'
    ] ?? (s.remote.salesOrderId ? 'ACCEPTED' : 'SENT');
    return { id: s.remote.quotationId, amount: s.price?.amount ?? null, currency: s.price?.currency ?? null, status };
  }

  private hasDecisionFor(orderAddress: string): boolean {
    const targetOf = (d: ResourceSpec) => (isDecision(d.kind) ? asDecision(d).target : undefined);
    return [...this.desired.values()].some((d) => {
      const t = targetOf(d);
      return t !== undefined && 'order' in t && t.order === orderAddress;
    });
  }

  /** In state, gone from config: what orderform can delete is deleted; orders and decisions are kept (never cancelled). */
  private removed(s: ResourceState, r: RemoteObservation | undefined): Change {
    const a = s.address;
    const movedTo = this.movedAlready.get(a);
    if (movedTo) return change(a, s.kind, 'forget', 'moved', s.spec, null, { notes: [`already moved to ${movedTo}; dropping the old address from state`] });
    if (this.forget.has(a)) {
      return change(a, s.kind, 'forget', 'forget-requested', s.spec, null, { notes: ['dropped from state; nothing remote is touched'] });
    }
    const traits = traitsOf(s.kind);
    if (traits.deletedWhenRemoved) {
      if (s.remote.alertId && this.remoteIdsDeclared().has(s.remote.alertId)) {
        return change(a, s.kind, 'forget', 'removed-from-config', s.spec, null, { notes: [`the same alert (${s.remote.alertId}) is tracked under a declared address; dropping only this old address`] });
      }
      if (r && !r.exists) return change(a, s.kind, 'forget', 'removed-from-config', s.spec, null, { notes: ['already deleted remotely; dropped from state'] });
      return change(a, s.kind, 'delete', 'removed-from-config', s.spec, null);
    }
    const kept = traits.lifecycle === 'decision' ? 'a quotation decision is one-way' : 'orderform never cancels';
    return change(a, s.kind, 'noop', 'removed-from-config', s.spec, null, { notes: [`kept; ${kept}; use \`${forgetCmd(a)}\` to forget`] });
  }
}

function groupByProvider<T extends { spec: ResourceSpec }>(items: readonly T[]): T[][] {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const vendor = providerOf(i.spec.kind).vendor;
    out.set(vendor, [...(out.get(vendor) ?? []), i]);
  }
  return [...out.values()];
}

export function diff(desired: readonly ResourceSpec[], state: StateSnapshot, remote: RemoteView, opts: DiffOptions = {}): DiffResult {
  return new Differ(desired, state, remote, opts).run();
}
