/**
 * The plan as a pull-request comment: summary, a table of changes with costs, spend and limits,
 * details folded in <details>. No ANSI. The first line is a marker CI uses to update its comment
 * instead of adding another.
 */
import { formatMoney, isQuiet, summaryLine } from '../../engine/plan/summary.js';
import { approvalText } from '../../engine/plan/thresholds.js';
import type { Change, Plan } from '../../engine/plan/types.js';
import { fieldDiffLines } from './field-diff.js';
import { printable } from './printable.js';
import { describeCreated } from './spec-summary.js';
import { ACTION_SYMBOL, limitText } from './text.js';

export const PLAN_COMMENT_MARKER = '<!-- orderform-plan -->';

/** Table cells: no pipes or newlines breaking the row, no HTML from user-chosen names. */
function cell(s: string): string {
  return printable(s, true).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function costCell(c: Change): string {
  if (!c.cost) return '';
  if (c.cost.basis === 'free') return 'free';
  return c.cost.amount === null ? 'known at apply' : formatMoney(c.cost.amount, c.cost.currency);
}

function details(c: Change): string {
  const body: string[] = [`#### \`${c.address}\` — ${c.action} (${c.reason})`];
  if (c.cost?.detail) body.push(`Cost: ${cell(c.cost.detail)}`);
  if (c.dependsOn.length) body.push(`After: ${c.dependsOn.map((d) => `\`${d}\``).join(', ')}`);
  const created = describeCreated(c);
  if (created.length) body.push(created.map((l) => `- ${cell(l)}`).join('\n'));
  if (c.fieldDiffs.length) {
    const lines = c.fieldDiffs.flatMap(fieldDiffLines).map((l) => `${l.sign === '~' ? '!' : l.sign} ${l.text}`);
    body.push(['```diff', ...lines, '```'].join('\n'));
  }
  body.push(...c.notes.map((n) => `- ${n}`));
  return body.join('\n\n');
}

/** GitHub refuses a comment over 65,536 characters; the rest is room for what CI adds around the plan. */
export const MAX_COMMENT_CHARS = 60_000;

/**
 * New orders' AOIs as one FeatureCollection: GitHub draws a ```geojson block as a map in the comment.
 * Null when no new order has an AOI.
 */
function aoiMap(changes: readonly Change[]): string | null {
  const features = changes
    .filter((c) => c.action === 'create' && (c.kind === 'oneatlas_order' || c.kind === 'maxar_ard_order'))
    .flatMap((c) => {
      const after = c.after as { aois?: { name: string; geometry: unknown }[]; aoi?: { name: string; geometry: unknown } } | null;
      const aois = after?.aois ?? (after?.aoi ? [after.aoi] : []);
      return aois.filter((a) => a.geometry).map((a) => ({ type: 'Feature', properties: { address: c.address, aoi: a.name }, geometry: a.geometry }));
    });
  if (!features.length) return null;
  return ["<details><summary>Map of the new orders' AOIs</summary>", '', '```geojson', JSON.stringify({ type: 'FeatureCollection', features }), '```', '', '</details>'].join('\n');
}

/**
 * The comment, within `maxChars` (Infinity: the whole plan, for `show`): parts that do not fit are left
 * out in this order — the details (field diffs, notes), then the AOI map, then table rows — with a line
 * saying what was cut and where the full plan is.
 */
export function renderPlanMarkdown(plan: Plan, opts: { maxChars?: number } = {}): string {
  const max = opts.maxChars ?? MAX_COMMENT_CHARS;
  const full = renderParts(plan, { map: true, details: true, rows: Infinity });
  if (full.length <= max) return full;
  const shownCount = plan.changes.filter((c) => !isQuiet(c)).length;
  const cut = (parts: { map: boolean; rows: number }, what: string) =>
    renderParts(plan, {
      ...parts,
      details: false,
      notice: `> **Cut to fit a pull-request comment** (${full.length.toLocaleString('en-US')} characters): ${what}. The full plan is the CI run's artifact (plan.md, and plan.json to apply), or \`orderform show plan.json --output markdown\` on the saved plan.`,
    });
  for (const candidate of [cut({ map: true, rows: Infinity }, 'field diffs and notes left out'), cut({ map: false, rows: Infinity }, 'field diffs, notes and the AOI map left out')]) {
    if (candidate.length <= max) return candidate;
  }
  // Fewer rows until it fits: a binary search over how many changes are listed.
  const rows = (n: number) => cut({ map: false, rows: n }, `${n} of ${shownCount} changes listed`);
  let lo = 0;
  let hi = shownCount;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (rows(mid).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return rows(lo);
}

function renderParts(plan: Plan, parts: { map: boolean; details: boolean; rows: number; notice?: string }): string {
  const out: string[] = [PLAN_COMMENT_MARKER, `### ${summaryLine(plan)}`];
  if (parts.notice) out.push(parts.notice);
  if (!plan.applyable) out.push('**This plan cannot be applied**: see the diagnostics below.');
  const shown = plan.changes.filter((c) => !isQuiet(c));
  if (shown.length) {
    out.push([
      '| | Address | Kind | Action | Reason | Cost |',
      '|---|---|---|---|---|---|',
      ...shown.slice(0, parts.rows).map((c) => `| ${cell(ACTION_SYMBOL[c.action])} | \`${cell(c.address)}\` | ${c.kind} | ${c.action}${c.irreversible ? ' ⚠️' : ''} | ${c.reason} | ${costCell(c)} |`),
    ].join('\n'));
  }
  const decided = shown.filter((c) => c.action === 'accept' || c.action === 'refuse');
  if (decided.length) {
    out.push(['**Quotations to decide**: read each one before approving (the vendor\'s PDF):',
      ...decided.map((c) => `- \`${cell(c.address)}\` (${c.action}${c.cost?.detail?.startsWith('quotation ') ? `, ${cell(c.cost.detail)}` : ''}): \`orderform quotation export ${cell(c.address)} --out ${cell(c.address)}.pdf\``)].join('\n'));
  }
  if (plan.totals.length) {
    out.push(['| Currency | Planned spend | Prices known at apply |', '|---|---:|---:|',
      ...plan.totals.map((t) => `| ${t.currency} | ${formatMoney(t.amount, null)} | ${t.unknownCount} |`)].join('\n'));
  }
  if (plan.limits.length) out.push(plan.limits.map((l) => `- ${l.ok ? '✅' : '❌'} ${cell(limitText(l))}`).join('\n'));
  if (plan.approvals.length) {
    out.push(['**Safety thresholds crossed**: applying this plan needs these approvals (in CI: the PR label named in docs/ci.md, or `safety.approvals` in the config)',
      ...plan.approvals.map((a) => `- ${a.approvedBy ? '✅' : '⚠️'} ${cell(approvalText(a))}`)].join('\n'));
  }
  if (plan.drift.length) out.push(['**Drift since the last run**', ...plan.drift.map((d) => `- \`${d.address}\`: ${cell(d.summary)}`)].join('\n'));
  if (plan.diagnostics.length) {
    out.push(['**Diagnostics**', ...plan.diagnostics.map((d) => {
      const where = d.source ? ` (${d.source.file}:${d.source.line}:${d.source.column})` : '';
      return `- **${d.severity}** \`${d.code}\`${where}: ${cell(d.summary)}${d.detail ? ` — ${cell(d.detail)}` : ''}`;
    })].join('\n'));
  }
  const detailed = shown.filter((c) => c.fieldDiffs.length || c.notes.length || c.cost?.detail || c.dependsOn.length);
  if (parts.details && detailed.length) out.push(['<details><summary>Details</summary>', '', detailed.map(details).join('\n\n'), '', '</details>'].join('\n'));
  const map = parts.map ? aoiMap(shown) : null;
  if (map) out.push(map);
  return `${out.join('\n\n')}\n`;
}
