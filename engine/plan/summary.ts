/**
 * Counting and summing a plan for people: the counts in Plan.counts and the one-line summary that
 * every renderer prints ("Plan: 3 to order (12,345.00 EUR), 1 quotation to request, …").
 */
import { roundMoney } from '../core/money.js';
import { traitsOf } from '../providers/registry.js';
import { spendsMoney } from './cost.js';
import { ACTIONS, type Change, type Plan, type PlanCounts, type Unconfirmed } from './types.js';

export function countActions(changes: readonly Change[]): PlanCounts {
  const counts = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as unknown as PlanCounts;
  for (const c of changes) counts[c.action] += 1;
  return counts;
}

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMoney(amount: number, currency: string | null): string {
  return `${money.format(amount)}${currency ? ` ${currency}` : ''}`;
}

/** Noops that only confirm a resource is in place; everything else deserves a line of output. */
/** A placed order edited in config: kept as it is, with an error (ORDER_IMMUTABLE). */
export function isRefused(c: Change): boolean {
  return c.action === 'noop' && c.reason === 'spec-changed';
}

export function isQuiet(c: Change): boolean {
  return c.action === 'noop' && c.reason === 'unchanged';
}

/** Known amounts per currency plus how many prices are not known yet, e.g. `1,200.00 EUR + 1 price known at apply`. */
function spendPhrase(changes: readonly Change[]): string {
  const by = new Map<string, number>();
  let unknown = 0;
  for (const c of changes) {
    if (!spendsMoney(c)) continue;
    if (!c.cost || c.cost.amount === null) unknown += 1;
    else by.set(c.cost.currency ?? '?', roundMoney((by.get(c.cost.currency ?? '?') ?? 0) + c.cost.amount));
  }
  const parts = [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([cur, amt]) => formatMoney(amt, cur));
  if (unknown) parts.push(`${unknown} price${unknown === 1 ? '' : 's'} known at apply`);
  return parts.join(' + ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Groups in the order they are read: spend first, then free actions. */
const GROUPS: { label: (n: number) => string; match: (c: Change) => boolean }[] = [
  { label: (n) => `${n} to order`, match: (c) => c.action === 'create' && traitsOf(c.kind).createSpends },
  { label: (n) => `${plural(n, 'quotation')} to request`, match: (c) => c.action === 'request-quotation' },
  { label: (n) => `${plural(n, 'quotation')} to accept`, match: (c) => c.action === 'accept' },
  { label: (n) => `${plural(n, 'quotation')} to refuse`, match: (c) => c.action === 'refuse' },
  { label: (n) => `${plural(n, 'alert')} to create`, match: (c) => c.action === 'create' && !traitsOf(c.kind).createSpends },
  { label: (n) => `${plural(n, 'alert')} to rename`, match: (c) => c.action === 'update' },
  { label: (n) => `${plural(n, 'alert')} to replace`, match: (c) => c.action === 'replace' },
  { label: (n) => `${plural(n, 'alert')} to delete`, match: (c) => c.action === 'delete' },
  { label: (n) => `${n} to forget`, match: (c) => c.action === 'forget' },
  { label: (n) => `${n} to adopt (found at the vendor, nothing bought)`, match: (c) => c.action === 'adopt' && c.reason !== 'moved' },
  { label: (n) => `${n} to move (renamed key, state only)`, match: (c) => c.action === 'adopt' && c.reason === 'moved' },
];

/** The headline of a plan with unconfirmed purchases says so first, with the command that resolves the first one. */
function unconfirmedPhrase(u: readonly Unconfirmed[]): string {
  const [first] = u;
  if (!first) return '';
  const others = u.length > 1 ? ` (and ${u.length - 1} more, see the warnings)` : '';
  return `${plural(u.length, 'purchase')} UNCONFIRMED: ${first.address}${others}; resolve with \`${first.resolve[0]}\` or \`${first.resolve[1] ?? first.resolve[0]}\``;
}

export function summaryLine(plan: Pick<Plan, 'changes'> & Partial<Pick<Plan, 'unconfirmed'>>): string {
  const head = unconfirmedPhrase(plan.unconfirmed ?? []);
  const line = changesLine(plan);
  return head ? `${head}. ${line}` : line;
}

function changesLine(plan: Pick<Plan, 'changes'>): string {
  const parts: string[] = [];
  for (const g of GROUPS) {
    const cs = plan.changes.filter(g.match);
    if (!cs.length) continue;
    const spend = spendPhrase(cs);
    parts.push(spend ? `${g.label(cs.length)} (${spend})` : g.label(cs.length));
  }
  const refused = plan.changes.filter(isRefused).length;
  const unchanged = plan.changes.filter((c) => c.action === 'noop').length - refused;
  const refusedPart = refused ? `${refused} refused (changed in config, but placed orders are immutable)` : '';
  if (!parts.length) {
    return refused ? `Nothing can be applied: ${plural(unchanged, 'resource')} up to date, ${refusedPart}.` : `No changes. ${plural(unchanged, 'resource')} up to date.`;
  }
  return `Plan: ${parts.join(', ')}${unchanged ? `; ${unchanged} unchanged` : ''}${refused ? `; ${refusedPart}` : ''}.`;
}
