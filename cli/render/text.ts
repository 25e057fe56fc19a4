/**
 * The plan for a terminal: one block per change (symbol, address, action, cost, field diffs, notes),
 * then drift, spend per currency, limits with headroom, diagnostics and the summary line.
 * Colour only when asked.
 */
import { formatMoney, isQuiet, isRefused, summaryLine } from '../../engine/plan/summary.js';
import { approvalText } from '../../engine/plan/thresholds.js';
import type { Action, Change, Cost, LimitCheck, Plan } from '../../engine/plan/types.js';
import { renderDiagnostics } from './diagnostics.js';
import { fieldDiffLines, type DiffLine } from './field-diff.js';
import { printable } from './printable.js';
import { describeCreated } from './spec-summary.js';

export const ACTION_SYMBOL: Record<Action, string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  'request-quotation': '?',
  accept: '✓',
  refuse: '✗',
  forget: '⊘',
  adopt: '=',
  noop: '·',
};

const COLOR = { green: '\u001b[32m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m' };
const RESET = '\u001b[0m';
type Paint = (c: keyof typeof COLOR, s: string) => string;

const ACTION_COLOR: Record<Action, keyof typeof COLOR> = {
  create: 'green', update: 'yellow', replace: 'yellow', delete: 'red', 'request-quotation': 'cyan',
  accept: 'green', refuse: 'red', forget: 'dim', adopt: 'cyan', noop: 'dim',
};

export function costText(cost: Cost | null): string | null {
  if (!cost) return null;
  if (cost.basis === 'free') return null;
  const amount = cost.amount === null ? 'price known at apply' : formatMoney(cost.amount, cost.currency);
  return `${amount} (${cost.basis}${cost.detail ? `: ${cost.detail}` : ''})`;
}

export function limitText(l: LimitCheck): string {
  const m = (n: number) => formatMoney(n, l.currency);
  if (l.limit === null) return `${l.name}: planned ${m(l.planned)}, no limit`;
  const used = l.used === null ? '' : `, used ${m(l.used)}`;
  const head = l.headroomAfter === null ? '' : l.headroomAfter < 0 ? `, over by ${m(-l.headroomAfter)}` : `, headroom ${m(l.headroomAfter)}`;
  return `${l.name}: planned ${m(l.planned)} of ${m(l.limit)}${used}${head}`;
}

function diffLine(l: DiffLine, paint: Paint): string {
  const text = `${l.sign} ${l.text}`;
  return l.sign === '+' ? paint('green', text) : l.sign === '-' ? paint('red', text) : l.sign === '~' ? paint('yellow', text) : text;
}

function changeBlock(c: Change, paint: Paint): string {
  // An edited placed order is not a "noop": nothing will be done because the plan refuses it.
  const refused = isRefused(c);
  const sym = refused ? paint('red', '!'.padStart(3)) : paint(ACTION_COLOR[c.action], ACTION_SYMBOL[c.action].padStart(3));
  const flags = c.irreversible ? paint('bold', ' [irreversible]') : '';
  const lines = [`${sym} ${paint('bold', c.address)} ${paint('dim', `(${c.kind})`)} ${refused ? 'refused' : c.action} — ${c.reason}${flags}`];
  const pad = '      ';
  const cost = costText(c.cost);
  if (cost) lines.push(`${pad}cost: ${cost}`);
  if (c.dependsOn.length) lines.push(`${pad}after: ${c.dependsOn.join(', ')}`);
  for (const d of describeCreated(c)) lines.push(`${pad}${printable(d)}`);
  for (const fd of c.fieldDiffs) for (const l of fieldDiffLines(fd)) lines.push(pad + diffLine(l, paint));
  for (const n of c.notes) lines.push(paint('dim', `${pad}# ${printable(n)}`));
  return lines.join('\n');
}

export function renderPlanText(plan: Plan, opts: { color: boolean; showUnchanged?: boolean }): string {
  const paint: Paint = (c, s) => (opts.color ? `${COLOR[c]}${s}${RESET}` : s);
  const out: string[] = [];
  const shown = plan.changes.filter((c) => opts.showUnchanged || !isQuiet(c));
  if (shown.length) out.push(shown.map((c) => changeBlock(c, paint)).join('\n\n'));
  if (plan.drift.length) {
    out.push(['Drift since the last run:', ...plan.drift.map((d) => `  ${paint('yellow', '!')} ${d.address}: ${printable(d.summary)}`)].join('\n'));
  }
  if (plan.totals.length) {
    const lines = plan.totals.map((t) => `  ${formatMoney(t.amount, t.currency)}${t.unknownCount ? ` + ${t.unknownCount} price${t.unknownCount === 1 ? '' : 's'} known at apply` : ''}`);
    out.push(['Spend:', ...lines].join('\n'));
  }
  if (plan.limits.length) {
    out.push(['Limits:', ...plan.limits.map((l) => `  ${l.ok ? paint('green', '✓') : paint('red', '✗')} ${limitText(l)}`)].join('\n'));
  }
  if (plan.approvals.length) {
    out.push(['Safety thresholds crossed:', ...plan.approvals.map((a) => `  ${a.approvedBy ? paint('green', '✓') : paint('yellow', '⚠')} ${approvalText(a)}`)].join('\n'));
  }
  const diags = renderDiagnostics(plan.diagnostics, opts.color);
  if (diags) out.push(diags.trimEnd());
  const summary = summaryLine(plan);
  out.push(plan.applyable ? paint('bold', summary) : `${paint('bold', summary)}\n${paint('red', 'This plan cannot be applied: see the errors and limits above.')}`);
  return `${out.join('\n\n')}\n`;
}
