import { describe, expect, it } from 'vitest';
import type { ResourceSpec } from '../../engine/model.js';
import { diff, type DiffOptions } from '../../engine/plan/diff.js';
import type { RemoteView } from '../../engine/core/remote.js';
import type { Change } from '../../engine/plan/types.js';
import type { ResourceState } from '../../engine/state/types.js';
import { alert, changedAlert, decision, legacyOrder, maxarOrder, neoOrder, recorded, stateOf } from './fixtures.js';

interface Expected {
  action: Change['action'];
  reason: Change['reason'];
  irreversible?: boolean;
  dependsOn?: string[];
  note?: RegExp;
  fieldPaths?: string[];
}

interface Case {
  name: string;
  desired: ResourceSpec[];
  state?: ResourceState[];
  remote?: RemoteView['resources'];
  opts?: DiffOptions;
  expect: Record<string, Expected>;
  diagnostics?: string[];
  drift?: RegExp[];
}

const sent = (id = 'QUO1') => ({ exists: true, quotation: { id, amount: 1200, currency: 'EUR', status: 'SENT' as const, validUntil: '2026-12-01T00:00:00Z' } });
const quoted = (status: 'ACCEPTED' | 'REFUSED' | 'EXPIRED') => ({ exists: true, quotation: { id: 'QUO1', amount: 1200, currency: 'EUR', status } });
const neoSent = recorded(neoOrder('neo'), 'quotation-sent', { quotationId: 'QUO1' }, { amount: 1200, currency: 'EUR' });
const renamed = { ...alert('a', 'old name') };
const changedCriteria = changedAlert('a');
const changedOrder = { ...legacyOrder('x', 'dig-2'), items: [{ catalogItemId: 'cat-2', aoiId: 1 }] };

