import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../cli/render/text.js';
import { diff } from '../../engine/plan/diff.js';
import { alert, stateOf } from '../plan/fixtures.js';
import { assemble, busyPlan, emptyPlan, erroredPlan } from './plans.js';

const ANSI = /\u001b\[/;

describe('text renderer', () => {
  const plain = renderPlanText(busyPlan(), { color: false });

  it('prints one line per change with its symbol, address, action and reason', () => {
    expect(plain).toMatch(/^ {2}\+ orders\.paris \(oneatlas_order\) create — new \[irreversible\]$/m);
    expect(plain).toMatch(/^ {2}\? orders\.neo \(oneatlas_order\) request-quotation — quotation-needed$/m);
    expect(plain).toMatch(/^ {2}✓ quotations\.neo-ok .* accept — decision-declared \[irreversible\]$/m);
    expect(plain).toMatch(/^ {2}~ alerts\.renamed .* update — renamed$/m);
    expect(plain).toMatch(/^-\/\+ alerts\.criteria .* replace — criteria-changed \[irreversible\]$/m);
    expect(plain).toMatch(/^ {2}- alerts\.gone .* delete — removed-from-config \[irreversible\]$/m);
  });

  it('shows costs, dependencies, field diffs and notes under each change', () => {
    expect(plain).toContain('cost: 12,345.00 EUR (price-endpoint)');
    expect(plain).toContain('cost: 500.00 USD (price-endpoint: Maxar dry run: 20 km² fresh (10300100ARDFRESH1 2026-11-02))');
    expect(plain).toContain('cost: price known at apply (known-after-quotation)');
    expect(plain).toContain('after: orders.neo');
    expect(plain).toContain('~ name: "Old name" → "New name"');
    expect(plain).toMatch(/^ +- {3}20\n +\+ {3}50$/m); // cloudCover [0, 20] → [0, 50] as a JSON line diff
    expect(plain).toContain('# kept; orderform never cancels; use `orderform state rm orders.old` to forget');
  });

  it('shows an edited placed order as refused with only what the user changed, never as "noop" or "No changes"', () => {
    const text = renderPlanText(erroredPlan(), { color: false });
    expect(text).toMatch(/^ {2}! orders\.paris \(oneatlas_order\) refused — spec-changed$/m);
    expect(text).toContain('~ productTypeId: "PT1" → "PT2"');
    expect(text).not.toContain('customerReference');
    expect(text).not.toContain('noop');
    expect(text).not.toContain('No changes');
    expect(text).toContain('Nothing can be applied: 0 resources up to date, 1 refused (changed in config, but placed orders are immutable).');
  });

  it('hides unchanged resources unless asked', () => {
    const quiet = renderPlanText(emptyPlan(), { color: false });
    expect(quiet).not.toContain('orders.paris');
    expect(quiet).toContain('No changes. 1 resource up to date.');
    expect(renderPlanText(emptyPlan(), { color: false, showUnchanged: true })).toContain('· orders.paris');
  });

  it('lists drift, spend per currency and limits with headroom', () => {
    expect(plain).toContain('! alerts.same: renamed outside orderform to "Renamed by hand"');
    expect(plain).toMatch(/Spend:\n {2}12,345.00 EUR \+ 1 price known at apply\n {2}500.00 USD/);
    expect(plain).toContain('✓ budget.total EUR: planned 12,345.00 EUR of 50,000.00 EUR, headroom 37,655.00 EUR');
    expect(plain).toContain('✗ maxar fresh_imagery_fee_limit: planned 500.00 USD of 1,000.00 USD, used 800.00 USD, over by 300.00 USD');
    expect(plain).toContain('budget.perOrder USD: planned 500.00 USD, no limit');
  });

  it('ends with the summary line', () => {
    expect(plain.trimEnd().split('\n').at(-2)).toBe(
      'Plan: 2 to order (12,345.00 EUR + 500.00 USD), 1 quotation to request, 1 quotation to accept (1 price known at apply), ' +
        '1 alert to create, 2 alerts to rename, 1 alert to replace, 1 alert to delete; 1 unchanged.',
    );
    expect(plain.trimEnd().split('\n').at(-1)).toBe('This plan cannot be applied: see the errors and limits above.');
  });

  it('prints diagnostics with their YAML position', () => {
    const out = renderPlanText(erroredPlan(), { color: false });
    expect(out).toContain('orders.yaml:10:3: error ORDER_IMMUTABLE: orders.paris: this order was already placed (SAL1)');
    expect(out).toContain('~ productTypeId: "PT1" → "PT2"');
  });

  it('shows control characters from the config escaped, never sent to the terminal', () => {
    const text = renderPlanText(assemble(diff([alert('odd', 'Paris\u001b]0;pwned\u0007\u001b[2J')], stateOf(), { resources: {} })), { color: false });
    expect(text).toContain('"Paris\\u001b]0;pwned\\u0007\\u001b[2J" in context ctx');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('uses colour only when asked', () => {
    expect(plain).not.toMatch(ANSI);
    expect(renderPlanText(busyPlan(), { color: true })).toMatch(ANSI);
  });
});
