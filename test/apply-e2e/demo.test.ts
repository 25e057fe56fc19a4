/** The quick start: `orderform demo` plans, applies and re-plans the example against its own sandbox. */
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/fixture.js';

describe('orderform demo', () => {
  it('applies orders.yaml.example and ends with a plan that has no changes', async () => {
    const r = await cli(['demo'], tempDir(), {});
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Apply complete: \d+ done, 0 failed, 0 skipped\./);
    expect(r.out.trimEnd()).toMatch(/No changes\.[^\n]*$/);
  });
});