const cases: Case[] = [
  // orders
  {
    name: 'new legacy order not looked up at the vendor is placed, with a warning that it could not be checked',
    desired: [legacyOrder('x')], expect: { 'orders.x': { action: 'create', reason: 'new', irreversible: true, note: /not checked at the vendor/ } }, diagnostics: ['ORDER_NOT_CHECKABLE'],
  },
  {
    name: 'order not in state but found at the vendor by its reference is adopted, not bought',
    desired: [legacyOrder('x')], remote: { 'orders.x': { exists: true, foundBy: 'reference', status: 'delivered', salesOrderId: 'SAL7' } },
    expect: { 'orders.x': { action: 'adopt', reason: 'found-at-vendor', irreversible: false, note: /found at the vendor by reference .*: sales order SAL7 \(delivered\)/ } },
  },
  {
    name: 'Neo order not in state, its quotation found at the vendor: adopted with the quotation',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')], remote: { 'orders.neo': { ...sent('QUO5'), foundBy: 'reference', status: 'quotation-sent' } },
    expect: { 'orders.neo': { action: 'adopt', reason: 'found-at-vendor', note: /quotation QUO5/ }, 'quotations.d': { action: 'accept', reason: 'decision-declared', dependsOn: ['orders.neo'] } },
  },
  {
    name: 'a declared reference held at the vendor by an order of another product is an error naming both',
    desired: [neoOrder('neo')], remote: { 'orders.neo': { ...sent('QUO5'), foundBy: 'reference', productTypeId: 'SomethingElse' } },
    expect: { 'orders.neo': { action: 'noop', reason: 'spec-changed', fieldPaths: ['productTypeId'] } }, diagnostics: ['REFERENCE_HELD_BY_OTHER_ORDER'],
  },
  { name: 'new legacy order looked up and not delivered yet is placed', desired: [legacyOrder('x')], remote: { 'orders.x': { exists: false } }, expect: { 'orders.x': { action: 'create', reason: 'new', irreversible: true } } },
  { name: 'new Neo order asks for a quotation', desired: [neoOrder('neo')], expect: { 'orders.neo': { action: 'request-quotation', reason: 'quotation-needed', irreversible: false, note: /price known/ } } },
  { name: 'new Maxar order is placed', desired: [maxarOrder('m')], expect: { 'orders.m': { action: 'create', reason: 'new', irreversible: true } } },
  { name: 'placed order, same spec: nothing to do', desired: [legacyOrder('x')], state: [recorded(legacyOrder('x'), 'in-progress', { salesOrderId: 'SAL1' })], expect: { 'orders.x': { action: 'noop', reason: 'unchanged' } } },
  {
    name: 'placed order whose spec changed is refused',
    desired: [changedOrder], state: [recorded(legacyOrder('x'), 'in-progress', { salesOrderId: 'SAL1' })],
    expect: { 'orders.x': { action: 'noop', reason: 'spec-changed', fieldPaths: ['items[0].catalogItemId'] } },
    diagnostics: ['ORDER_IMMUTABLE'],
  },
  {
    name: 'order removed from config is kept, never cancelled',
    desired: [], state: [recorded(legacyOrder('x'), 'delivered', { salesOrderId: 'SAL1' })],
    expect: { 'orders.x': { action: 'noop', reason: 'removed-from-config', note: /kept; orderform never cancels; use `orderform state rm orders.x` to forget/ } },
  },
  {
    name: 'order removed from config and forgotten on request',
    desired: [], state: [recorded(maxarOrder('m'), 'delivered')], opts: { forget: ['orders.m'] },
    expect: { 'orders.m': { action: 'forget', reason: 'forget-requested', irreversible: false } },
  },
  {
    name: 'forget refuses an address still in config and warns on an unknown one',
    desired: [legacyOrder('x')], state: [recorded(legacyOrder('x'), 'delivered')], opts: { forget: ['orders.x', 'orders.nope'] },
    expect: { 'orders.x': { action: 'noop', reason: 'unchanged' } }, diagnostics: ['FORGET_IN_CONFIG', 'FORGET_UNKNOWN'],
  },
  {
    name: 'order status moved remotely: drift',
    desired: [legacyOrder('x')], state: [recorded(legacyOrder('x'), 'in-progress', { salesOrderId: 'SAL1' })], remote: { 'orders.x': { exists: true, status: 'delivered' } },
    expect: { 'orders.x': { action: 'noop', reason: 'unchanged' } }, drift: [/status in-progress → delivered/],
  },
  // intents
  {
    name: 'intent found remotely is adopted',
    desired: [legacyOrder('x')], state: [recorded(legacyOrder('x'), 'intent', { customerReference: 'of-x' })], remote: { 'orders.x': { exists: true, foundBy: 'reference', salesOrderId: 'SAL9' } },
    expect: { 'orders.x': { action: 'noop', reason: 'adopted' } }, drift: [/adopted.*of-x/],
  },
  {
    name: 'legacy intent not found: outcome unknown, never ordered blindly',
    desired: [legacyOrder('x')], state: [recorded(legacyOrder('x'), 'intent')], remote: { 'orders.x': { exists: false } },
    expect: { 'orders.x': { action: 'noop', reason: 'outcome-unknown' } }, diagnostics: ['ORDER_OUTCOME_UNKNOWN'],
  },
  {
    name: 'legacy intent, not refreshed: outcome unknown',
    desired: [legacyOrder('x')], state: [recorded(legacyOrder('x'), 'intent')],
    expect: { 'orders.x': { action: 'noop', reason: 'outcome-unknown' } }, diagnostics: ['ORDER_OUTCOME_UNKNOWN'],
  },
  {
    name: 'legacy intent with --retry-unconfirmed is ordered again',
    desired: [legacyOrder('x')], state: [recorded(legacyOrder('x'), 'intent')], remote: { 'orders.x': { exists: false } }, opts: { retryUnconfirmed: ['orders.x'] },
    expect: { 'orders.x': { action: 'create', reason: 'new', note: /retry-unconfirmed/ } },
  },
  {
    name: 'Neo intent not found by reference was never placed: quotation requested again',
    desired: [neoOrder('neo')], state: [recorded(neoOrder('neo'), 'intent')], remote: { 'orders.neo': { exists: false } },
    expect: { 'orders.neo': { action: 'request-quotation', reason: 'quotation-needed', note: /never placed/ } },
  },
  {
    name: 'Maxar intent not found by reference was never placed: ordered again',
    desired: [maxarOrder('m')], state: [recorded(maxarOrder('m'), 'intent')], remote: { 'orders.m': { exists: false } },
    expect: { 'orders.m': { action: 'create', reason: 'new', note: /never placed/ } },
  },
  {
    name: 'Maxar intent, not refreshed: outcome unknown',
    desired: [maxarOrder('m')], state: [recorded(maxarOrder('m'), 'intent')],
    expect: { 'orders.m': { action: 'noop', reason: 'outcome-unknown' } }, diagnostics: ['ORDER_OUTCOME_UNKNOWN'],
  },
  // quotations
  {
    name: 'quotation sent and a decision declared: accept, after the order',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')], state: [neoSent], remote: { 'orders.neo': sent() },
    expect: { 'orders.neo': { action: 'noop', reason: 'unchanged' }, 'quotations.d': { action: 'accept', reason: 'decision-declared', irreversible: true, dependsOn: ['orders.neo'], note: /QUO1: 1200 EUR/ } },
  },
  {
    name: 'accept declared before any quotation, no ceiling: waits for the plan that shows the price',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')],
    expect: { 'orders.neo': { action: 'request-quotation', reason: 'quotation-needed' }, 'quotations.d': { action: 'noop', reason: 'awaiting-quotation-decision', note: /accepted by the next plan.*declare maxPrice/ } },
  },
  {
    name: 'accept declared before any quotation, with a ceiling: in the same run, after the request',
    desired: [neoOrder('neo'), { ...decision('d', 'orders.neo'), maxPrice: { amount: 2000, currency: 'EUR' } }],
    expect: { 'orders.neo': { action: 'request-quotation', reason: 'quotation-needed' }, 'quotations.d': { action: 'accept', reason: 'decision-declared', dependsOn: ['orders.neo'], note: /only if it costs at most maxPrice/ } },
  },
  {
    name: 'refuse declared before any quotation: in the same run, after the request',
    desired: [neoOrder('neo'), decision('d', 'orders.neo', 'refuse')],
    expect: { 'quotations.d': { action: 'refuse', reason: 'decision-declared', dependsOn: ['orders.neo'], note: /refused as soon as it exists/ } },
  },
  {
    name: 'quotation sent, no decision declared: reported',
    desired: [neoOrder('neo')], state: [neoSent], remote: { 'orders.neo': sent() },
    expect: { 'orders.neo': { action: 'noop', reason: 'awaiting-quotation-decision', note: /QUO1 \(1200 EUR, valid until 2026-12-01/ } },
  },
  {
    name: 'quotation known from state only: refuse',
    desired: [neoOrder('neo'), decision('d', 'orders.neo', 'refuse')], state: [neoSent],
    expect: { 'quotations.d': { action: 'refuse', reason: 'decision-declared', irreversible: true, dependsOn: ['orders.neo'] } },
  },
  {
    name: 'a decision already taken cannot change',
    desired: [neoOrder('neo'), decision('d', 'orders.neo', 'refuse')], state: [neoSent, recorded(decision('d', 'orders.neo', 'accept'), 'decided')],
    expect: { 'quotations.d': { action: 'noop', reason: 'spec-changed', fieldPaths: ['decision'] } }, diagnostics: ['QUOTATION_ALREADY_DECIDED'],
  },
  {
    name: 'a decision already taken, unchanged',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')], state: [neoSent, recorded(decision('d', 'orders.neo'), 'decided')],
    expect: { 'quotations.d': { action: 'noop', reason: 'unchanged' } },
  },
  {
    name: 'quotation accepted outside orderform, same decision: adopted',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')], state: [neoSent], remote: { 'orders.neo': quoted('ACCEPTED') },
    expect: { 'quotations.d': { action: 'noop', reason: 'adopted' } }, drift: [/already accepted/],
  },
  {
    name: 'quotation refused outside orderform, accept declared: error',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')], state: [neoSent], remote: { 'orders.neo': quoted('REFUSED') },
    expect: { 'quotations.d': { action: 'noop', reason: 'spec-changed' } }, diagnostics: ['QUOTATION_ALREADY_DECIDED'],
  },
  {
    name: 'expired quotation refused when asked',
    desired: [neoOrder('neo'), decision('d', 'orders.neo', 'accept', true)], state: [neoSent], remote: { 'orders.neo': quoted('EXPIRED') },
    expect: { 'quotations.d': { action: 'refuse', reason: 'decision-declared', note: /expired/ } }, diagnostics: ['QUOTATION_EXPIRED'],
  },
  {
    name: 'expired quotation only reported otherwise',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')], state: [neoSent], remote: { 'orders.neo': quoted('EXPIRED') },
    expect: { 'quotations.d': { action: 'noop', reason: 'decision-declared' } }, diagnostics: ['QUOTATION_EXPIRED'],
  },
  {
    name: 'a declared refusal of an expired quotation is sent (refuseIfExpired or not)',
    desired: [neoOrder('neo'), decision('d', 'orders.neo', 'refuse')], state: [neoSent], remote: { 'orders.neo': quoted('EXPIRED') },
    expect: { 'quotations.d': { action: 'refuse', reason: 'decision-declared', note: /expired; refusing it as declared/ } }, diagnostics: ['QUOTATION_EXPIRED'],
  },
  {
    name: 'decision on an order that does not exist',
    desired: [decision('d', 'orders.ghost')], expect: { 'quotations.d': { action: 'noop', reason: 'decision-declared' } }, diagnostics: ['QUOTATION_TARGET_UNKNOWN'],
  },
  {
    name: 'decision on an order whose outcome is unknown waits',
    desired: [neoOrder('neo'), decision('d', 'orders.neo')], state: [recorded(neoOrder('neo'), 'intent')],
    expect: { 'orders.neo': { action: 'noop', reason: 'outcome-unknown' }, 'quotations.d': { action: 'noop', reason: 'outcome-unknown', note: /waiting/ } },
    diagnostics: ['ORDER_OUTCOME_UNKNOWN'],
  },
  {
    name: 'decision on an external quotation id, not refreshed',
    desired: [{ ...decision('d', 'x'), target: { quotationId: 'QUO7', contract: neoOrder('n').contract } }],
    expect: { 'quotations.d': { action: 'accept', reason: 'decision-declared', dependsOn: [], note: /not looked up/ } },
  },
  {
    name: 'decision removed from config is kept',
    desired: [], state: [recorded(decision('d', 'orders.neo'), 'decided')],
    expect: { 'quotations.d': { action: 'noop', reason: 'removed-from-config', note: /one-way/ } },
  },
  // alerts
  { name: 'new alert is created', desired: [alert('a')], expect: { 'alerts.a': { action: 'create', reason: 'new', irreversible: false } } },
  { name: 'alert renamed in config: updated in place', desired: [alert('a', 'new name')], state: [recorded(renamed, 'active', { alertId: 'AL1' })], expect: { 'alerts.a': { action: 'update', reason: 'renamed', fieldPaths: ['name'] } } },
  {
    name: 'alert criteria changed: replaced',
    desired: [changedCriteria], state: [recorded(alert('a'), 'active', { alertId: 'AL1' })],
    expect: { 'alerts.a': { action: 'replace', reason: 'criteria-changed', irreversible: true, fieldPaths: ['cloudCover'] } },
  },
  { name: 'alert removed from config: deleted', desired: [], state: [recorded(alert('a'), 'active')], expect: { 'alerts.a': { action: 'delete', reason: 'removed-from-config', irreversible: true } } },
  { name: 'alert removed and forgotten', desired: [], state: [recorded(alert('a'), 'active')], opts: { forget: ['alerts.a'] }, expect: { 'alerts.a': { action: 'forget', reason: 'forget-requested' } } },
  {
    name: 'alert removed from config and already gone remotely: forgotten',
    desired: [], state: [recorded(alert('a'), 'active')], remote: { 'alerts.a': { exists: false } },
    expect: { 'alerts.a': { action: 'forget', reason: 'removed-from-config', note: /already deleted/ } },
  },
  {
    name: 'alert deleted remotely: created again',
    desired: [alert('a')], state: [recorded(alert('a'), 'active', { alertId: 'AL1' })], remote: { 'alerts.a': { exists: false } },
    expect: { 'alerts.a': { action: 'create', reason: 'deleted-remotely' } }, drift: [/deleted outside orderform/],
  },
  {
    name: 'alert renamed remotely: renamed back',
    desired: [alert('a')], state: [recorded(alert('a'), 'active', { alertId: 'AL1' })], remote: { 'alerts.a': { exists: true, name: 'someone else' } },
    expect: { 'alerts.a': { action: 'update', reason: 'renamed', fieldPaths: ['name'], note: /renaming it back/ } }, drift: [/renamed outside orderform to "someone else"/],
  },
  { name: 'alert unchanged', desired: [alert('a')], state: [recorded(alert('a'), 'active')], remote: { 'alerts.a': { exists: true, name: 'a' } }, expect: { 'alerts.a': { action: 'noop', reason: 'unchanged' } } },
];

describe('diff', () => {
  it.each(cases)('$name', (c) => {
    const out = diff(c.desired, stateOf(...(c.state ?? [])), { resources: c.remote ?? {} }, c.opts);
    const byAddress = Object.fromEntries(out.changes.map((ch) => [ch.address, ch]));
    for (const [address, e] of Object.entries(c.expect)) {
      const ch = byAddress[address];
      expect(ch, address).toBeDefined();
      expect({ action: ch!.action, reason: ch!.reason }, address).toEqual({ action: e.action, reason: e.reason });
      if (e.irreversible !== undefined) expect(ch!.irreversible, `${address} irreversible`).toBe(e.irreversible);
      if (e.dependsOn) expect(ch!.dependsOn).toEqual(e.dependsOn);
      if (e.note) expect(ch!.notes.join('\n')).toMatch(e.note);
      if (e.fieldPaths) expect(ch!.fieldDiffs.map((f) => f.path)).toEqual(e.fieldPaths);
      expect(ch!.cost).toBeNull();
    }
    expect(out.diagnostics.map((d) => d.code).sort()).toEqual([...(c.diagnostics ?? [])].sort());
    expect(out.drift).toHaveLength(c.drift?.length ?? 0);
    c.drift?.forEach((re, i) => expect(out.drift[i]?.summary).toMatch(re));
  });

  it('lists every resource, noops included, sorted by address', () => {
    const out = diff([legacyOrder('b'), alert('z'), alert('a')], stateOf(recorded(legacyOrder('b'), 'delivered'), recorded(legacyOrder('c'), 'delivered')), { resources: {} });
    expect(out.changes.map((c) => `${c.address}:${c.action}`)).toEqual(['alerts.a:create', 'alerts.z:create', 'orders.b:noop', 'orders.c:noop']);
  });

  it('places the immutability error at the order in the YAML and says what to do', () => {
    const out = diff([changedOrder], stateOf(recorded(legacyOrder('x'), 'in-progress', { salesOrderId: 'SAL1' })), { resources: {} });
    const d = out.diagnostics[0]!;
    expect(d).toMatchObject({ severity: 'error', source: { file: 'orders.yaml', line: 10, path: 'orders.x' } });
    expect(d.summary).toContain('SAL1');
    expect(d.detail).toMatch(/new key .*x-2.*orderform state rm orders\.x/s);
  });

  it('ties each diagnostic to the resource it is about', () => {
    const out = diff([changedOrder, legacyOrder('y')], stateOf(recorded(legacyOrder('x'), 'in-progress', { salesOrderId: 'SAL1' }), recorded(legacyOrder('y'), 'intent')), { resources: { 'orders.y': { exists: false } } });
    expect(out.diagnostics.map((d) => [d.code, d.address])).toEqual([['ORDER_IMMUTABLE', 'orders.x'], ['ORDER_OUTCOME_UNKNOWN', 'orders.y']]);
  });

  it('tells how to resolve an unknown outcome', () => {
    const out = diff([legacyOrder('x')], stateOf(recorded(legacyOrder('x'), 'intent')), { resources: { 'orders.x': { exists: false } } });
    expect(out.diagnostics[0]).toMatchObject({ severity: 'warning' });
    expect(out.diagnostics[0]?.detail).toContain('orderform import orders.x SALES_ORDER_ID');
    expect(out.diagnostics[0]?.detail).toContain('orderform apply --retry-unconfirmed orders.x');
  });

  it('shows before and after without YAML positions', () => {
    const out = diff([alert('a', 'new')], stateOf(recorded(alert('a', 'old'), 'active')), { resources: {} });
    const ch = out.changes[0]!;
    expect(ch.before).toMatchObject({ name: 'old' });
    expect(ch.after).toMatchObject({ name: 'new', cloudCover: [0, 20] });
    expect(JSON.stringify(ch.after)).not.toContain('orders.yaml');
  });

  it('does not modify its inputs', () => {
    const desired = [neoOrder('neo'), decision('d', 'orders.neo', 'accept', true)];
    const state = stateOf(neoSent);
    const remote = { resources: { 'orders.neo': quoted('EXPIRED') } };
    const copies = structuredClone({ desired, state, remote });
    diff(desired, state, remote);
    expect({ desired, state, remote }).toEqual(copies);
  });
});
