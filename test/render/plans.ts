/** Plans as buildPlan would assemble them, built from the real diff plus costs and limits. */
import { diff } from '../../engine/plan/diff.js';
import { spendTotals } from '../../engine/plan/cost.js';
import { countActions } from '../../engine/plan/summary.js';
import type { ApprovalNeeded, Cost, LimitCheck, Plan } from '../../engine/plan/types.js';
import { alert, changedAlert, decision, legacyOrder, maxarOrder, neoOrder, recorded, stateOf } from '../plan/fixtures.js';

const costs: Record<string, Cost> = {
  'orders.paris': { amount: 12345, currency: 'EUR', basis: 'price-endpoint', vendor: 'oneatlas', account: 'CTR21000411' },
  'orders.maxar': { amount: 500, currency: 'USD', basis: 'price-endpoint', vendor: 'maxar', detail: 'Maxar dry run: 20 km² fresh (10300100ARDFRESH1 2026-11-02)', byCategory: { fresh: 500 } },
  'orders.neo': { amount: null, currency: 'EUR', basis: 'known-after-quotation', vendor: 'oneatlas' },
  'quotations.neo-ok': { amount: null, currency: 'EUR', basis: 'known-after-quotation', vendor: 'oneatlas' },
};

const limits: LimitCheck[] = [
  { name: 'budget.total EUR', currency: 'EUR', limit: 50000, used: null, planned: 12345, headroomAfter: 37655, ok: true },
  { name: 'maxar fresh_imagery_fee_limit', currency: 'USD', limit: 1000, used: 800, planned: 500, headroomAfter: -300, ok: false },
  { name: 'budget.perOrder USD', currency: 'USD', limit: null, used: null, planned: 500, headroomAfter: null, ok: true },
];

export function assemble(partial: Pick<Plan, 'changes' | 'drift' | 'diagnostics'> & { limits?: LimitCheck[]; approvals?: ApprovalNeeded[]; unconfirmed?: Plan['unconfirmed'] }): Plan {
  const limitsOk = (partial.limits ?? []).every((l) => l.ok);
  return {
    formatVersion: 1,
    createdAt: '2026-11-23T10:00:00.000Z',
    configDigest: 'cfg-digest-1',
    configFiles: ['orderform.yaml'],
    state: { lineage: 'lin-1', serial: 4 },
    changes: partial.changes,
    drift: partial.drift,
    totals: spendTotals(partial.changes),
    limits: partial.limits ?? [],
    approvals: partial.approvals ?? [],
    counts: countActions(partial.changes),
    unconfirmed: partial.unconfirmed ?? [],
    diagnostics: partial.diagnostics,
    applyable: limitsOk && !partial.diagnostics.some((d) => d.severity === 'error'),
  };
}

/** A bit of everything: orders in three flavours, a quotation, alert create/rename/replace/delete, drift, an over-limit. */
export function busyPlan(): Plan {
  const r = diff(
    [legacyOrder('paris'), maxarOrder('maxar'), neoOrder('neo'), { ...decision('neo-ok', 'orders.neo'), maxPrice: { amount: 2000, currency: 'EUR' } }, alert('new'), alert('renamed', 'New name'), changedAlert('criteria'), alert('same')],
    stateOf(recorded(alert('renamed', 'Old name'), 'active'), recorded(alert('criteria'), 'active'), recorded(alert('gone', 'gone', 'dig-gone'), 'active'), recorded(alert('same'), 'active'), recorded(legacyOrder('old', 'dig-old'), 'delivered')),
    { resources: { 'alerts.same': { exists: true, name: 'Renamed by hand' } } },
  );
  const changes = r.changes.map((c) => ({ ...c, cost: costs[c.address] ?? null }));
  return assemble({ changes, drift: r.drift, diagnostics: r.diagnostics, limits });
}

export function emptyPlan(): Plan {
  const r = diff([legacyOrder('paris')], stateOf(recorded(legacyOrder('paris'), 'delivered')), { resources: {} });
  return assemble(r);
}

export function erroredPlan(): Plan {
  const r = diff([{ ...legacyOrder('paris', 'dig-2'), productTypeId: 'PT2' }], stateOf(recorded(legacyOrder('paris'), 'delivered', { salesOrderId: 'SAL1' })), { resources: {} });
  return assemble(r);
}
