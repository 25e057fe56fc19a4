import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderPlanJson } from '../../cli/render/json.js';
import schema from '../../schemas/plan.schema.json' with { type: 'json' };
import { busyPlan, emptyPlan, erroredPlan } from './plans.js';

const ajv = new AjvModule.default({ allErrors: true, strict: true, allowUnionTypes: true });
addFormatsModule.default(ajv);
const validate = ajv.compile(schema);

describe('JSON renderer', () => {
  it.each([['busy', busyPlan()], ['empty', emptyPlan()], ['with errors', erroredPlan()]])('%s plan output matches plan.schema.json', (_, plan) => {
    const data = JSON.parse(renderPlanJson(plan));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('writes keys in a stable order whatever order the plan was built in', () => {
    const plan = busyPlan();
    const shuffled = Object.fromEntries(Object.entries(plan).reverse()) as typeof plan;
    expect(renderPlanJson(shuffled)).toBe(renderPlanJson(plan));
    const keys = Object.keys(JSON.parse(renderPlanJson(plan)));
    expect(keys).toEqual([...keys].sort());
  });

  it('the schema rejects what is not a plan', () => {
    const bad = JSON.parse(renderPlanJson(busyPlan()));
    bad.changes[0].action = 'cancel';
    expect(validate(bad)).toBe(false);
  });
});
