import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_CHARS, PLAN_COMMENT_MARKER, renderPlanMarkdown } from '../../cli/render/markdown.js';
import { printPlan } from '../../cli/commands/plan-output.js';
import { diff } from '../../engine/plan/diff.js';
import { captureIo } from '../support/capture-io.js';
import { legacyOrder, stateOf } from '../plan/fixtures.js';
import type { Change } from '../../engine/plan/types.js';
import { assemble, busyPlan, emptyPlan, erroredPlan } from './plans.js';

describe('markdown renderer', () => {
  const md = renderPlanMarkdown(busyPlan());

  it('starts with the marker CI finds its comment by, then the summary', () => {
    const [marker, , heading] = md.split('\n');
    expect(marker).toBe(PLAN_COMMENT_MARKER);
    expect(heading).toMatch(/^### Plan: 2 to order \(12,345.00 EUR \+ 500.00 USD\), 1 quotation to request/);
  });

  it('has a table row per change with its cost, unchanged ones left out', () => {
    expect(md).toContain('| + | `orders.paris` | oneatlas_order | create ⚠️ | new | 12,345.00 EUR |');
    expect(md).toContain('| ? | `orders.neo` | oneatlas_order | request-quotation | quotation-needed | known at apply |');
    expect(md).toContain('| · | `orders.old` | oneatlas_order | noop | removed-from-config |  |');
    expect(renderPlanMarkdown(emptyPlan())).not.toContain('orders.paris');
  });

  it('shows totals, limits, drift and diagnostics', () => {
    expect(md).toContain('| EUR | 12,345.00 | 1 |');
    expect(md).toContain('- ❌ maxar fresh_imagery_fee_limit: planned 500.00 USD of 1,000.00 USD, used 800.00 USD, over by 300.00 USD');
    expect(md).toContain('- `alerts.same`: renamed outside orderform to "Renamed by hand"');
    expect(renderPlanMarkdown(erroredPlan())).toMatch(/- \*\*error\*\* `ORDER_IMMUTABLE` \(orders.yaml:10:3\): orders.paris: this order was already placed/);
  });

  it('folds field diffs and notes into <details>', () => {
    const details = md.slice(md.indexOf('<details>'));
    expect(md.indexOf('<details>')).toBeGreaterThan(md.indexOf('| Address |'));
    expect(details).toContain('```diff\n  cloudCover:\n  [\n    0,\n-   20\n+   50\n  ]\n```');
    expect(details).toContain('! name: "Old name" → "New name"');
    expect(details.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('has no ANSI and cannot be broken by a name with pipes or HTML', () => {
    expect(md).not.toMatch(/\u001b\[/);
    const hostile: Change = { ...busyPlan().changes[0]!, address: 'alerts.a|<b>x</b>', notes: [] };
    const out = renderPlanMarkdown(assemble({ changes: [hostile], drift: [], diagnostics: [] }));
    expect(out).toContain('`alerts.a\\|&lt;b&gt;x&lt;/b&gt;`');
  });
});

describe('markdown renderer: size cap and AOI map', () => {
  it('draws the new orders\' AOIs as one ```geojson block inside <details>', () => {
    const md = renderPlanMarkdown(busyPlan());
    const block = /<details><summary>Map of the new orders' AOIs<\/summary>\n\n```geojson\n(.*)\n```\n\n<\/details>/.exec(md);
    expect(block).not.toBeNull();
    const map = JSON.parse(block![1]!);
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.map((f: { properties: { address: string } }) => f.properties.address)).toContain('orders.paris');
    expect(map.features[0].geometry.type).toBe('Polygon');
  });

  it('stays under GitHub\'s 65,536 characters with 2,000 new orders, saying what was cut and where the full plan is', () => {
    const many = diff(Array.from({ length: 2000 }, (_, i) => legacyOrder(`site-${String(i).padStart(4, '0')}`)), stateOf(), { resources: {} });
    const plan = assemble(many);
    const md = renderPlanMarkdown(plan);
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(md.split('\n')[0]).toBe(PLAN_COMMENT_MARKER);
    expect(md).toMatch(/^### Plan: 2,?000 to order/m);
    const listed = Number(/: (\d+) of 2000 changes listed/.exec(md)![1]);
    expect(md.match(/^\| \+ \| `orders\.site-/gm)).toHaveLength(listed);
    expect(listed).toBeGreaterThan(100);
    expect(md).toContain("The full plan is the CI run's artifact (plan.md, and plan.json to apply), or `orderform show plan.json --output markdown`");
    expect(md).not.toContain('```geojson');
  });

  it('cuts the details before the AOI map: a plan just over the cap keeps its map', () => {
    const plan = busyPlan();
    const full = renderPlanMarkdown(plan, { maxChars: Infinity });
    const withoutDetails = full.length - (full.indexOf('</details>') - full.indexOf('<details><summary>Details'));
    const md = renderPlanMarkdown(plan, { maxChars: withoutDetails + 300 });
    expect(md.length).toBeLessThan(full.length);
    expect(md).toContain('field diffs and notes left out');
    expect(md).not.toContain('<details><summary>Details</summary>');
    expect(md).toContain("<details><summary>Map of the new orders' AOIs</summary>\n\n```geojson");
  });

  it('show prints the whole plan in Markdown, uncut (the cut comment points to it)', () => {
    const many = assemble(diff(Array.from({ length: 2000 }, (_, i) => legacyOrder(`site-${String(i).padStart(4, '0')}`)), stateOf(), { resources: {} }));
    const printed = (whole: boolean) => {
      let out = '';
      printPlan(many, { output: 'markdown', color: false }, { ...captureIo({ cwd: '.' }).io, stdout: (t) => void (out += t) }, whole);
      return out;
    };
    expect(printed(false).length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const whole = printed(true);
    expect(whole.length).toBeGreaterThan(MAX_COMMENT_CHARS);
    expect(whole).not.toContain('Cut to fit');
    expect(whole.match(/^\| \+ \| `orders\.site-/gm)).toHaveLength(2000);
    expect(whole).toContain('```geojson');
  });
});
