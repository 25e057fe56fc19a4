/** README's config snippet is what a new user copies first: it validates, and the AOI file it names exists. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { load, ROOT, tree } from '../config/helpers.js';

it("README's YAML snippet validates beside the repository's examples/aois", async () => {
  const snippets = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(snippets.length).toBeGreaterThan(0);
  for (const snippet of snippets) {
    const dir = tree({ 'orders.yaml': snippet });
    cpSync(join(ROOT, 'examples/aois'), join(dir, 'examples/aois'), { recursive: true });
    const { config, diagnostics } = await load(['orders.yaml'], {}, dir);
    expect(diagnostics).toEqual([]);
    expect(config?.resources.length).toBeGreaterThan(0);
  }
});
