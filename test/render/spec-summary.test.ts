import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../../cli/render/markdown.js';
import { renderPlanText } from '../../cli/render/text.js';
import { busyPlan } from './plans.js';

describe('what a change puts in place', () => {
  const text = renderPlanText(busyPlan(), { color: false });
  const md = renderPlanMarkdown(busyPlan());

  it('describes each order created: product, items with their AOI and area, references', () => {
    expect(text).toMatch(/\+ orders\.paris [^\n]*\n(?: {6}[^\n]*\n)*? {6}item [^\n]+ → AOI [^\n]+ \([\d.,]+ km²\)/);
    expect(text).toMatch(/\+ orders\.maxar [^\n]*\n(?: {6}[^\n]*\n)*? {6}acquisitions 10300100ARDFRESH1 on account /);
    expect(md).toMatch(/- item [^\n]+ → AOI [^\n]+ km²/);
  });

  it('describes alerts created and the decision taken, without geometry coordinates', () => {
    expect(text).toContain('"new" in context ctx: PNEO / bundle');
    expect(text).toMatch(/accept the quotation of orders\.neo, at most 2000 EUR/);
    expect(text).not.toMatch(/coordinates/);
  });

  it('prints no cost for changes that cost nothing', () => {
    const alertBlock = text.split('\n\n').find((b) => b.includes('alerts.new'))!;
    expect(alertBlock).not.toContain('cost:');
    expect(md).toMatch(/\| `alerts\.new` \| oneatlas_alert \| create \| new \| (free)? \|/);
  });
});
